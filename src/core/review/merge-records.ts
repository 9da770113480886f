import type { Patch } from '../edits/patch';
import { canonicalJson } from '../model/canonical-json';
import type { LabelRecord } from '../model/labels';
import type { IssueEvent, PinnedIssue, ReviewRound } from '../model/review';

/** Two copies of a record that were both changed, with the one kept in the merged labels. */
export interface MergeConflict {
  id: string;
  local: LabelRecord;
  incoming: LabelRecord;
}

export interface MergeResult {
  /** Turns `local` into the merged labels; applies with `applyPatch`. */
  patch: Patch;
  /** Records the patch adds and updates, local ones it leaves as they were, and local ones it removes. */
  changed: { added: number; updated: number; kept: number; removed: number };
  conflicts: MergeConflict[];
}

/**
 * Merges the records of a bundle that went away and came back (to a reviewer, to another annotator) into the
 * local labels, record by record, so that work done on both sides since survives. There is no common ancestor,
 * so each kind of record says itself which copy is newer:
 * - only local: kept. Only incoming: added, unless the local journal removed it (`localRemovals`: id → ms of
 *   the removal) at or after the incoming copy's last change (`changeTime`).
 * - tracks, boxes, segments: the later `changedAt` (none = 0; a tie keeps the local copy). When both copies say
 *   who changed them and those differ, it is reported as a conflict (the winner is applied all the same).
 * - a box slot (track, frame) taken by two ids: the later box stays, the other is removed (a conflict).
 * - verdicts and dismissals: the later `time` (a conflict when two people decided differently).
 * - issues: their events joined (the same kind, author and time is one event), oldest first; the other fields
 *   from the copy whose last event is later (a tie keeps the local copy, a conflict when the fields differ).
 * - rounds: a closed copy over an open one, else the later `closedAt`.
 * Boxes and segments left without their track (the local journal removed it) are dropped with it.
 */
export function mergeRecords(
  local: ReadonlyMap<string, LabelRecord>,
  incoming: readonly LabelRecord[],
  localRemovals: ReadonlyMap<string, number>,
): MergeResult {
  const merged = new Map(local);
  const conflicts: MergeConflict[] = [];
  for (const theirs of incoming) {
    const ours = merged.get(theirs.id);
    if (!ours) {
      const removedAt = localRemovals.get(theirs.id);
      if (removedAt === undefined || removedAt < changeTime(theirs)) merged.set(theirs.id, theirs);
      continue;
    }
    if (canonicalJson(ours) === canonicalJson(theirs)) continue;
    const { kept, conflict } = mergePair(ours, theirs);
    // A joined issue may come out as the local copy was: then nothing changed.
    if (kept !== ours && canonicalJson(kept) !== canonicalJson(ours)) merged.set(theirs.id, kept);
    if (conflict) conflicts.push({ id: theirs.id, local: ours, incoming: theirs });
  }
  resolveBoxSlots(local, merged, conflicts);
  dropOrphans(local, merged);
  return { ...patchBetween(local, merged), conflicts };
}

/** When a copy last changed, ms: what a local removal is weighed against. */
export function changeTime(r: LabelRecord): number {
  switch (r.type) {
    case 'track':
    case 'cuboid':
    case 'segment':
      return r.changedAt ?? 0;
    case 'verdict':
    case 'dismissal':
      return r.time;
    case 'issue':
      return Math.max(r.time, lastEventTime(r));
    case 'review-round':
      return r.closedAt ?? r.startedAt;
  }
}

function mergePair(ours: LabelRecord, theirs: LabelRecord): { kept: LabelRecord; conflict: boolean } {
  if (ours.type !== theirs.type) return { kept: ours, conflict: true };
  switch (ours.type) {
    case 'track':
    case 'cuboid':
    case 'segment': {
      const t = theirs as typeof ours;
      const conflict = ours.changedBy !== undefined && t.changedBy !== undefined && ours.changedBy !== t.changedBy;
      return { kept: (t.changedAt ?? 0) > (ours.changedAt ?? 0) ? t : ours, conflict };
    }
    case 'verdict':
    case 'dismissal': {
      const t = theirs as typeof ours;
      const conflict = ours.author !== t.author && (ours.type !== 'verdict' || ours.decision !== (t as typeof ours).decision); // prettier-ignore
      return { kept: t.time > ours.time ? t : ours, conflict };
    }
    case 'issue':
      return mergeIssues(ours, theirs as PinnedIssue);
    case 'review-round':
      return { kept: laterRound(ours, theirs as ReviewRound), conflict: false };
  }
}

