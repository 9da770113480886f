import { fromPose, multiply, type Mat4 } from '../math/mat4';
import { ROAD } from './road-layout';

/**
 * The ego vehicle drives straight down the −y inner lane at a constant speed. Its frame is ISO 8855 (x forward,
 * y left, z up, origin on the ground under the rear axle). The ROAD frame is placed in the world by a fixed
 * rigid transform so that world coordinates are not trivially the road's own.
 */
export interface EgoMotion {
  /** m/s along the road. */
  speed: number;
  /** Road-frame x of the ego origin at t = 0, metres. */
  x0: number;
  y: number;
}

export const WORLD_FROM_ROAD: Mat4 = fromPose([412.5, -183.25, 21.4], 0.61);

export function createEgoMotion(speed: number): EgoMotion {
  return { speed, x0: 0, y: -ROAD.innerLaneY };
}

/** Seconds since the scene start → `roadFromEgo`. */
export function roadFromEgoAt(ego: EgoMotion, t: number): number[] {
  return fromPose([ego.x0 + ego.speed * t, ego.y, 0], 0);
}

export function worldFromEgoAt(ego: EgoMotion, t: number): number[] {
  return multiply(WORLD_FROM_ROAD, roadFromEgoAt(ego, t));
}
