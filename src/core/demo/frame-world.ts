import type { DemoObject } from './actors';
import { poseAt } from './actor-path';
import { SHAPE, type Primitive } from './primitive';

/**
 * Every primitive of the world at one instant, packed flat (ROAD frame, metres) so that the ray caster reads
 * numbers, not objects. One record of `STRIDE` numbers per primitive, laid out as the `F` offsets say.
 */
export const F = {
  shape: 0,
  x: 1,
  y: 2,
  z: 3,
  cos: 4,
  sin: 5,
  hx: 6,
  hy: 7,
  hz: 8,
  /** Ground-truth object index, or −1 for the static world. */
  object: 9,
  material: 10,
  r: 11,
  g: 12,
  b: 13,
  reflectivity: 14,
  zMin: 15,
  zMax: 16,
  /** Radius of the vertical cylinder around (x, y) that holds the primitive. */
  radius: 17,
} as const;
export const STRIDE = 18;

export interface FrameWorld {
  count: number;
  data: Float64Array;
}

function write(
  data: Float64Array,
  i: number,
  p: Primitive,
  x: number,
  y: number,
  z: number,
  yaw: number,
  object: number,
): void {
  const b = i * STRIDE;
  data[b + F.shape] = p.shape;
  data[b + F.x] = x;
  data[b + F.y] = y;
  data[b + F.z] = z;
  data[b + F.cos] = Math.cos(yaw);
  data[b + F.sin] = Math.sin(yaw);
  data[b + F.hx] = p.hx;
  data[b + F.hy] = p.hy;
  data[b + F.hz] = p.hz;
  data[b + F.object] = object;
  data[b + F.material] = p.material;
  data[b + F.r] = p.color[0];
  data[b + F.g] = p.color[1];
  data[b + F.b] = p.color[2];
  data[b + F.reflectivity] = p.reflectivity;
  data[b + F.zMin] = z - p.hz;
  data[b + F.zMax] = z + p.hz;
  data[b + F.radius] =
    p.shape === SHAPE.box ? Math.hypot(p.hx, p.hy) : p.shape === SHAPE.cylinder ? p.hx : Math.max(p.hx, p.hy);
}

/** Packs the static street once per drive. */
export function packStatic(parts: readonly Primitive[]): FrameWorld {
  const data = new Float64Array(parts.length * STRIDE);
  parts.forEach((p, i) => write(data, i, p, p.x, p.y, p.z, p.yaw, -1));
  return { count: parts.length, data };
}

/** The static street plus every road user posed at `t` seconds since the scene start. */
export function buildFrameWorld(staticWorld: FrameWorld, objects: readonly DemoObject[], t: number): FrameWorld {
  let count = staticWorld.count;
  for (const o of objects) count += o.template.parts.length;
  const data = new Float64Array(count * STRIDE);
  data.set(staticWorld.data);
  let i = staticWorld.count;
  for (const o of objects) {
    const pose = poseAt(o.path, t);
    const c = Math.cos(pose.yaw);
    const s = Math.sin(pose.yaw);
    for (const p of o.template.parts) {
      const x = pose.x + c * p.x - s * p.y;
      const y = pose.y + s * p.x + c * p.y;
      write(data, i++, p, x, y, pose.z + p.z, pose.yaw + p.yaw, o.index);
    }
  }
  return { count, data };
}
