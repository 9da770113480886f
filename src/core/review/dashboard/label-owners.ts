import type { Authorship, Cuboid, LabelRecord, Track } from '../../model/labels';
import type { ReviewTarget } from '../../model/review';

/** Whose work a record is: whoever changed it last, else whoever made it. */
function authorOf(r: Authorship | undefined): string | undefined {
  return r?.changedBy ?? r?.madeBy;
}

/**
 * Whose labels a review judges. A verdict or an issue on a box goes to the stored box's author; on a box with no
 * author of its own, or a derived one (no stored record: its track's keyframes make it), to the track's. A
 * track, or a span on a track, goes to the track's. Frames, points and spans of the whole scene belong to no
 * one: they count for the scene only.
 */
export class LabelOwners {
  readonly #tracks = new Map<string, Track>();
  readonly #boxes = new Map<string, Cuboid>();
  readonly #frames = new Map<string, { first: number; last: number }>();

  constructor(records: readonly LabelRecord[]) {
    for (const r of records) {
      if (r.type === 'track') this.#tracks.set(r.id, r);
      if (r.type !== 'cuboid') continue;
      this.#boxes.set(`${r.trackId}@${r.frameIndex}`, r);
      const span = this.#frames.get(r.trackId);
      this.#frames.set(r.trackId, {
        first: Math.min(span?.first ?? r.frameIndex, r.frameIndex),
        last: Math.max(span?.last ?? r.frameIndex, r.frameIndex),
      });
    }
  }

  ownerOf(target: ReviewTarget): string | undefined {
    switch (target.kind) {
      case 'box':
        return authorOf(this.#boxes.get(`${target.trackId}@${target.frameIndex}`)) ?? this.#trackOwner(target.trackId);
      case 'track':
        return this.#trackOwner(target.trackId);
      case 'span':
        return target.trackId === undefined ? undefined : this.#trackOwner(target.trackId);
      default:
        return undefined;
    }
  }

  /** The stored boxes of each person (a box with no author: its track's), which issues are counted per 100 of. */
  boxesByOwner(): Map<string | undefined, number> {
    const out = new Map<string | undefined, number>();
    for (const box of this.#boxes.values()) {
      const owner = authorOf(box) ?? this.#trackOwner(box.trackId);
      out.set(owner, (out.get(owner) ?? 0) + 1);
    }
    return out;
  }

  get storedBoxes(): number {
    return this.#boxes.size;
  }

  /** The frames from a track's first stored box to its last: where its boxes are, derived ones included. */
  framesOf(trackId: string): { first: number; last: number } | undefined {
    return this.#frames.get(trackId);
  }

  #trackOwner(trackId: string): string | undefined {
    return authorOf(this.#tracks.get(trackId));
  }
}
