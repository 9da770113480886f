import { sameApartFromAuthorship } from '../core/edits/stamp-authorship';
import type { SessionState } from './session.svelte';
import { reportError } from '../formats/problems/error-report';
import type { Cuboid } from '../core/model/labels';
import type { LabelDoc } from '../core/edits/patch';
import type { CuboidChange } from '../core/edits/update-cuboid';
import { adjustmentOf, adjustTrack } from '../core/edits/adjust-track';
import {
  boxToBox,
  carryBoxPoints,
  gatherMargin,
  joinTrackParts,
  sampleEvenly,
  type TrackCloud,
  type TrackPart,
} from '../core/tracks/accumulate-track';

/** At most this many stored boxes are read: enough to see the object's shape, cheap enough to load on demand. */
export const MAX_SAMPLES = 30;
/** How far a box may drift from where it sat relative to the reference before the cloud is gathered again. */
const SAME_POSE = 1e-6;

/**
 * The track view of one track: its points from up to 30 of its stored boxes, gathered into the frame of one
 * reference box (the stored box nearest the frame shown), and drags there turned into one adjustment of every
 * stored box. The cloud is gathered on demand (opening, another track, boxes changed elsewhere), never per draw.
 */
export class TrackViewState {
  /** Raw: typed arrays are never proxied. */
  cloud = $state.raw<TrackCloud | undefined>(undefined);
  /** The stored box whose ego frame the cloud is in. */
  referenceId = $state<string | undefined>(undefined);
  trackId = $state<string | undefined>(undefined);
  /** Frames read so far while gathering, and how many there are to read. */
  progress = $state.raw<{ done: number; total: number } | undefined>(undefined);
  /** Frames that could not be read (1-based, as shown), left out of the cloud. */
  failed = $state.raw<number[]>([]);
  /** The track's stored boxes when it was gathered (the samples are at most `MAX_SAMPLES` of them). */
  storedCount = $state(0);
  #token = 0;
  /** Each sample's box-to-box transform from the reference when gathered: what the cloud's lining up assumed. */
  #relative: { id: string; m: number[] }[] = [];
  /** The track's records as a drag found them: every step of the drag is made from these. */
  #drag: { gesture: string; doc: LabelDoc } | undefined;

  constructor(private readonly session: SessionState) {}

  /** The reference box as it is now (read `labels.version` to follow edits). */
  reference(): Cuboid | undefined {
    const r = this.referenceId ? this.session.labels.doc.get(this.referenceId) : undefined;
    return r?.type === 'cuboid' ? r : undefined;
  }

  /**
   * Whether the cloud no longer fits `trackId`'s boxes: another track, a box added or removed, or a box moved
   * relative to the reference by an edit made elsewhere. An adjustment from this view moves every box alike,
   * which leaves the cloud valid.
   */
  isStale(trackId: string): boolean {
    if (trackId !== this.trackId) return true;
    if (this.progress) return false;
    const boxes = this.session.labels.tracks.boxesOf(trackId);
    const reference = this.reference();
    const samples = sampleEvenly(boxes, MAX_SAMPLES);
    if (!reference || samples.length !== this.#relative.length) return true;
    return samples.some((box, i) => {
      const was = this.#relative[i]!;
      return box.id !== was.id || boxToBox(reference, box).some((v, k) => Math.abs(v - was.m[k]!) > SAME_POSE);
    });
  }

  /** Reads the sampled frames one at a time and gathers the track's points; a later call supersedes it. */
  async gather(trackId: string): Promise<void> {
    const token = ++this.#token;
    const session = this.session;
    const boxes = session.labels.tracks.boxesOf(trackId);
    const samples = sampleEvenly(boxes, MAX_SAMPLES);
    const here = session.frameIndex;
    const reference = samples.reduce<Cuboid | undefined>(
      (best, b) => (!best || Math.abs(b.frameIndex - here) < Math.abs(best.frameIndex - here) ? b : best),
      undefined,
    );
    this.trackId = trackId;
    this.referenceId = reference?.id;
    this.storedCount = boxes.length;
    this.cloud = undefined;
    this.failed = [];
    this.#relative = [];
    const lidar = session.scene.lidars[0];
    if (!reference || !lidar) return void (this.progress = undefined);
    this.progress = { done: 0, total: samples.length };
    const parts: TrackPart[] = [];
    const failed: number[] = [];
    for (const box of samples) {
      const margin = gatherMargin(box.size);
      try {
        // The points are copied out while the frame is lent: its buffers may go back to the workers after.
        const xyz = await session.readFrame(box.frameIndex, (frame) =>
          carryBoxPoints(frame.cloud, lidar.egoFromLidar, box, reference, margin),
        );
        if (token !== this.#token) return;
        parts.push({ frameIndex: box.frameIndex, boxId: box.id, xyz });
      } catch {
        if (token !== this.#token) return;
        failed.push(box.frameIndex + 1);
      }
      this.progress = { done: parts.length + failed.length, total: samples.length };
    }
    this.cloud = joinTrackParts(parts);
    this.failed = failed;
    this.#relative = samples.map((box) => ({ id: box.id, m: boxToBox(reference, box) }));
    this.progress = undefined;
  }

  /**
   * A drag on the reference box in one of the views (`change` made from `start`, the box when the drag began)
   * becomes one adjustment of every stored box of the track; a drag's steps share `gesture`, one undo entry.
   */
  adjust(start: Cuboid, change: CuboidChange, gesture: string): void {
    const labels = this.session.labels;
    const trackId = start.trackId;
    if (this.#drag?.gesture !== gesture) {
      const track = labels.tracks.track(trackId);
      if (!track) return;
      const records = [track, ...labels.tracks.boxesOf(trackId)];
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain doc frozen for the drag, never read reactively
      this.#drag = { gesture, doc: new Map(records.map((r) => [r.id, r])) };
    }
    try {
      const patch = adjustTrack(this.#drag.doc, adjustmentOf(trackId, start, change));
      // Made from the boxes as the drag found them; each step's "before" is what the labels hold now.
      patch.updated = patch.updated.map(([before, after]) => [labels.doc.get(before.id) ?? before, after]);
      // A resize marks the track's size as set by hand on the first step; later steps need not say it again.
      patch.updated = patch.updated.filter(([b, a]) => b.type !== 'track' || !sameApartFromAuthorship(b, a));
      labels.commit('adjustTrack', patch, gesture);
    } catch (error) {
      this.session.error = reportError(error);
      return;
    }
    // Where pitch or roll is not zero the boxes turn a little differently: the cloud still stands, as it does
    // for the box being dragged.
    const reference = this.reference();
    if (reference) {
      this.#relative = this.#relative.map(({ id }) => {
        const box = labels.doc.get(id);
        return { id, m: box?.type === 'cuboid' ? boxToBox(reference, box) : [] };
      });
    }
  }
}
