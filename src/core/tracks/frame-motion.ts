import { invertRigid, multiply, transformPoint, yawOf, type Mat4 } from '../math/mat4';
import { normalizeAngle } from '../math/angle';
import type { Cuboid } from '../model/labels';

/** What the track code needs of a frame: when it was taken and, where the dataset has it, where the ego was. */
export interface FrameTiming {
  /** µs. */
  timestampUs: number;
  worldFromEgo?: Mat4;
}

export type BoxPose = Pick<Cuboid, 'position' | 'yaw'>;

/**
 * `egoOf(to)FromEgoOf(from)`: the transform that carries a point fixed in the world from one frame's ego
 * coordinates to another's. The identity where either frame has no pose (boxes then stay in ego coordinates).
 */
export function egoFromEgo(frames: readonly FrameTiming[], to: number, from: number): number[] | undefined {
  return egoFromEgos(frames, to)(from);
}

/** The same for many frames seen from one (a path): frame `to`'s pose is inverted once. */
export function egoFromEgos(frames: readonly FrameTiming[], to: number): (from: number) => number[] | undefined {
  const worldFromTo = frames[to]?.worldFromEgo;
  const toFromWorld = worldFromTo && invertRigid(worldFromTo);
  return (from) => {
    const worldFromFrom = frames[from]?.worldFromEgo;
    return toFromWorld && worldFromFrom ? multiply(toFromWorld, worldFromFrom) : undefined;
  };
}

/** A box that stays put in the world, seen from another frame's ego (position and yaw; metres, radians). */
export function carryPose(pose: BoxPose, frames: readonly FrameTiming[], to: number, from: number): BoxPose {
  const m = egoFromEgo(frames, to, from);
  if (!m) return { position: [...pose.position], yaw: pose.yaw };
  return { position: transformPoint(m, pose.position), yaw: normalizeAngle(pose.yaw + yawOf(m)) };
}

/**
 * Where frame `at` lies between frames `a` and `b` (0 at a, 1 at b, beyond for an extrapolation): by
 * timestamps where they are in order, else by index (a dropped sweep keeps the motion's real pace this way).
 */
export function fractionBetween(frames: readonly FrameTiming[], a: number, b: number, at: number): number {
  const ta = frames[a]?.timestampUs,
    tb = frames[b]?.timestampUs,
    t = frames[at]?.timestampUs;
  // Timestamps are trusted when they run the way the indices do (also backwards, for a prediction).
  if (ta !== undefined && tb !== undefined && t !== undefined && (tb - ta) * (b - a) > 0) return (t - ta) / (tb - ta);
  return (at - a) / (b - a);
}

/** Linear blend of two angles along the shorter arc, result in (−π, π]. */
export function blendAngle(a: number, b: number, t: number): number {
  return normalizeAngle(a + t * normalizeAngle(b - a));
}
