import type { Cuboid, LabelRecord } from './labels';

/** What became of one engine's boxes: still to be looked at, confirmed as they were, or edited by a person. */
export interface PrelabelTally {
  name: string;
  version: string;
  pending: number;
  confirmed: number;
  edited: number;
}

/**
 * Each pre-labelling engine among the boxes, once, in the order first met, with how many of its boxes are
 * pending, confirmed and edited: how much of the labels the engine produced, and how much people corrected.
 */
export function tallyPrelabels(records: Iterable<LabelRecord | Cuboid>): PrelabelTally[] {
  const tallies = new Map<string, PrelabelTally>();
  for (const r of records) {
    if (r.type !== 'cuboid') continue;
    const s = r.source;
    const engine = s.kind === 'prelabel' ? s : s.kind === 'manual' ? s.from : undefined;
    if (!engine) continue;
    const key = `${engine.model}\n${engine.version}`;
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = { name: engine.model, version: engine.version, pending: 0, confirmed: 0, edited: 0 })); // prettier-ignore
    if (s.kind === 'manual') tally.edited++;
    else if (s.kind === 'prelabel' && s.confirmed) tally.confirmed++;
    else tally.pending++;
  }
  return [...tallies.values()];
}
