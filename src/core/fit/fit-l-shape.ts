import type { PointSet } from './point-set';

/**
 * A rectangle in the ego x, y plane: axis 1 at `angle` from +x (radians, in [0, π/2)), axis 2 at angle + π/2;
 * the rectangle spans [min1, max1] × [min2, max2] metres along them (coordinates are dot products of the ego
 * x, y with each axis).
 */
export interface Rect2 {
  angle: number;
  min1: number;
  max1: number;
  min2: number;
  max2: number;
}

/** The search: every 2°, then every 0.5° and 0.1° round the best (63 angles rather than 900). */
const COARSE_STEP = Math.PI / 90;
const MID_STEP = Math.PI / 360;
const FINE_STEP = Math.PI / 1800;
/** Larger sets are searched on every n-th point; the rectangle still bounds them all. */
const MAX_SEARCH_POINTS = 400;
/**
 * Points nearer an edge than this (metres) all count the same. The paper's 1 cm suits a 2D scanner; a car's
 * returns from several heights (bumper, doors, mirrors) scatter a face by ~10 cm, and at 1 cm a handful of
 * points that happen to line up at a wrong angle can outscore the faces (measured on the real cars: median
 * heading error 1.1° against 1.6°, and the KITTI car's IoU 0.77 against 0.74).
 */
const MIN_DISTANCE = 0.1;

/**
 * L-shape fit of a vehicle's points seen from above (the closeness criterion of Zhang et al., "Efficient L-Shape
 * Fitting for Vehicle Detection Using Laser Scanners", 2017): over rectangle orientations in [0, π/2) (2°, then
 * 0.5° and 0.1° round the best), project the points on both axes, take on each axis the bounding edge the points hug
 * more closely (the visible face), and score Σ 1 / max(distance to the nearer of those two edges, 10 cm). The
 * best-scoring orientation's bounding rectangle is returned. Points inside the outline count little, so the
 * visible faces decide.
 */
export function fitLShape(set: PointSet): Rect2 {
  const sample = set.count > MAX_SEARCH_POINTS ? everyNth(set, Math.ceil(set.count / MAX_SEARCH_POINTS)) : set;
  let best = 0;
  let bestScore = -Infinity;
  const consider = (angle: number) => {
    const score = scoreAngle(sample, angle);
    if (score > bestScore) {
      bestScore = score;
      best = angle;
    }
  };
  for (let a = 0; a < Math.PI / 2; a += COARSE_STEP) consider(a);
  const coarse = best;
  for (let a = coarse - COARSE_STEP; a <= coarse + COARSE_STEP; a += MID_STEP) consider(a);
  const mid = best;
  for (let a = mid - MID_STEP; a <= mid + MID_STEP; a += FINE_STEP) consider(a);
  const angle = ((best % (Math.PI / 2)) + Math.PI / 2) % (Math.PI / 2);
  return boundingRect(set, angle);
}

/** Every n-th point of a set: the orientation search of a near object needs no more than a few hundred. */
function everyNth(set: PointSet, n: number): PointSet {
  const count = Math.ceil(set.count / n);
  const xyz = new Float32Array(count * 3);
  for (let i = 0; i < count; i++) xyz.set(set.xyz.subarray(3 * i * n, 3 * i * n + 3), 3 * i);
  return { xyz, count };
}

/** The bounding rectangle of the points with axis 1 at `angle` radians from +x. */
export function boundingRect(set: PointSet, angle: number): Rect2 {
  const c = Math.cos(angle),
    s = Math.sin(angle);
  let min1 = Infinity,
    max1 = -Infinity,
    min2 = Infinity,
    max2 = -Infinity;
  for (let i = 0; i < set.count; i++) {
    const x = set.xyz[3 * i]!,
      y = set.xyz[3 * i + 1]!;
    const u = c * x + s * y,
      v = -s * x + c * y;
    if (u < min1) min1 = u;
    if (u > max1) max1 = u;
    if (v < min2) min2 = v;
    if (v > max2) max2 = v;
  }
  return { angle, min1, max1, min2, max2 };
}

function scoreAngle(set: PointSet, angle: number): number {
  const r = boundingRect(set, angle);
  const c = Math.cos(angle),
    s = Math.sin(angle);
  // Which edge of each axis the points hug: compare summed squared distances to min and to max.
  let lo1 = 0,
    hi1 = 0,
    lo2 = 0,
    hi2 = 0;
  for (let i = 0; i < set.count; i++) {
    const x = set.xyz[3 * i]!,
      y = set.xyz[3 * i + 1]!;
    const u = c * x + s * y,
      v = -s * x + c * y;
    lo1 += (u - r.min1) ** 2;
    hi1 += (r.max1 - u) ** 2;
    lo2 += (v - r.min2) ** 2;
    hi2 += (r.max2 - v) ** 2;
  }
  const useMin1 = lo1 <= hi1,
    useMin2 = lo2 <= hi2;
  let score = 0;
  for (let i = 0; i < set.count; i++) {
    const x = set.xyz[3 * i]!,
      y = set.xyz[3 * i + 1]!;
    const u = c * x + s * y,
      v = -s * x + c * y;
    const d1 = useMin1 ? u - r.min1 : r.max1 - u;
    const d2 = useMin2 ? v - r.min2 : r.max2 - v;
    score += 1 / Math.max(Math.min(d1, d2), MIN_DISTANCE);
  }
  return score;
}
