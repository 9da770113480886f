import type { Patch } from './patch';
import type { LabelRecord, ObjectRecord } from '../model/labels';
import { canonicalJson } from '../model/canonical-json';

/** Tracks, boxes and segments: the records that describe objects, and carry who made and changed them. */
export function isObjectRecord(r: LabelRecord): r is ObjectRecord {
  return r.type === 'track' || r.type === 'cuboid' || r.type === 'segment';
}

/**
 * The patch with its new and changed objects stamped with who made the edit and when: a new record is made by
 * the author (unless it says who made it: a pasted or merged record keeps its maker), a changed one keeps its
 * maker and is changed by the author. Review records carry their own author and are left as they are. The
 * stamp is what a bundle merge compares (the copy changed last wins) and what the dashboard counts.
 */
export function stampAuthorship(patch: Patch, author: string, time: number): Patch {
  const stamp = (r: LabelRecord, madeBy: string | undefined): LabelRecord =>
    isObjectRecord(r) ? { ...r, madeBy, changedBy: author, changedAt: time } : r;
  return {
    added: patch.added.map((r) => stamp(r, isObjectRecord(r) ? (r.madeBy ?? author) : undefined)),
    updated: patch.updated.map(([before, after]) => [
      before,
      stamp(after, isObjectRecord(before) ? before.madeBy : undefined),
    ]),
    removed: patch.removed,
  };
}

/** Whether two copies of a record say the same of the object, whoever made or changed them and when. */
export function sameApartFromAuthorship(a: LabelRecord, b: LabelRecord): boolean {
  const plain = (r: LabelRecord) => (isObjectRecord(r) ? { ...r, madeBy: undefined, changedBy: undefined, changedAt: undefined } : r); // prettier-ignore
  return canonicalJson(plain(a)) === canonicalJson(plain(b));
}
