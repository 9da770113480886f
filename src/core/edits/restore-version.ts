import type { LabelRecord, ObjectRecord } from '../model/labels';
import { sameObject } from '../tracks/diff-records';
import { emptyPatch, type LabelDoc, type Patch } from './patch';

const isObject = (r: LabelRecord): r is ObjectRecord =>
  r.type === 'track' || r.type === 'cuboid' || r.type === 'segment';

/**
 * One patch that makes the doc's tracks, stored boxes and time segments those of a version: what the version
 * lacks is removed, what it has is added or put back as it was there. Verdicts, issues, review rounds and
 * dismissals stay as they are: restoring labels must not undo a review of them (a verdict on a box that changed
 * back shows as stale or fresh by its digest). A record that differs only in who made or changed it is left
 * alone, so restoring the labels one already has is an empty patch; a record put back carries the version's copy
 * whole. Throws when the version's object record shares an id with a record of another kind.
 */
export function restoreVersion(doc: LabelDoc, version: { records: readonly LabelRecord[] }): Patch {
  const patch = emptyPatch();
  const wanted = new Map<string, ObjectRecord>();
  for (const r of version.records) if (isObject(r)) wanted.set(r.id, r);
  for (const r of doc.values()) if (isObject(r) && !wanted.has(r.id)) patch.removed.push(r);
  for (const r of wanted.values()) {
    const current = doc.get(r.id);
    if (!current) patch.added.push(r);
    else if (!isObject(current)) throw new Error(`version's ${r.type} ${r.id} is a ${current.type} in the labels`);
    else if (current.type !== r.type || !sameObject(current, r)) patch.updated.push([current, r]);
  }
  return patch;
}
