import { groundHeightAt } from './road-layout';
import { pointAlong, type Route } from './route';
import { travelAt, type SpeedProfile } from './speed-profile';

/**
 * How a road user moves, in the ROAD frame (metres, seconds since the scene start, radians). Every path is
 * smooth and its pose a pure function of time, so frames can be made in any order.
 */
export type ActorPath =
  | { kind: 'still'; x: number; y: number; yaw: number }
  /** Along a route (straights and arcs) at the speeds of a profile, easing sideways by `shifts` (lane changes). */
  | { kind: 'route'; route: Route; speed: SpeedProfile; shifts?: LaneShift[] }
  /** Straight at (vx, vy) m/s with a small sideways sway (metres, rad/s, rad) as people walk. */
  | { kind: 'walk'; x0: number; y0: number; vx: number; vy: number; sway: number; swayRate: number; phase: number };

/** A sideways move off the route by `by` metres (+ to the left), eased in over `duration` s from `t0` s. */
export interface LaneShift {
  t0: number;
  duration: number;
  by: number;
}

/** Pose on the ground: position of the object-frame origin (road frame, metres) and heading (radians). */
export interface GroundPose {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

export function poseAt(path: ActorPath, t: number): GroundPose {
  switch (path.kind) {
    case 'still':
      return { x: path.x, y: path.y, z: groundHeightAt(path.x, path.y), yaw: path.yaw };
    case 'route': {
      const { s, v } = travelAt(path.speed, t);
      const p = pointAlong(path.route, s);
      const [d, rate] = offsetAt(path.shifts ?? [], t);
      const x = p.x - Math.sin(p.heading) * d;
      const y = p.y + Math.cos(p.heading) * d;
      // Heading of the motion: along the route, turned by the sideways rate against the forward speed there.
      const yaw = p.heading + Math.atan2(rate, v * (1 - p.curvature * d));
      return { x, y, z: groundHeightAt(x, y), yaw };
    }
    case 'walk': {
      const speed = Math.hypot(path.vx, path.vy);
      const nx = -path.vy / speed;
      const ny = path.vx / speed;
      const angle = path.swayRate * t + path.phase;
      const offset = path.sway * Math.sin(angle);
      const rate = path.sway * path.swayRate * Math.cos(angle);
      const x = path.x0 + path.vx * t + nx * offset;
      const y = path.y0 + path.vy * t + ny * offset;
      return { x, y, z: groundHeightAt(x, y), yaw: Math.atan2(path.vy + ny * rate, path.vx + nx * rate) };
    }
  }
}

/** The sideways offset (metres) and its rate (m/s) at `t`: each shift a smoothstep in time. */
function offsetAt(shifts: readonly LaneShift[], t: number): [number, number] {
  let d = 0;
  let rate = 0;
  for (const shift of shifts) {
    const u = Math.min(1, Math.max(0, (t - shift.t0) / shift.duration));
    d += shift.by * u * u * (3 - 2 * u);
    rate += (shift.by * 6 * u * (1 - u)) / shift.duration;
  }
  return [d, rate];
}
