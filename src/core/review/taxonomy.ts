import type { Severity } from '../model/review';

/** The defect types an issue may name out of the box; the UI translates these ids, a team may add its own. */
export const DEFAULT_DEFECT_TYPES: readonly string[] = [
  'missing-object',
  'false-positive',
  'wrong-class',
  'wrong-attribute',
  'too-loose',
  'too-tight',
  'wrong-heading',
  'wrong-position',
  'identity-switch',
  'fragmented-track',
  'other',
];

/** Why a defect happened, for the dashboard's counts by cause. */
export const ROOT_CAUSES: readonly string[] = ['guideline-unclear', 'tool-problem', 'carelessness', 'ambiguous-data'];

/** Least to most severe: an index is a rank, for sorting. */
export const SEVERITIES: readonly Severity[] = ['minor', 'major', 'critical'];

/**
 * The defect types and root causes a team offers its reviewers. Entries are ids: the defaults are translated,
 * a team's own are shown as typed. Issues keep an id the taxonomy later drops.
 */
export interface DefectTaxonomy {
  defects: string[];
  rootCauses: string[];
}

export function defaultTaxonomy(): DefectTaxonomy {
  return { defects: [...DEFAULT_DEFECT_TYPES], rootCauses: [...ROOT_CAUSES] };
}

/** Whether an id is one of the shipped ones (translated) rather than a team's own (shown as typed). */
export function isDefaultDefect(id: string): boolean {
  return DEFAULT_DEFECT_TYPES.includes(id);
}

export function isDefaultRootCause(id: string): boolean {
  return ROOT_CAUSES.includes(id);
}

/**
 * A taxonomy read back from where it was kept (text the person's browser holds, which may be old or edited by
 * hand): lists of trimmed, distinct, non-empty ids; a missing or damaged list is the default one.
 */
export function parseTaxonomy(text: string | null | undefined): DefectTaxonomy {
  const fallback = defaultTaxonomy();
  let saved: unknown;
  try {
    saved = JSON.parse(text ?? 'null');
  } catch {
    return fallback;
  }
  if (!saved || typeof saved !== 'object') return fallback;
  const { defects, rootCauses } = saved as Record<string, unknown>;
  return { defects: idList(defects) ?? fallback.defects, rootCauses: idList(rootCauses) ?? fallback.rootCauses };
}

/** The ids of a list, trimmed, blanks and repeats dropped; undefined when it is no list or holds none. */
export function idList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids = [...new Set(value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()))];
  const kept = ids.filter((v) => v !== '');
  return kept.length > 0 ? kept : undefined;
}
