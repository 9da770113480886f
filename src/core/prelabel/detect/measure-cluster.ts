import { boundingRect, fitLShape, type Rect2 } from '../../fit/fit-l-shape';
import type { RaisedPoints } from './above-ground';

/** What the classifier reads of one cluster (metres, heights above the local ground). */
export interface ClusterShape {
  count: number;
  /** The observed footprint (L-shape rectangle round all points), longer and shorter side. */
  length: number;
  width: number;
  /** Highest point above the ground. */
  top: number;
  /** Lowest point above the ground (a car's sills, a hedge's foot). */
  bottom: number;
  /** Extent along the longer side of the points within 0.4 m of the top: a roof is long, a rider's back is not. */
  topLength: number;
  /**
   * Fraction of the lower points (below half the top: sides, not a bonnet) within 0.15 m of the footprint's outline: a vehicle's
   * sides are sheet metal, a hedge's or a crown's returns come from inside it too.
   */
  surface: number;
}

/** Band under the top whose extent tells a car's roof from a person's shoulders. */
const TOP_BAND = 0.4;

/** The cheap axis-aligned bounds of a cluster in x, y, their size (its diagonal bounds every rectangle's length) and top. */
export function axisAlignedExtent(points: RaisedPoints): {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  dx: number;
  dy: number;
  top: number;
} {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity,
    top = -Infinity;
  const { xyz, heights } = points;
  for (let i = 0; i < points.count; i++) {
    const x = xyz[3 * i]!,
      y = xyz[3 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (heights[i]! > top) top = heights[i]!;
  }
  return { minX, minY, maxX, maxY, dx: maxX - minX, dy: maxY - minY, top };
}

/**
 * Points the orientation search reads at most: the classifier needs a footprint good to a few centimetres, not
 * the box's tenth of a degree (the fit searches again, on the sides, for the box itself). Every cluster of every
 * sweep is measured, so this is most of the detector's time.
 */
const MEASURE_POINTS = 120;

/** Measures the shape of one cluster: its L-shape footprint, top, bottom and the length of its top band. */
export function measureCluster(points: RaisedPoints): ClusterShape {
  const set = { xyz: points.xyz, count: points.count };
  const rect = points.count >= 3 ? boundingRect(set, fitLShape(sampleOf(set, MEASURE_POINTS)).angle) : boundingRect(set, 0); // prettier-ignore
  const e1 = rect.max1 - rect.min1,
    e2 = rect.max2 - rect.min2;
  let top = -Infinity,
    bottom = Infinity;
  for (let i = 0; i < points.count; i++) {
    const h = points.heights[i]!;
    if (h > top) top = h;
    if (h < bottom) bottom = h;
  }
  // Along the longer side: u = projection on axis 1 when e1 ≥ e2, else on axis 2.
  const c = Math.cos(rect.angle),
    s = Math.sin(rect.angle);
  const [ax, ay] = e1 >= e2 ? [c, s] : [-s, c];
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < points.count; i++) {
    if (points.heights[i]! < top - TOP_BAND) continue;
    const u = ax * points.xyz[3 * i]! + ay * points.xyz[3 * i + 1]!;
    if (u < lo) lo = u;
    if (u > hi) hi = u;
  }
  return {
    count: points.count,
    length: Math.max(e1, e2),
    width: Math.min(e1, e2),
    top,
    bottom,
    topLength: hi - lo,
    surface: surfaceFraction(points, rect, 0.5 * top),
  };
}

/** Metres from the outline within which a return counts as on the object's surface. */
const SURFACE_BAND = 0.15;

function surfaceFraction(points: RaisedPoints, rect: Rect2, below: number): number {
  const c = Math.cos(rect.angle),
    s = Math.sin(rect.angle);
  let low = 0,
    near = 0;
  for (let i = 0; i < points.count; i++) {
    if (points.heights[i]! > below) continue;
    const x = points.xyz[3 * i]!,
      y = points.xyz[3 * i + 1]!;
    const u = c * x + s * y,
      v = -s * x + c * y;
    low++;
    if (Math.min(u - rect.min1, rect.max1 - u, v - rect.min2, rect.max2 - v) <= SURFACE_BAND) near++;
  }
  return low ? near / low : 1;
}

/** About `most` points of a set, evenly through it (a view when it is small enough already). */
function sampleOf(set: { xyz: Float32Array; count: number }, most: number): { xyz: Float32Array; count: number } {
  if (set.count <= most) return set;
  const step = set.count / most;
  const xyz = new Float32Array(most * 3);
  for (let k = 0; k < most; k++) {
    const i = Math.floor(k * step);
    xyz[3 * k] = set.xyz[3 * i]!;
    xyz[3 * k + 1] = set.xyz[3 * i + 1]!;
    xyz[3 * k + 2] = set.xyz[3 * i + 2]!;
  }
  return { xyz, count: most };
}
