import type { Vec3 } from '../math/mat4';

/** What a bird's-eye IoU reads of a box: centre x, y and length, width (metres), yaw (radians). */
export interface BevBox {
  position: Vec3 | readonly [number, number];
  size: Vec3 | readonly [number, number];
  yaw: number;
}

/**
 * Intersection over union of two boxes seen from above (rotated rectangles in x, y; heights ignored): the
 * intersection is one rectangle clipped by the other's four edges (Sutherland–Hodgman, exact for convex
 * polygons), areas by the shoelace formula. 0 for disjoint or degenerate boxes.
 */
export function bevIou(a: BevBox, b: BevBox): number {
  const areaA = a.size[0] * a.size[1],
    areaB = b.size[0] * b.size[1];
  if (!(areaA > 0) || !(areaB > 0)) return 0;
  let polygon = cornersOf(a);
  const clip = cornersOf(b);
  for (let k = 0; k < 4 && polygon.length > 0; k++) {
    polygon = clipByEdge(polygon, clip[k]!, clip[(k + 1) % 4]!);
  }
  const inter = polygonArea(polygon);
  return inter / (areaA + areaB - inter);
}

/** Corners counter-clockwise seen from above. */
function cornersOf(box: BevBox): [number, number][] {
  const c = Math.cos(box.yaw),
    s = Math.sin(box.yaw);
  const hl = box.size[0] / 2,
    hw = box.size[1] / 2;
  const [x, y] = box.position;
  return [
    [hl, -hw],
    [hl, hw],
    [-hl, hw],
    [-hl, -hw],
  ].map(([u, v]) => [x + c * u! - s * v!, y + s * u! + c * v!]);
}

/** Keeps the part of a polygon left of the directed edge p → q (inside, for a counter-clockwise clip polygon). */
function clipByEdge(polygon: [number, number][], p: [number, number], q: [number, number]): [number, number][] {
  const side = (r: [number, number]) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const out: [number, number][] = [];
  for (let i = 0; i < polygon.length; i++) {
    const cur = polygon[i]!,
      next = polygon[(i + 1) % polygon.length]!;
    const sc = side(cur),
      sn = side(next);
    if (sc >= 0) out.push(cur);
    if (sc >= 0 !== sn >= 0) {
      const t = sc / (sc - sn);
      out.push([cur[0] + t * (next[0] - cur[0]), cur[1] + t * (next[1] - cur[1])]);
    }
  }
  return out;
}

function polygonArea(polygon: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x0, y0] = polygon[i]!,
      [x1, y1] = polygon[(i + 1) % polygon.length]!;
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}