function mergeIssues(ours: PinnedIssue, theirs: PinnedIssue): { kept: PinnedIssue; conflict: boolean } {
  const key = (e: IssueEvent) => `${e.kind}\u0000${e.author}\u0000${e.time}`;
  const seen = new Set(ours.events.map(key));
  // A stable sort: events of the same time keep the local order, then the incoming one.
  const events = [...ours.events, ...theirs.events.filter((e) => !seen.has(key(e)))].sort((a, b) => a.time - b.time);
  const theirsLater = lastEventTime(theirs) > lastEventTime(ours);
  const base = theirsLater ? theirs : ours;
  const fields = (i: PinnedIssue) => canonicalJson({ ...i, events: [] });
  // The same last event but other fields: both sides edited it (an edit adds no event), the local edit is kept.
  const conflict = lastEventTime(theirs) === lastEventTime(ours) && fields(ours) !== fields(theirs);
  return { kept: { ...base, events }, conflict };
}

function laterRound(ours: ReviewRound, theirs: ReviewRound): ReviewRound {
  if (theirs.closedAt === undefined) return ours;
  if (ours.closedAt === undefined) return theirs;
  return theirs.closedAt > ours.closedAt ? theirs : ours;
}

function lastEventTime(issue: PinnedIssue): number {
  return issue.events[issue.events.length - 1]?.time ?? issue.time;
}

/**
 * One stored box a track and frame: where the merge put two there (each side made a keyframe on the same
 * frame), the later stays (a tie keeps the local one). Slots the merge did not touch are left as they were.
 */
function resolveBoxSlots(
  local: ReadonlyMap<string, LabelRecord>,
  merged: Map<string, LabelRecord>,
  conflicts: MergeConflict[],
): void {
  // prettier-ignore
  const slots = new Map<string, string[]>();
  for (const r of merged.values()) {
    if (r.type !== 'cuboid') continue;
    const slot = `${r.trackId}\u0000${r.frameIndex}`;
    slots.set(slot, [...(slots.get(slot) ?? []), r.id]);
  }
  for (const ids of slots.values()) {
    if (ids.length < 2 || ids.every((id) => merged.get(id) === local.get(id))) continue;
    const time = (id: string) => changeTime(merged.get(id)!);
    const fromLocal = (id: string) => merged.get(id) === local.get(id);
    const winner = ids.reduce((best, id) =>
      time(id) > time(best) || (time(id) === time(best) && fromLocal(id) && !fromLocal(best)) ? id : best,
    );
    for (const id of ids) {
      if (id === winner) continue;
      const ours = local.get(id) ?? local.get(winner);
      const theirs = fromLocal(id) ? merged.get(winner) : merged.get(id);
      if (ours && theirs) conflicts.push({ id, local: ours, incoming: theirs });
      merged.delete(id);
    }
  }
}

/** Boxes and segments the merge brought in or changed whose track is gone from the merged labels. */
function dropOrphans(local: ReadonlyMap<string, LabelRecord>, merged: Map<string, LabelRecord>): void {
  for (const [id, r] of merged) {
    if (r === local.get(id) || (r.type !== 'cuboid' && r.type !== 'segment') || r.trackId === undefined) continue;
    if (merged.get(r.trackId)?.type !== 'track') merged.delete(id);
  }
}

function patchBetween(local: ReadonlyMap<string, LabelRecord>, merged: ReadonlyMap<string, LabelRecord>) {
  const patch: Patch = { added: [], updated: [], removed: [] };
  for (const [id, r] of merged) {
    const before = local.get(id);
    if (!before) patch.added.push(r);
    else if (before !== r) patch.updated.push([before, r]);
  }
  for (const [id, r] of local) if (!merged.has(id)) patch.removed.push(r);
  const changed = {
    added: patch.added.length,
    updated: patch.updated.length,
    kept: local.size - patch.updated.length - patch.removed.length,
    removed: patch.removed.length,
  };
  return { patch, changed };
}
