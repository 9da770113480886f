import { groundHeightAt } from './road-layout';

/**
 * How a road user moves, in the ROAD frame (metres, seconds since the scene start, radians). Every path is
 * smooth and its pose a pure function of time, so frames can be made in any order.
 */
export type ActorPath =
  | { kind: 'still'; x: number; y: number; yaw: number }
  /** Along the road at a signed speed (m/s along x), optionally easing into another lane (smoothstep in y). */
  | { kind: 'drive'; x0: number; y0: number; speed: number; laneChange?: { y1: number; t0: number; duration: number } }
  /** Straight at (vx, vy) m/s with a small sideways sway (metres, rad/s, rad) as people walk. */
  | { kind: 'walk'; x0: number; y0: number; vx: number; vy: number; sway: number; swayRate: number; phase: number };

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
      return { x: path.x, y: path.y, z: groundHeightAt(path.y), yaw: path.yaw };
    case 'drive': {
      let y = path.y0;
      let vy = 0;
      const change = path.laneChange;
      if (change) {
        const s = Math.min(1, Math.max(0, (t - change.t0) / change.duration));
        y += (change.y1 - path.y0) * s * s * (3 - 2 * s);
        vy = ((change.y1 - path.y0) * 6 * s * (1 - s)) / change.duration;
      }
      return { x: path.x0 + path.speed * t, y, z: groundHeightAt(y), yaw: Math.atan2(vy, path.speed) };
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
      return { x, y, z: groundHeightAt(y), yaw: Math.atan2(path.vy + ny * rate, path.vx + nx * rate) };
    }
  }
}
