import { normalizeAngle } from '../../../../../src/core/math/angle';
import { invertRigid, transformPoint, type Mat4 } from '../../../../../src/core/math/mat4';
import { createRandom, gaussian } from '../../../../../src/core/math/random';
import type { Detection, FrameDetections } from '../../../../../src/core/prelabel/types';

/** Where one synthetic object is at a time (world frame): centre on the ground plane and heading. */
export interface Pose {
  x: number;
  y: number;
  yaw: number;
}

export interface SceneObject {
  classId: string;
  size: [number, number, number];
  /** The pose at time t (s), or undefined while the object is out of sight. */
  at: (t: number, frame: number) => Pose | undefined;
  /** Detections on these frames are turned round (yaw + π). */
  flipped?: (frame: number) => boolean;
  score?: number;
}

export interface SyntheticScene {
  frames: FrameDetections[];
  /** Per frame, per object, the true pose in that frame's ego frame (undefined where unseen). */
  truth: (Pose | undefined)[][];
}

/**
 * Detections of objects seen by a sensor (an ego that stands still, or moves along `ego`), 10 Hz unless `times`
 * says otherwise: centres jittered by `jitter` metres, yaws by `yawJitter` radians; seeded.
 */
export function syntheticScene(
  objects: readonly SceneObject[],
  frameCount: number,
  options: { seed?: number; jitter?: number; yawJitter?: number; ego?: (t: number) => Mat4; times?: number[] } = {},
): SyntheticScene {
  const random = createRandom(options.seed ?? 1);
  const jitter = options.jitter ?? 0.15,
    yawJitter = options.yawJitter ?? 0.03;
  const frames: FrameDetections[] = [];
  const truth: (Pose | undefined)[][] = [];
  for (let i = 0; i < frameCount; i++) {
    const t = options.times?.[i] ?? i / 10;
    const worldFromEgo = options.ego?.(t);
    const egoFromWorld = worldFromEgo && invertRigid(worldFromEgo);
    const egoYaw = worldFromEgo ? Math.atan2(worldFromEgo[4]!, worldFromEgo[0]!) : 0;
    const detections: Detection[] = [];
    const seen: (Pose | undefined)[] = [];
    for (const o of objects) {
      const pose = o.at(t, i);
      if (!pose) {
        seen.push(undefined);
        continue;
      }
      const [x, y] = egoFromWorld ? transformPoint(egoFromWorld, [pose.x, pose.y, 0]) : [pose.x, pose.y];
      const ego = { x, y, yaw: normalizeAngle(pose.yaw - egoYaw) };
      seen.push(ego);
      detections.push({
        classId: o.classId,
        score: o.score ?? 0.8,
        position: [x + jitter * gaussian(random), y + jitter * gaussian(random), o.size[2] / 2],
        size: o.size,
        yaw: normalizeAngle(ego.yaw + yawJitter * gaussian(random) + (o.flipped?.(i) ? Math.PI : 0)),
        points: Math.round(4000 / Math.max(4, Math.hypot(x, y))),
      });
    }
    frames.push({ frameIndex: i, time: t, ...(worldFromEgo && { worldFromEgo }), detections });
    truth.push(seen);
  }
  return { frames, truth };
}

/** A straight, constant-speed motion from (x, y) with velocity (vx, vy), seen on every frame but the `hidden`. */
export function straight(
  x: number,
  y: number,
  vx: number,
  vy: number,
  hidden: (frame: number) => boolean = () => false,
) {
  return (t: number, frame: number): Pose | undefined =>
    hidden(frame) ? undefined : { x: x + vx * t, y: y + vy * t, yaw: Math.atan2(vy, vx) };
}

export const CAR: [number, number, number] = [4.5, 1.8, 1.5];

/** The angle between two headings, 0 … π. */
export function angleBetween(a: number, b: number): number {
  return Math.abs(normalizeAngle(a - b));
}
