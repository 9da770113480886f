import type { LabelRecord } from '../model/labels';
import type { PinnedIssue, ReviewRound, Verdict } from '../model/review';
import { activeTimeMs } from './dashboard/active-time';
import { countBoxWork } from './dashboard/box-work';
import {
  per100Boxes,
  type DashboardFigures,
  type DashboardJournalLine,
  type PersonFigures,
  type WorkFigures,
} from './dashboard/figures';
import { tallyIssues } from './dashboard/issue-tally';
import { LabelOwners } from './dashboard/label-owners';
import { reviewedFrames } from './dashboard/reviewed-frames';
import { tallyPrelabels } from '../model/prelabel-tally';

export type {
  DashboardFigures,
  DashboardJournalLine,
  PersonFigures,
  SceneFigures,
  WorkFigures,
} from './dashboard/figures';
export { ACTIVE_GAP_MS, activeTimeMs } from './dashboard/active-time';
export { NOT_BOX_WORK } from './dashboard/box-work';
export { countedIds, per100Boxes } from './dashboard/figures';
export { dashboardCsv } from './dashboard/dashboard-csv';

export interface DashboardInput {
  sceneId: string;
  sceneName: string;
  /** The scene's journal as far as it is kept (any order). */
  journal: readonly DashboardJournalLine[];
  /** The scene's labels now: objects and review records. */
  records: readonly LabelRecord[];
  frameCount: number;
}

/** What one person's or the scene's figures are made of, before the rates. */
interface Parts {
  activeMs: number;
  created: number;
  edited: number;
  accepted: number;
  rejected: number;
  boxes: number;
  issues: PinnedIssue[];
}

const HOUR_MS = 3_600_000;

/**
 * A scene's throughput, review and rework figures, per person and for the whole scene. Throughput comes from
 * the journal: boxes created and edited (`countBoxWork`) per hour of active time (`activeTimeMs`: gaps of at
 * most 5 minutes between one person's lines). Review figures come from the labels now: a verdict on a box or a
 * track, and an issue, count for whoever's labels they judge (`LabelOwners`: changedBy, else madeBy); frame,
 * point and scene-wide verdicts and issues count for the scene only. The scene's active time is everyone's
 * summed (person-hours).
 */
export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const owners = new LabelOwners(input.records);
  const verdicts = input.records.filter((r): r is Verdict => r.type === 'verdict');
  const issues = input.records.filter((r): r is PinnedIssue => r.type === 'issue');
  const rounds = input.records.filter((r): r is ReviewRound => r.type === 'review-round');
  const people = new Map<string, Parts & { verdictsGiven: number; issuesPinned: number }>();
  const personOf = (name: string) => {
    const found = people.get(name);
    if (found) return found;
    const made = { ...emptyParts(), verdictsGiven: 0, issuesPinned: 0 };
    people.set(name, made);
    return made;
  };
  const scene = emptyParts();

  const times = new Map<string, number[]>();
  for (const line of input.journal) {
    const list = times.get(line.author) ?? [];
    list.push(line.time);
    times.set(line.author, list);
  }
  for (const [name, list] of times) {
    const person = personOf(name);
    person.activeMs = activeTimeMs(list);
    scene.activeMs += person.activeMs;
  }
  for (const [name, work] of countBoxWork(input.journal)) {
    Object.assign(personOf(name), work);
    scene.created += work.created;
    scene.edited += work.edited;
  }
  for (const [name, boxes] of owners.boxesByOwner()) if (name !== undefined) personOf(name).boxes = boxes;
  scene.boxes = owners.storedBoxes;

  for (const v of verdicts) {
    personOf(v.author).verdictsGiven++;
    if (v.target.kind === 'frame') continue;
    const decided = v.decision === 'accept' ? 'accepted' : 'rejected';
    scene[decided]++;
    const owner = owners.ownerOf(v.target);
    if (owner !== undefined) personOf(owner)[decided]++;
  }
  for (const issue of issues) {
    personOf(issue.author).issuesPinned++;
    scene.issues.push(issue);
    const owner = owners.ownerOf(issue.target);
    if (owner !== undefined) personOf(owner).issues.push(issue);
  }

  const reviewed = reviewedFrames(rounds, verdicts, owners, input.frameCount).size;
  return {
    scene: {
      sceneId: input.sceneId,
      sceneName: input.sceneName,
      frameCount: input.frameCount,
      reviewedFrames: reviewed,
      coverage: input.frameCount > 0 ? reviewed / input.frameCount : undefined,
      unreviewedFrames: input.frameCount - reviewed,
      ...workFigures(scene),
    },
    people: [...people]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([person, p]): PersonFigures => ({
        person,
        verdictsGiven: p.verdictsGiven,
        issuesPinned: p.issuesPinned,
        ...workFigures(p),
      })),
    prelabels: tallyPrelabels(input.records),
  };
}

function emptyParts(): Parts {
  return { activeMs: 0, created: 0, edited: 0, accepted: 0, rejected: 0, boxes: 0, issues: [] };
}

/**
 * Rates per hour need at least this much active time: one box made in the second after the name was set is
 * not 3,600 boxes an hour, and a lead must not read it so.
 */
export const MIN_RATE_MS = 60_000;

function workFigures(p: Parts): WorkFigures {
  const hours = p.activeMs >= MIN_RATE_MS ? p.activeMs / HOUR_MS : 0;
  const judged = p.accepted + p.rejected;
  const tally = tallyIssues(p.issues);
  return {
    activeMs: p.activeMs,
    boxesCreated: p.created,
    boxesEdited: p.edited,
    createdPerHour: hours > 0 ? p.created / hours : undefined,
    editedPerHour: hours > 0 ? p.edited / hours : undefined,
    accepted: p.accepted,
    rejected: p.rejected,
    acceptanceRate: judged > 0 ? p.accepted / judged : undefined,
    rejectionRate: judged > 0 ? p.rejected / judged : undefined,
    boxes: p.boxes,
    issuesPer100Boxes: per100Boxes(tally.issues, p.boxes),
    ...tally,
  };
}
