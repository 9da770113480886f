import { F, STRIDE, type FrameWorld } from './frame-world';
import { HIT_NONE, intersectBox, intersectCylinder, intersectEllipsoid, type Ray, type RayHit } from './intersect';
import { intersectGround } from './intersect-ground';
import { SHAPE } from './primitive';
import type { RayIndex } from './ray-index';

/** Ray tests by `SHAPE` value. */
export const INTERSECT = [intersectBox, intersectCylinder, intersectEllipsoid] as const;

/**
 * Finds the first surface along the ray (ROAD frame) up to `tMax` metres. The ray must start at the origin that
 * `index` was built for. The LiDAR and the camera share this, so both see the same world.
 */
export function castRay(world: FrameWorld, index: RayIndex, ray: Ray, tMax: number, hit: RayHit): void {
  hit.t = tMax;
  hit.prim = HIT_NONE;
  intersectGround(ray, hit);
  const data = world.data;
  const dx = ray[3]!;
  const dy = ray[4]!;
  const dz = ray[5]!;
  const horizontal = Math.hypot(dx, dy);
  const slope = horizontal > 1e-12 ? dz / horizontal : dz > 0 ? Infinity : -Infinity;
  const k = Math.min(index.binCount - 1, Math.max(0, Math.floor((Math.atan2(dy, dx) + Math.PI) * index.binScale)));
  const { items, nearDistance } = index;
  const end = index.offsets[k + 1] ?? 0;
  for (let j = index.offsets[k] ?? 0; j < end; j++) {
    const i = items[j]!;
    const d = nearDistance[i]!;
    // Lists are sorted by distance: once a primitive starts beyond the hit, all the rest do too.
    if (d > hit.t * horizontal) break;
    const b = i * STRIDE;
    // Height of the ray where it first reaches the primitive's bounding cylinder: already above it going up,
    // or below it going down, and it can never meet it.
    const z = ray[2]! + slope * d;
    if (slope >= 0 ? z > data[b + F.zMax]! : z < data[b + F.zMin]!) continue;
    const shape = data[b + F.shape];
    if (shape === SHAPE.box) intersectBox(data, i, ray, hit);
    else if (shape === SHAPE.cylinder) intersectCylinder(data, i, ray, hit);
    else intersectEllipsoid(data, i, ray, hit);
  }
}
