import type { LabelDoc, Patch } from '../edits/patch';
import type { Cuboid, LabelRecord, Track } from '../model/labels';
import { interpolateCuboid } from './interpolate';
import type { FrameTiming } from './frame-motion';

/**
 * The stored boxes of a scene by track (sorted by frame) and by frame, kept in step with the doc patch by
 * patch, so that an edit costs the tracks it touches rather than a scan of every record. Derived boxes (the
 * frames between two stored boxes of a track) are computed from it on request.
 */
export class TrackIndex {
  readonly #byTrack = new Map<string, Cuboid[]>();
  readonly #byFrame = new Map<number, Map<string, Cuboid>>();
  readonly #tracks = new Map<string, Track>();

  constructor(doc: LabelDoc) {
    for (const r of doc.values()) this.#add(r);
    for (const list of this.#byTrack.values()) list.sort((a, b) => a.frameIndex - b.frameIndex);
  }

  /** Call after the patch was applied to the doc. */
  applyPatch(patch: Patch): void {
    for (const r of patch.removed) this.#remove(r);
    for (const [before] of patch.updated) this.#remove(before);
    for (const [, after] of patch.updated) this.#insert(after);
    for (const r of patch.added) this.#insert(r);
  }

  track(id: string): Track | undefined {
    return this.#tracks.get(id);
  }

  get tracks(): IterableIterator<Track> {
    return this.#tracks.values();
  }

  /** The stored boxes of a track, earliest frame first. */
  boxesOf(trackId: string): readonly Cuboid[] {
    return this.#byTrack.get(trackId) ?? [];
  }

  storedOn(frameIndex: number): Cuboid[] {
    return [...(this.#byFrame.get(frameIndex)?.values() ?? [])];
  }

  /** Every box of a frame: the stored ones and, for each track with stored boxes on both sides, the derived. */
  cuboidsOn(frameIndex: number, frames: readonly FrameTiming[]): Cuboid[] {
    const out = this.storedOn(frameIndex);
    for (const [trackId, list] of this.#byTrack) {
      const at = firstAfter(list, frameIndex);
      if (at === 0 || at === list.length) continue;
      const before = list[at - 1]!;
      if (before.frameIndex === frameIndex) continue;
      const neighbours = { before: list[at - 2], after: list[at + 1] };
      out.push(interpolateCuboid(before, list[at]!, frameIndex, frames, this.#tracks.get(trackId), neighbours));
    }
    return out;
  }

  #add(r: LabelRecord): void {
    if (r.type === 'track') {
      this.#tracks.set(r.id, r);
      return;
    }
    if (r.type !== 'cuboid') return;
    let list = this.#byTrack.get(r.trackId);
    if (!list) this.#byTrack.set(r.trackId, (list = []));
    list.push(r);
    let frame = this.#byFrame.get(r.frameIndex);
    if (!frame) this.#byFrame.set(r.frameIndex, (frame = new Map()));
    frame.set(r.id, r);
  }

  #insert(r: LabelRecord): void {
    if (r.type === 'track') return void this.#tracks.set(r.id, r);
    if (r.type !== 'cuboid') return;
    this.#add(r);
    const list = this.#byTrack.get(r.trackId)!;
    // Appended last: move it back to its place (lists are per track, a few hundred boxes at most).
    for (let i = list.length - 1; i > 0 && list[i - 1]!.frameIndex > r.frameIndex; i--) {
      [list[i - 1], list[i]] = [list[i]!, list[i - 1]!];
    }
  }

  #remove(r: LabelRecord): void {
    if (r.type === 'track') return void this.#tracks.delete(r.id);
    if (r.type !== 'cuboid') return;
    const list = this.#byTrack.get(r.trackId);
    const at = list?.findIndex((c) => c.id === r.id) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
    if (list?.length === 0) this.#byTrack.delete(r.trackId);
    const frame = this.#byFrame.get(r.frameIndex);
    frame?.delete(r.id);
    if (frame?.size === 0) this.#byFrame.delete(r.frameIndex);
  }
}

/** Index of the first box after `frameIndex` (binary search; the list is sorted by frame). */
function firstAfter(list: readonly Cuboid[], frameIndex: number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.frameIndex <= frameIndex) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
