import { fromPose, multiply, type Mat4 } from '../math/mat4';
import { ROAD } from './road-layout';
import { arc, pointAlong, routeLength, straight, type Route } from './route';
import { changeSpeed, hold, stopAndGo, travelAt, type SpeedProfile } from './speed-profile';

/**
 * The ego vehicle's drive: along the −y outer lane of the main street towards +x, it brakes to a stop at the
 * zebra before the intersection while a person crosses, waits, then pulls away and turns right into the cross
 * street (an 8 m arc of the rear axle) and speeds up down it. Its frame is ISO 8855 (x forward, y left, z up,
 * origin on the ground under the rear axle), heading along its route. The ROAD frame is placed in the world by a
 * fixed rigid transform so that world coordinates are not trivially the road's own.
 */
export interface EgoMotion {
  route: Route;
  speed: SpeedProfile;
}

/** Metres from the ego origin to its front bumper. */
export const EGO_FRONT = 3.6;
/** Radius of the right turn, metres (rear axle). */
const TURN_RADIUS = 8;
/** When the ego pulls away from the zebra, seconds since the scene start. */
export const EGO_GO_AT = 4.6;

export const WORLD_FROM_ROAD: Mat4 = fromPose([412.5, -183.25, 21.4], 0.61);

/** The drive for a start speed `v0` (m/s, 8–9: the braking point moves so that the stop is always the same). */
export function createEgoMotion(v0: number): EgoMotion {
  const turnAt = ROAD.crossX - ROAD.outerLaneY - TURN_RADIUS;
  const route: Route = {
    x: 0,
    y: -ROAD.outerLaneY,
    heading: 0,
    pieces: [straight(turnAt), arc(TURN_RADIUS, -Math.PI / 2)],
  };
  // The front bumper stops 0.3 m before the stop line's near edge.
  const stopAt = ROAD.stopLineX - 0.2 - 0.3 - EGO_FRONT;
  const [turnSpeed, accel] = [6, 2.5];
  const start = stopAndGo(v0, stopAt, 2.8, EGO_GO_AT, accel, turnSpeed);
  // Through the turn at a steady speed, then away down the cross street.
  const rolled = stopAt + (turnSpeed * turnSpeed) / (2 * accel);
  const phases = [...start, hold((routeLength(route) - rolled) / turnSpeed), changeSpeed(turnSpeed, 9, 1.5)];
  return { route, speed: { v0, phases } };
}

/** Seconds since the scene start → `roadFromEgo`. */
export function roadFromEgoAt(ego: EgoMotion, t: number): number[] {
  const p = pointAlong(ego.route, travelAt(ego.speed, t).s);
  return fromPose([p.x, p.y, 0], p.heading);
}

export function worldFromEgoAt(ego: EgoMotion, t: number): number[] {
  return multiply(WORLD_FROM_ROAD, roadFromEgoAt(ego, t));
}
