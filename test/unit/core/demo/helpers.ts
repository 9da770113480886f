import { invertRigid, transformPoint, type Mat4 } from '../../../../src/core/math/mat4';
import { parentFromCuboid } from '../../../../src/core/geometry/cuboid';
import type { Cuboid } from '../../../../src/core/model/labels';

/** Whether an ego-frame point lies inside the cuboid grown by `margin` metres on every side. */
export function isInsideCuboid(c: Cuboid, p: [number, number, number], margin: number): boolean {
  const local = transformPoint(invertRigid(parentFromCuboid(c)), p);
  return local.every((v, k) => Math.abs(v) <= c.size[k]! / 2 + margin);
}

/** Maker of a fast inside test for many points (the inverse is computed once). */
export function makeInsideTest(c: Cuboid, margin: number): (x: number, y: number, z: number) => boolean {
  const m: Mat4 = invertRigid(parentFromCuboid(c));
  const [hx, hy, hz] = [c.size[0] / 2 + margin, c.size[1] / 2 + margin, c.size[2] / 2 + margin];
  return (x, y, z) => {
    const [a, b, d] = transformPoint(m, [x, y, z]);
    return Math.abs(a) <= hx && Math.abs(b) <= hy && Math.abs(d) <= hz;
  };
}

export type Rect = [number, number, number, number];

export function rectIou(a: Rect, b: Rect): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const area = (r: Rect) => (r[2] - r[0]) * (r[3] - r[1]);
  return (w * h) / (area(a) + area(b) - w * h);
}

type Footprint = { position: readonly number[]; size: readonly number[]; yaw: number };

/** Whether two upright boxes overlap by more than `slack` metres (separating axes on the footprints, then z). */
export function doBoxesOverlap(a: Footprint, b: Footprint, slack: number): boolean {
  const za = [a.position[2]! - a.size[2]! / 2, a.position[2]! + a.size[2]! / 2];
  const zb = [b.position[2]! - b.size[2]! / 2, b.position[2]! + b.size[2]! / 2];
  if (za[1]! - slack <= zb[0]! || zb[1]! - slack <= za[0]!) return false;
  const axes = [a.yaw, a.yaw + Math.PI / 2, b.yaw, b.yaw + Math.PI / 2].map((t) => [Math.cos(t), Math.sin(t)] as const);
  const radius = (box: Footprint, [ux, uy]: readonly [number, number]) =>
    (box.size[0]! / 2) * Math.abs(Math.cos(box.yaw) * ux + Math.sin(box.yaw) * uy) +
    (box.size[1]! / 2) * Math.abs(-Math.sin(box.yaw) * ux + Math.cos(box.yaw) * uy);
  const dx = b.position[0]! - a.position[0]!;
  const dy = b.position[1]! - a.position[1]!;
  return axes.every((u) => Math.abs(dx * u[0] + dy * u[1]) < radius(a, u) + radius(b, u) - slack);
}
