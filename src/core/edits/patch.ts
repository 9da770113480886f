import type { LabelRecord } from '../model/labels';

/**
 * What one edit changed, as flat records: the only way labels change. Undo applies the inverse; the journal
 * stores patches as they are applied.
 */
export interface Patch {
  added: LabelRecord[];
  /** [before, after] pairs for the same id. */
  updated: [LabelRecord, LabelRecord][];
  removed: LabelRecord[];
}

/** The labels of a scene by record id. Mutated only through `applyPatch`. */
export type LabelDoc = Map<string, LabelRecord>;

export function emptyPatch(): Patch {
  return { added: [], updated: [], removed: [] };
}

export function isEmptyPatch(p: Patch): boolean {
  return p.added.length === 0 && p.updated.length === 0 && p.removed.length === 0;
}

export function invertPatch(p: Patch): Patch {
  return {
    added: p.removed,
    updated: p.updated.map(([before, after]) => [after, before]),
    removed: p.added,
  };
}

/**
 * Applies a patch in place, all or nothing: it is checked against the doc first and throws, leaving the doc
 * untouched, when it does not fit (so a corrupt journal entry is caught, not half-applied).
 */
export function applyPatch(doc: LabelDoc, p: Patch): void {
  const removed = new Set<string>();
  for (const r of p.removed) {
    if (!doc.has(r.id) || removed.has(r.id)) throw new Error(`patch removes ${r.type} ${r.id}, which does not exist`);
    removed.add(r.id);
  }
  for (const [before] of p.updated) {
    if (!doc.has(before.id) || removed.has(before.id)) {
      throw new Error(`patch updates ${before.type} ${before.id}, which does not exist`);
    }
  }
  for (const r of p.added) {
    if (doc.has(r.id) && !removed.has(r.id)) throw new Error(`patch adds ${r.type} ${r.id}, which already exists`);
  }
  for (const id of removed) doc.delete(id);
  for (const [, after] of p.updated) doc.set(after.id, after);
  for (const r of p.added) doc.set(r.id, r);
}

/**
 * One patch with the effect of `first` then `second`, so that a drag or a key-repeat is one history entry.
 * A record added then updated stays "added" with its last value; added then removed disappears.
 */
export function composePatches(first: Patch, second: Patch): Patch {
  type Change = { before?: LabelRecord; after?: LabelRecord };
  const changes = new Map<string, Change>();
  const note = (id: string, before: LabelRecord | undefined, after: LabelRecord | undefined) => {
    const prior = changes.get(id);
    changes.set(id, prior ? { before: prior.before, after } : { before, after });
  };
  for (const p of [first, second]) {
    for (const r of p.removed) note(r.id, r, undefined);
    for (const [b, a] of p.updated) note(b.id, b, a);
    for (const r of p.added) note(r.id, undefined, r);
  }
  const out = emptyPatch();
  for (const { before, after } of changes.values()) {
    if (before && after) out.updated.push([before, after]);
    else if (after) out.added.push(after);
    else if (before) out.removed.push(before);
  }
  return out;
}
