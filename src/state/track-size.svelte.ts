import type { Cuboid } from '../core/model/labels';
import type { Scene } from '../core/model/scene';
import type { Ontology } from '../core/model/ontology';
import type { LabelsState } from './labels.svelte';
import type { LoadedFrame } from './frame-provider';
import { setTrackSize } from '../core/edits/set-track-size';
import { estimateTrackSize, replacesSize, supportOf, type TrackSizePart } from '../core/fit/index';
import { transformPoint, translationOf } from '../core/math/mat4';
import { boxToBox, carryBoxPoints, gatherMargin, sampleEvenly } from '../core/tracks/accumulate-track';
import { findClass } from '../core/model/default-ontology';
import { MAX_SAMPLES } from './track-view.svelte';

/** What the estimator reads of the session: its labels, scene, ontology, the frame shown, and any frame. */
export interface EstimatorSession {
  readonly labels: LabelsState;
  readonly scene: Pick<Scene, 'lidars'>;
  readonly ontology: Ontology;
  readonly frameIndex: number;
  readFrame<T>(index: number, use: (frame: LoadedFrame) => T): Promise<T>;
}

/** What an estimate came to: the track took it, kept its better-supported size, or too few points were found. */
export type EstimateOutcome = 'applied' | 'kept' | 'none';

/**
 * Sizes a rigid track from the points of its stored boxes (up to 30 of them, as the track view gathers them),
 * read frame by frame, each carried into the frame of the box nearest the frame shown. After a refit it runs by
 * itself and the estimate replaces the track's size only where it rests on more of the object's points (never
 * a size set by hand, nor one of unknown origin); asked for (`force`: the re-estimate button or key), it
 * replaces any size. One named edit, merged into the refit's undo step when `gesture` is the refit's and nothing
 * came between.
 */
export class TrackSizeEstimator {
  /** The track whose frames are being read, and how far (for the box panel). */
  progress = $state.raw<{ trackId: string; done: number; total: number } | undefined>(undefined);
  /** The outcome of the last estimate the user asked for, for the box panel to say. */
  asked = $state.raw<{ trackId: string; outcome: EstimateOutcome } | undefined>(undefined);
  #token = 0;

  constructor(private readonly session: EstimatorSession) {}

  /** Estimates the track's size from its frames; undefined when superseded, not rigid, or nothing could win. */
  async estimate(
    trackId: string,
    options: { force?: boolean; gesture?: string } = {},
  ): Promise<EstimateOutcome | undefined> {
    const { labels } = this.session;
    const track = labels.tracks.track(trackId);
    const boxes = labels.tracks.boxesOf(trackId);
    if (!track?.rigid || boxes.length === 0) return undefined;
    // Unasked, only more frames can bring more evidence, and only over a size an estimate may replace.
    if (!options.force && (boxes.length < 2 || !Number.isFinite(supportOf(track.sizeSource).points))) return undefined;
    const token = ++this.#token;
    const samples = sampleEvenly(boxes, MAX_SAMPLES);
    const reference = nearest(samples, this.session.frameIndex);
    const lidar = this.session.scene.lidars[0];
    if (!reference || !lidar) return undefined;
    const before = signature(boxes);
    const parts: TrackSizePart[] = [];
    this.progress = { trackId, done: 0, total: samples.length };
    for (const box of samples) {
      try {
        // The points are copied out while the frame is lent: its buffers may go back to the workers after.
        const xyz = await this.session.readFrame(box.frameIndex, (frame) =>
          carryBoxPoints(frame.cloud, lidar.egoFromLidar, box, reference, gatherMargin(box.size)),
        );
        const sensor = transformPoint(boxToBox(reference, box), translationOf(lidar.egoFromLidar));
        parts.push({ xyz, sensor });
      } catch {
        // A frame that cannot be read adds nothing; the others still count.
      }
      if (token !== this.#token) return undefined;
      this.progress = { trackId, done: this.progress.done + 1, total: samples.length };
    }
    this.progress = undefined;
    // Boxes moved meanwhile: the points no longer line up with them, and a newer refit will estimate again.
    if (signature(labels.tracks.boxesOf(trackId)) !== before) return undefined;
    const outcome = this.#apply(trackId, reference, parts, options);
    if (options.force) this.asked = { trackId, outcome };
    return outcome;
  }

  #apply(
    trackId: string,
    reference: Cuboid,
    parts: TrackSizePart[],
    options: { force?: boolean; gesture?: string },
  ): EstimateOutcome {
    const { labels } = this.session;
    const track = labels.tracks.track(trackId);
    if (!track) return 'none';
    const cls = findClass(this.session.ontology, track.classId);
    // Asked for, the box's own faces are left out: the points and the class decide, as a fit would.
    const classId = track.classId;
    const estimate = estimateTrackSize(parts, reference, {
      classId,
      defaultSize: cls?.defaultSize,
      afresh: options.force,
    });
    if (!estimate) return 'none';
    if (!options.force && !replacesSize(estimate, track.sizeSource)) return 'kept';
    const sizeSource = { kind: 'points' as const, frames: estimate.frames, points: estimate.points };
    const patch = setTrackSize(labels.doc, { trackId, size: estimate.size, offset: estimate.offset, sizeSource });
    labels.commit('estimateTrackSize', patch, options.gesture);
    return 'applied';
  }
}

/** The box nearest frame `here` (the reference the points are gathered in). */
function nearest(boxes: readonly Cuboid[], here: number): Cuboid | undefined {
  return boxes.reduce<Cuboid | undefined>(
    (best, b) => (!best || Math.abs(b.frameIndex - here) < Math.abs(best.frameIndex - here) ? b : best),
    undefined,
  );
}

/** The track's stored boxes' ids and poses: what the gathered points were lined up by. */
function signature(boxes: readonly Cuboid[]): string {
  return JSON.stringify(boxes.map((b) => [b.id, b.position, b.yaw, b.pitch, b.roll]));
}
