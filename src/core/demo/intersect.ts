import { F, STRIDE } from './frame-world';

/**
 * Analytic ray tests against one packed primitive (see frame-world.ts). A ray is o + t·d in the ROAD frame with
 * |d| = 1, so t is metres. A test that finds a hit nearer than `hit.t` overwrites `hit` (t, primitive, outward
 * unit normal in the road frame). Nothing allocates: callers reuse one `Ray` and one `RayHit`.
 */

/** [ox, oy, oz, dx, dy, dz]: origin (metres) and unit direction, road frame. */
export type Ray = Float64Array;

export interface RayHit {
  t: number;
  /** Primitive index, or `HIT_GROUND`, or `HIT_NONE`. */
  prim: number;
  nx: number;
  ny: number;
  nz: number;
}

export const HIT_GROUND = -1;
export const HIT_NONE = -2;
/** Hits closer than this (metres) are ignored, so that a ray never hits the surface it starts on. */
const EPS = 1e-6;

export function createRay(): Ray {
  return new Float64Array(6);
}

export function setRay(ray: Ray, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): Ray {
  ray[0] = ox;
  ray[1] = oy;
  ray[2] = oz;
  ray[3] = dx;
  ray[4] = dy;
  ray[5] = dz;
  return ray;
}

export function createRayHit(): RayHit {
  return { t: Infinity, prim: HIT_NONE, nx: 0, ny: 0, nz: 1 };
}

export function setHit(hit: RayHit, t: number, prim: number, nx: number, ny: number, nz: number): void {
  hit.t = t;
  hit.prim = prim;
  hit.nx = nx;
  hit.ny = ny;
  hit.nz = nz;
}

/** Entry distance of a ray into the slab |p + t·u| ≤ h, as [near, far]; [+∞, −∞] when parallel and outside. */
function slab(p: number, u: number, h: number, out: Float64Array): void {
  if (u === 0) {
    const inside = p >= -h && p <= h;
    out[0] = inside ? -Infinity : Infinity;
    out[1] = inside ? Infinity : -Infinity;
    return;
  }
  const t1 = (-h - p) / u;
  const t2 = (h - p) / u;
  out[0] = t1 < t2 ? t1 : t2;
  out[1] = t1 < t2 ? t2 : t1;
}

const span = new Float64Array(2);

/** Slab test in the box's own frame (turned by its yaw about z). */
export function intersectBox(data: Float64Array, i: number, ray: Ray, hit: RayHit): void {
  const b = i * STRIDE;
  const c = data[b + F.cos]!;
  const s = data[b + F.sin]!;
  const rx = ray[0]! - data[b + F.x]!;
  const ry = ray[1]! - data[b + F.y]!;
  const ux = c * ray[3]! + s * ray[4]!;
  const uy = -s * ray[3]! + c * ray[4]!;
  const uz = ray[5]!;
  slab(c * rx + s * ry, ux, data[b + F.hx]!, span);
  let near = span[0]!;
  let far = span[1]!;
  let axis = 0;
  slab(-s * rx + c * ry, uy, data[b + F.hy]!, span);
  if (span[0]! > near) {
    near = span[0]!;
    axis = 1;
  }
  if (span[1]! < far) far = span[1]!;
  slab(ray[2]! - data[b + F.z]!, uz, data[b + F.hz]!, span);
  if (span[0]! > near) {
    near = span[0]!;
    axis = 2;
  }
  if (span[1]! < far) far = span[1]!;
  if (near > far || near <= EPS || near >= hit.t) return;
  // Outward normal of the entry face, turned back into the road frame.
  if (axis === 0) setHit(hit, near, i, ux > 0 ? -c : c, ux > 0 ? -s : s, 0);
  else if (axis === 1) setHit(hit, near, i, uy > 0 ? s : -s, uy > 0 ? -c : c, 0);
  else setHit(hit, near, i, 0, 0, uz > 0 ? -1 : 1);
}

/** Upright cylinder (radius in `hx`): the side wall, else the cap the ray can see. */
export function intersectCylinder(data: Float64Array, i: number, ray: Ray, hit: RayHit): void {
  const b = i * STRIDE;
  const rx = ray[0]! - data[b + F.x]!;
  const ry = ray[1]! - data[b + F.y]!;
  const rz = ray[2]! - data[b + F.z]!;
  const dx = ray[3]!;
  const dy = ray[4]!;
  const dz = ray[5]!;
  const r = data[b + F.hx]!;
  const hz = data[b + F.hz]!;
  const a = dx * dx + dy * dy;
  if (a > 1e-18) {
    const half = rx * dx + ry * dy;
    const disc = half * half - a * (rx * rx + ry * ry - r * r);
    if (disc >= 0) {
      const t = (-half - Math.sqrt(disc)) / a;
      if (t > EPS && t < hit.t && Math.abs(rz + t * dz) <= hz) {
        setHit(hit, t, i, (rx + t * dx) / r, (ry + t * dy) / r, 0);
        return;
      }
    }
  }
  if (dz === 0) return;
  const t = ((dz < 0 ? hz : -hz) - rz) / dz;
  if (t <= EPS || t >= hit.t) return;
  const px = rx + t * dx;
  const py = ry + t * dy;
  if (px * px + py * py <= r * r) setHit(hit, t, i, 0, 0, dz < 0 ? 1 : -1);
}

/** Ellipsoid: scale to the unit sphere (t keeps its meaning since only the axes scale). */
export function intersectEllipsoid(data: Float64Array, i: number, ray: Ray, hit: RayHit): void {
  const b = i * STRIDE;
  const c = data[b + F.cos]!;
  const s = data[b + F.sin]!;
  const ax = data[b + F.hx]!;
  const ay = data[b + F.hy]!;
  const az = data[b + F.hz]!;
  const rx = ray[0]! - data[b + F.x]!;
  const ry = ray[1]! - data[b + F.y]!;
  const px = (c * rx + s * ry) / ax;
  const py = (-s * rx + c * ry) / ay;
  const pz = (ray[2]! - data[b + F.z]!) / az;
  const qx = (c * ray[3]! + s * ray[4]!) / ax;
  const qy = (-s * ray[3]! + c * ray[4]!) / ay;
  const qz = ray[5]! / az;
  const a = qx * qx + qy * qy + qz * qz;
  const half = px * qx + py * qy + pz * qz;
  const disc = half * half - a * (px * px + py * py + pz * pz - 1);
  if (disc < 0) return;
  const t = (-half - Math.sqrt(disc)) / a;
  if (t <= EPS || t >= hit.t) return;
  // Gradient of the implicit surface in the local frame, then turned back by the yaw.
  const gx = (px + t * qx) / ax;
  const gy = (py + t * qy) / ay;
  const gz = (pz + t * qz) / az;
  const len = Math.hypot(gx, gy, gz);
  setHit(hit, t, i, (c * gx - s * gy) / len, (s * gx + c * gy) / len, gz / len);
}
