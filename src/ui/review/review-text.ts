import type { MessageKey, MessageValues } from '../../i18n/i18n';
import type { InspectionLevel, InspectionSeverity, InspectionUnit, SamplingPlan, Severity } from '../../core/model/review'; // prettier-ignore
import type { ShownText } from '../shown-text';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/** The shipped defect types by id; a team's own ids are not here and are shown as typed. */
const DEFECTS: Record<string, MessageKey> = {
  'missing-object': 'qa.defectMissingObject',
  'false-positive': 'qa.defectFalsePositive',
  'wrong-class': 'qa.defectWrongClass',
  'wrong-attribute': 'qa.defectWrongAttribute',
  'too-loose': 'qa.defectTooLoose',
  'too-tight': 'qa.defectTooTight',
  'wrong-heading': 'qa.defectWrongHeading',
  'wrong-position': 'qa.defectWrongPosition',
  'identity-switch': 'qa.defectIdentitySwitch',
  'fragmented-track': 'qa.defectFragmentedTrack',
  other: 'qa.defectOther',
};

const ROOT_CAUSES: Record<string, MessageKey> = {
  'guideline-unclear': 'qa.causeGuidelineUnclear',
  'tool-problem': 'qa.causeToolProblem',
  carelessness: 'qa.causeCarelessness',
  'ambiguous-data': 'qa.causeAmbiguousData',
};

export const SEVERITY_KEYS: Record<Severity, MessageKey> = {
  minor: 'qa.severityMinor',
  major: 'qa.severityMajor',
  critical: 'qa.severityCritical',
};

export const STATE_KEYS = { open: 'qa.stateOpen', fixed: 'qa.stateFixed', verified: 'qa.stateVerified' } as const;

export const UNIT_KEYS: Record<InspectionUnit, MessageKey> = {
  box: 'qa.unitBox',
  track: 'qa.unitTrack',
  frame: 'qa.unitFrame',
};

export const LEVEL_KEYS: Record<InspectionLevel, MessageKey> = {
  I: 'qa.levelI',
  II: 'qa.levelII',
  III: 'qa.levelIII',
  'S-1': 'qa.levelS1',
  'S-2': 'qa.levelS2',
  'S-3': 'qa.levelS3',
  'S-4': 'qa.levelS4',
};

export const INSPECTION_KEYS: Record<InspectionSeverity, MessageKey> = {
  normal: 'qa.inspectNormal',
  tightened: 'qa.inspectTightened',
  reduced: 'qa.inspectReduced',
};

export const PLAN_KEYS: Record<SamplingPlan['kind'], MessageKey> = {
  all: 'qa.planAll',
  'random-frames': 'qa.planRandomFrames',
  'every-kth-frame': 'qa.planEveryKth',
  tracks: 'qa.planTracks',
  stratified: 'qa.planStratified',
  acceptance: 'qa.planAcceptance',
};

/** A defect type as shown: a shipped one in the user's language, a team's own as typed (the user's data). */
export function defectText(id: string, t: Translate): ShownText {
  const key = DEFECTS[id];
  return key ? { text: t(key), userData: false } : { text: id, userData: true };
}

export function rootCauseText(id: string, t: Translate): ShownText {
  const key = ROOT_CAUSES[id];
  return key ? { text: t(key), userData: false } : { text: id, userData: true };
}

/** What a sampling plan draws, in a few words. */
export function planSummary(plan: SamplingPlan, t: Translate): string {
  switch (plan.kind) {
    case 'all':
      return t('qa.sumAll');
    case 'random-frames':
      return t('qa.sumRandomFrames', { percent: plan.percent });
    case 'every-kth-frame':
      return t('qa.sumEveryKth', { k: plan.k });
    case 'tracks':
      return t('qa.sumTracks', { percent: plan.percent });
    case 'stratified':
      return t('qa.sumStratified', { percent: plan.percent });
    case 'acceptance':
      return t('qa.sumAcceptance', { aql: plan.aql, level: t(LEVEL_KEYS[plan.level]) });
  }
}
