import type { LabelDoc, Patch } from '../edits/patch';
import type { LabelRecord, TimeSegment } from '../model/labels';

/** The key under which segments of the whole scene (no `trackId`) are listed. */
const SCENE = '';

/**
 * The time segments of a scene by track (and the scene's own), each list sorted by start frame, kept in step with
 * the doc patch by patch: the timeline asks for a row's segments on every redraw, and a scan of 30,000 records
 * per row would not fit in a frame.
 */
export class SegmentIndex {
  readonly #byOwner = new Map<string, TimeSegment[]>();

  constructor(doc: LabelDoc) {
    for (const r of doc.values()) this.#insert(r);
  }

  /** Call after the patch was applied to the doc. */
  applyPatch(patch: Patch): void {
    for (const r of patch.removed) this.#remove(r);
    for (const [before] of patch.updated) this.#remove(before);
    for (const [, after] of patch.updated) this.#insert(after);
    for (const r of patch.added) this.#insert(r);
  }

  /** A track's segments, or with no `trackId` the scene's; earliest start first. */
  of(trackId: string | undefined): readonly TimeSegment[] {
    return this.#byOwner.get(trackId ?? SCENE) ?? [];
  }

  /** How many segments there are in all. */
  get size(): number {
    let n = 0;
    for (const list of this.#byOwner.values()) n += list.length;
    return n;
  }

  #insert(r: LabelRecord): void {
    if (r.type !== 'segment') return;
    const owner = r.trackId ?? SCENE;
    let list = this.#byOwner.get(owner);
    if (!list) this.#byOwner.set(owner, (list = []));
    // Segments per row are few (a handful): a sorted insert is cheaper than keeping a tree.
    let at = list.length;
    while (at > 0 && list[at - 1]!.startFrame > r.startFrame) at--;
    list.splice(at, 0, r);
  }

  #remove(r: LabelRecord): void {
    if (r.type !== 'segment') return;
    const owner = r.trackId ?? SCENE;
    const list = this.#byOwner.get(owner);
    const at = list?.findIndex((s) => s.id === r.id) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
    if (list?.length === 0) this.#byOwner.delete(owner);
  }
}
