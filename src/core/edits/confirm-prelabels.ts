import type { Cuboid, CuboidSource } from '../model/labels';
import type { LabelDoc, Patch } from './patch';

/**
 * Confirms pre-label boxes: each stays the engine's (its score and model kept) and is drawn as a label from then
 * on. Boxes that are not unconfirmed pre-labels are left as they are; unknown ids are an error.
 */
export function confirmPrelabels(doc: LabelDoc, args: { cuboidIds: readonly string[] }): Patch {
  const updated: [Cuboid, Cuboid][] = [];
  for (const id of args.cuboidIds) {
    const before = doc.get(id);
    if (!before || before.type !== 'cuboid') throw new Error(`confirmPrelabels: no cuboid ${id}`);
    const s = before.source;
    if (s.kind !== 'prelabel' || s.confirmed) continue;
    updated.push([before, { ...before, source: { ...s, confirmed: true } }]);
  }
  return { added: [], updated, removed: [] };
}

/** A pre-label nobody has confirmed or edited yet. */
export function isPendingPrelabel(c: Pick<Cuboid, 'source'>): boolean {
  return c.source.kind === 'prelabel' && c.source.confirmed !== true;
}

/** The source of a box a person changed: manual, keeping the engine that first produced it, if one did. */
export function editedSource(before: CuboidSource): CuboidSource {
  if (before.kind === 'prelabel') return { kind: 'manual', from: { model: before.model, version: before.version } };
  if (before.kind === 'manual' && before.from) return { kind: 'manual', from: { ...before.from } };
  return { kind: 'manual' };
}
