import type { ExportLineage } from '../../core/model/export-lineage';
import type { ExportRecord } from '../../core/model/export-record';
import type { LabelVersion } from '../../core/model/label-version';
import type { LabelRecord } from '../../core/model/labels';
import type { ReviewIssue } from '../../core/model/review-issue';
import type { Scene } from '../../core/model/scene';
import type { BundleJournalLine } from './frustum-bundle';

/**
 * Shape checks of a bundle's parts: enough that whatever passes can be stored and opened without the app
 * tripping over a missing field. Each returns the faults as `<JSON path> <problem>`, empty when it fits.
 */
type Check = (value: unknown, at: string) => string[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fields(spec: Record<string, 'string' | 'number' | 'array' | 'object' | 'string?'>): Check {
  return (value, at) => {
    if (!isObject(value)) return [`${at || '/'} must be an object`];
    const faults: string[] = [];
    for (const [key, kind] of Object.entries(spec)) {
      const v = value[key];
      if (kind === 'string?' && (v === undefined || typeof v === 'string')) continue;
      const ok =
        kind === 'array' ? Array.isArray(v) : kind === 'object' ? isObject(v) : typeof v === kind.replace('?', '');
      if (!ok) faults.push(`${at}/${key} must be ${kind === 'array' || kind === 'object' ? 'an' : 'a'} ${kind.replace('?', '')}`); // prettier-ignore
    }
    return faults;
  };
}

const arrayOf =
  (item: Check): Check =>
  (value, at) =>
    Array.isArray(value) ? value.flatMap((v, i) => item(v, `${at}/${i}`)) : [`${at || '/'} must be an array`];

const both =
  (...checks: Check[]): Check =>
  (value, at) => {
    for (const check of checks) {
      const faults = check(value, at);
      if (faults.length) return faults;
    }
    return [];
  };

/** Review records (bundle version 4): what the review panels read without looking twice. */
const REVIEW_FIELDS: Record<string, Check> = {
  verdict: fields({ target: 'object', decision: 'string', author: 'string', time: 'number', labelDigest: 'string' }),
  issue: both(
    fields({ target: 'object', defect: 'string', severity: 'string', comment: 'string', author: 'string' }),
    fields({ time: 'number', labelDigest: 'string', events: 'array' }),
    (v, at) =>
      arrayOf(fields({ kind: 'string', author: 'string', time: 'number' }))((v as { events: unknown }).events, `${at}/events`), // prettier-ignore
  ),
  'review-round': both(
    fields({ reviewer: 'string', startedAt: 'number', plan: 'object', unit: 'string', seed: 'number' }),
    fields({ sample: 'array', lotSize: 'number' }),
  ),
};
const RECORD_TYPES = new Set(['track', 'cuboid', 'segment', 'dismissal', ...Object.keys(REVIEW_FIELDS)]);
const checkRecord: Check = both(
  fields({ type: 'string', id: 'string', sceneId: 'string' }),
  (v, at) =>
    RECORD_TYPES.has((v as { type: string }).type)
      ? []
      : [`${at}/type must be track, cuboid, segment, dismissal, verdict, issue or review-round`],
  (v, at) => REVIEW_FIELDS[(v as { type: string }).type]?.(v, at) ?? [],
);
const checkPatch: Check = both(fields({ added: 'array', removed: 'array', updated: 'array' }), (v, at) => {
  const p = v as { added: unknown[]; removed: unknown[]; updated: unknown[] };
  const pairs: Check = (pair, where) =>
    Array.isArray(pair) && pair.length === 2
      ? [...checkRecord(pair[0], `${where}/0`), ...checkRecord(pair[1], `${where}/1`)]
      : [`${where} must be a [before, after] pair`];
  return [
    ...arrayOf(checkRecord)(p.added, `${at}/added`),
    ...arrayOf(checkRecord)(p.removed, `${at}/removed`),
    ...arrayOf(pairs)(p.updated, `${at}/updated`),
  ];
});

export const checkRecords = arrayOf(checkRecord) as (v: unknown, at: string) => string[];
export const checkScene: Check = fields({
  id: 'string',
  name: 'string',
  source: 'object',
  lidars: 'array',
  cameras: 'array',
  frames: 'array',
  ontologyId: 'string',
  provenance: 'object',
});
export const checkVersion: Check = both(
  fields({ id: 'string', sceneId: 'string', parentId: 'string?', author: 'string', time: 'number' }),
  fields({ message: 'string', records: 'array', prelabelModels: 'array', digest: 'string' }),
  (v, at) => checkRecords((v as { records: unknown }).records, `${at}/records`),
);
export const checkJournalLine: Check = both(
  fields({ time: 'number', author: 'string', name: 'string', patch: 'object', gesture: 'string?' }),
  (v, at) => checkPatch((v as { patch: unknown }).patch, `${at}/patch`),
);
export const checkLineage: Check = both(
  fields({ frustumVersion: 'string', author: 'string', time: 'string', inputs: 'array', ontology: 'object' }),
  fields({ prelabelModels: 'array', labelVersionId: 'string?', parentVersionId: 'string?' }),
);
export const checkExports: Check = arrayOf(
  both(
    fields({
      id: 'string',
      sceneId: 'string',
      format: 'string',
      fileName: 'string',
      time: 'number',
      problems: 'array',
    }),
    (v, at) => checkLineage((v as { lineage: unknown }).lineage, `${at}/lineage`),
  ),
);

/** Review records: the automatic checks' findings (`AutoIssue`), so far the only kind. */
export const checkReviews: Check = arrayOf(
  both(
    fields({ kind: 'string', id: 'string', sceneId: 'string', check: 'string', severity: 'string' }),
    fields({ frames: 'array', frame: 'number', trackId: 'string', params: 'object', status: 'string' }),
    fields({ firstSeen: 'number', lastSeen: 'number' }),
    (v, at) => ((v as { kind: string }).kind === 'auto' ? [] : [`${at}/kind must be auto`]),
  ),
);

/** The checked types, for the reader's casts once a check has passed. */
export type Checked = {
  scene: Scene;
  records: LabelRecord[];
  version: LabelVersion;
  line: BundleJournalLine;
  lineage: ExportLineage;
  exports: ExportRecord[];
  reviews: ReviewIssue[];
};
