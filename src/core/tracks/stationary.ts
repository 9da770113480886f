import { transformPoint, type Vec3 } from '../math/mat4';
import { egoFromEgos, type FrameTiming } from './frame-motion';

/** Where an object was seen on one frame: a centre in that frame's ego coordinates (metres). */
export interface FrameCentre {
  frameIndex: number;
  position: Vec3;
}

/**
 * An object whose centres all lie within this distance of each other (metres) stays put: as in `motionYawAt`,
 * less travel than this says nothing of a direction, and a sparse frame's fit may put a parked car's centre a
 * few decimetres off.
 */
export const STILL_SPREAD_M = 1;

/**
 * Whether an object stays put in the world: its centres on several frames, carried into frame `at`'s ego
 * coordinates through the frames' `worldFromEgo`, lie within `STILL_SPREAD_M` of each other on the ground. Where a
 * frame has no pose the centres can be compared in ego coordinates only when the ego itself is known to have
 * stood still (`egoStill`); otherwise nothing can be said and the answer is false. Fewer than two centres: false.
 */
export function isStationary(
  centres: readonly FrameCentre[],
  frames: readonly FrameTiming[],
  at: number,
  egoStill = false,
): boolean {
  if (centres.length < 2) return false;
  const carry = egoFromEgos(frames, at);
  const placed: Vec3[] = [];
  for (const c of centres) {
    const m = c.frameIndex === at ? undefined : carry(c.frameIndex);
    if (!m && c.frameIndex !== at && !egoStill) return false;
    placed.push(m ? transformPoint(m, c.position) : c.position);
  }
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const [a, b] = [placed[i]!, placed[j]!];
      if (Math.hypot(a[0] - b[0], a[1] - b[1]) > STILL_SPREAD_M) return false;
    }
  }
  return true;
}
