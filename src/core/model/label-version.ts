import { tallyPrelabels } from './prelabel-tally';
import type { Cuboid, LabelRecord } from './labels';

/** A model whose pre-labels are among some boxes: named once however many boxes it made. */
export interface PrelabelModel {
  name: string;
  version: string;
}

/**
 * An immutable snapshot of a scene's labels, made when the user saves a version or when an export needs one
 * to name. Versions of a scene form a chain through `parentId` (the latest version when this one was made).
 * `records` are the stored records (tracks, keyframe boxes, time segments), not the derived boxes.
 */
export interface LabelVersion {
  id: string;
  sceneId: string;
  /** The version this one was made after; absent for a scene's first. */
  parentId?: string;
  author: string;
  /** ms since the epoch. */
  time: number;
  /** What the user said about it, or what made it (`Export openlabel`). */
  message: string;
  records: LabelRecord[];
  /** Every pre-labelling model among the boxes, once each, in the order first met. */
  prelabelModels: PrelabelModel[];
  /** SHA-256 of `canonicalJson` of the records sorted by id: equal labels have equal digests. */
  digest: string;
}

/** Each pre-labelling model found among the boxes (edited ones included), once, in the order first met. */
export function prelabelModelsOf(records: Iterable<LabelRecord | Cuboid>): PrelabelModel[] {
  return tallyPrelabels(records).map(({ name, version }) => ({ name, version }));
}

/** The records in the one order digests and snapshots use: by id. */
export function sortRecords(records: Iterable<LabelRecord>): LabelRecord[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
