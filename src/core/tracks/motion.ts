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
  const from = carryPose(a, frames, frameIndex, a.frameIndex).position;
  const to = carryPose(b, frames, frameIndex, b.frameIndex).position;
  const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
  return Math.hypot(dx, dy) < MIN_TRAVEL_M ? undefined : Math.atan2(dy, dx);
}
