import { identity, invertRigid, yawOf, type Mat4 } from '../../math/mat4';
import type { FrameDetections } from '../types';

/** A pushed frame as the tracker keeps it: its pose both ways and its time on a clock that always runs forward. */
export interface ClockedFrame {
  frameIndex: number;
  /** Seconds since the first frame. */
  clock: number;
  worldFromEgo: Mat4;
  egoFromWorld: Mat4;
  /** Yaw of the ego in the world, radians. */
  egoYaw: number;
  /** Whether the frame came with its ego pose; without one the ego is taken as standing, which it may not be. */
  posed: boolean;
}

/**
 * Places a frame after the previous one: by its time where both times are known and run forward, else by the
 * frame indices at the fallback rate (times missing, zero or out of order), so that a dropped sweep still counts.
 */
export function clockFrame(
  frame: FrameDetections,
  previous: ClockedFrame | undefined,
  prevTime: number,
  rateHz: number,
): ClockedFrame {
  const worldFromEgo = frame.worldFromEgo ?? identity();
  let clock = 0;
  if (previous) {
    const dtTime = frame.time - prevTime;
    const steps = frame.frameIndex - previous.frameIndex;
    const dt = Number.isFinite(dtTime) && dtTime > 0 ? dtTime : Math.max(1, steps) / rateHz;
    clock = previous.clock + dt;
  }
  return {
    frameIndex: frame.frameIndex,
    clock,
    worldFromEgo,
    egoFromWorld: invertRigid(worldFromEgo),
    egoYaw: yawOf(worldFromEgo),
    posed: frame.worldFromEgo !== undefined,
  };
}
