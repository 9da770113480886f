import { normalizeAngle } from '../math/angle';
import type { Cuboid } from '../model/labels';
import { carryPose, type FrameTiming } from './frame-motion';

/** Below this travel between two boxes (metres), the direction of motion says nothing about the heading. */
const MIN_TRAVEL_M = 1;

/**
 * The direction a track moves at a frame (radians, that frame's ego frame): from its nearest stored box before
 * to its nearest after, or between its two nearest on one side, both carried into the frame's ego through the
 * ego poses. Undefined for a track that stays put (a parked car) or has fewer than two other boxes: a fit must
 * then settle the heading by shape alone.
 */
export function motionYawAt(
  boxes: readonly Cuboid[],
  frameIndex: number,
  frames: readonly FrameTiming[],
): number | undefined {
  return motionAt(boxes, frameIndex, frames)?.yaw;
}

/** A track's direction of travel at a frame and how far (radians, either way) its heading may lie from it. */
export interface TrackMotion {
  yaw: number;
  tolerance: number;
}

/**
 * How far a stored box's centre may lie from the object's (metres): what a fit on a sparse frame gets wrong.
 * Chosen on the demo drive's first version: 0.25 m turned three of its moving cars' good sparse fits by 0.6–2°.
 */
const CENTRE_ERROR_M = 0.5;

/**
 * The direction of travel of `motionYawAt` and what it supports: the chord between two boxes `travel` metres
 * apart, each centre up to `CENTRE_ERROR_M` off, points within atan(2 · error / travel) of the true direction, and
 * a vehicle turning between them heads along the chord only halfway through its turn: the heading may lie from
 * the chord by that angle plus half the turn between the two boxes' headings.
 */
export function motionAt(
  boxes: readonly Cuboid[],
  frameIndex: number,
  frames: readonly FrameTiming[],
): TrackMotion | undefined {
  const others = boxes.filter((c) => c.frameIndex !== frameIndex);
  const before = others.filter((c) => c.frameIndex < frameIndex);
  const after = others.filter((c) => c.frameIndex > frameIndex);
  const pair =
    before.length > 0 && after.length > 0
      ? [before.at(-1)!, after[0]!]
      : before.length >= 2
        ? before.slice(-2)
        : after.slice(0, 2);
  const [a, b] = pair;
  if (!a || !b) return undefined;
  const from = carryPose(a, frames, frameIndex, a.frameIndex);
  const to = carryPose(b, frames, frameIndex, b.frameIndex);
  const [dx, dy] = [to.position[0] - from.position[0], to.position[1] - from.position[1]];
  const travel = Math.hypot(dx, dy);
  if (travel < MIN_TRAVEL_M) return undefined;
  // The turn between the two boxes, along their axes (a box flipped end for end has not turned).
  const turn = normalizeAngle(to.yaw - from.yaw);
  const axisTurn = Math.abs(turn) > Math.PI / 2 ? Math.PI - Math.abs(turn) : Math.abs(turn);
  return { yaw: Math.atan2(dy, dx), tolerance: Math.atan2(2 * CENTRE_ERROR_M, travel) + axisTurn / 2 };
}
