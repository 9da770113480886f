import { normalizeAngle } from '../math/angle';
import type { Vec3 } from '../math/mat4';
import type { Cuboid, TrackSizeSource } from '../model/labels';
import { carryPose, type FrameTiming } from '../tracks/frame-motion';
import { motionAt } from '../tracks/motion';
import { isStationary } from '../tracks/stationary';
import { classPriorOf } from './class-prior';
import { replacesSize } from './size-evidence';

/** Where a refit's heading came from: the fit's own, the track's (it stands still), or bounded by its motion. */
export type RefitHeadingRule = 'fit' | 'track' | 'motion';

/**
 * A direction of travel looser than this (radians either way) bounds nothing worth having: two boxes little more
 * than 1 m apart, or a sharp turn between them. On the demo drive a car queued at a red light, its two nearest
 * boxes sparse fits a few decimetres off and 1.3 m apart, had a good fit turned 39° by such a bound.
 */
const LOOSEST_MOTION = Math.PI / 6;

/** What a refit's heading is chosen from (frame `frameIndex`'s ego frame, metres, radians). */
export interface RefitHeadingInput {
  /** The fit on frame `frameIndex`: its centre, heading, and the sweep's points inside it. */
  fit: { position: Vec3; yaw: number; points: number };
  /**
   * The track's stored boxes. The one on `frameIndex` (before the refit) counts only in telling whether the track
   * stands still; its heading is not evidence.
   */
  boxes: readonly Cuboid[];
  /** The track's size source: its best-supported fit, or the accumulated estimate, and the points behind it. */
  sizeSource: TrackSizeSource | undefined;
  frameIndex: number;
  frames: readonly FrameTiming[];
  classId?: string;
  defaultSize?: Vec3;
  /** For frames without `worldFromEgo`: the ego is known to have stood still, so ego coordinates are world ones. */
  egoStill?: boolean;
}

/**
 * The heading of a refitted box of a rigid track. Where the fit rests on more of the object's points than the
 * track's best evidence (its size source, as for the size) it keeps its own heading. Otherwise, for a vehicle:
 * - standing still in the world (`isStationary`: its stored boxes' centres), the track's world heading, from
 *   the box whose fit the size came from or else the heading its boxes share, carried into this frame: a sparse
 *   frame's fit never turns a parked car, nor flips it end for end;
 * - moving (`motionAt`, where the frames have poses), the fit's heading, on the end toward the direction of
 *   travel, turned no further from that direction than it supports (where it supports 30° or less);
 * - else the fit's own. Classes that turn on the spot (pedestrians) keep the fit's own.
 */
export function refitHeading(input: RefitHeadingInput): { yaw: number; from: RefitHeadingRule } {
  const { fit, frameIndex, frames } = input;
  const own = { yaw: fit.yaw, from: 'fit' as const };
  const others = input.boxes.filter((b) => b.frameIndex !== frameIndex);
  if (others.length === 0 || !classPriorOf(input.classId, input.defaultSize).vehicle) return own;
  const held = input.sizeSource;
  // As for the size: more points, or a refit of the very frame the evidence came from, and the fit wins.
  const sameFrame = held?.kind === 'fit' && held.frameIndex === frameIndex;
  if (sameFrame || replacesSize({ frames: 1, points: fit.points }, held)) return own;
  // The stored boxes, this frame's as it was before the refit too: a fit that caught the wrong object (its
  // centre metres off) must not make a parked car look as if it moved.
  if (isStationary(input.boxes, frames, frameIndex, input.egoStill)) {
    return { yaw: trackHeading(others, held, frames, frameIndex), from: 'track' };
  }
  // Without the ego's poses (and not known still), the boxes' motion is the ego's as much as the object's.
  const posed =
    input.egoStill || [frameIndex, ...others.map((b) => b.frameIndex)].every((i) => frames[i]?.worldFromEgo);
  const motion = posed ? motionAt(input.boxes, frameIndex, frames) : undefined;
  if (!motion || motion.tolerance > LOOSEST_MOTION) return own;
  // The fit's turn from the direction of travel, on the end toward it (as `chooseHeading` takes it, told the motion).
  let turn = normalizeAngle(fit.yaw - motion.yaw);
  if (Math.abs(turn) > Math.PI / 2) turn = normalizeAngle(turn + Math.PI);
  const bounded = Math.max(-motion.tolerance, Math.min(motion.tolerance, turn));
  const yaw = normalizeAngle(motion.yaw + bounded);
  return Math.abs(normalizeAngle(yaw - fit.yaw)) < 1e-9 ? own : { yaw, from: 'motion' };
}

/**
 * A standing track's heading in frame `at`'s ego frame (radians): the heading of the box on the frame its size's
 * fit came from, where the track's size is one frame's fit; otherwise (the accumulated estimate, a size set by
 * hand or of unknown origin) the heading nearest all its boxes' headings, so that one turned box is outvoted.
 */
export function trackHeading(
  boxes: readonly Cuboid[],
  sizeSource: TrackSizeSource | undefined,
  frames: readonly FrameTiming[],
  at: number,
): number {
  const fitted = sizeSource?.kind === 'fit' ? boxes.find((b) => b.frameIndex === sizeSource.frameIndex) : undefined;
  if (fitted) return carryPose(fitted, frames, at, fitted.frameIndex).yaw;
  const yaws = boxes.map((b) => carryPose(b, frames, at, b.frameIndex).yaw);
  const spread = (y: number) => yaws.reduce((sum, z) => sum + Math.abs(normalizeAngle(z - y)), 0);
  return yaws.reduce((best, y) => (spread(y) < spread(best) ? y : best));
}

/**
 * The fitted box turned to `yaw` about its centre (metres, radians): a turn by more than 45° either way swaps
 * its length and width, so that the faces the fit saw stay the faces along each side (`keepSeenFaces`).
 */
export function turnFit<T extends { size: Vec3; yaw: number }>(fit: T, yaw: number): T {
  const turn = normalizeAngle(yaw - fit.yaw);
  const [l, w, h] = fit.size;
  const across = Math.abs(Math.sin(turn)) > Math.SQRT1_2;
  return { ...fit, yaw, size: across ? [w, l, h] : [l, w, h] };
}
