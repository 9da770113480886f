import { cuboidCorners, parentFromCuboid } from '../geometry/cuboid';
import type { Cuboid } from '../model/labels';

/** What an oriented-box overlap reads of a box: centre, size and Z-Y-X angles (metres, radians, ego frame). */
export type OrientedBox = Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>;

type Point = [number, number, number];
/** A convex polyhedron as its faces, each a planar polygon with its vertices in order round it. */
type Polyhedron = Point[][];

/** The six faces as indices into `cuboidCorners` (bottom, top, front, right, rear, left). */
const FACES = [
  [0, 1, 2, 3],
  [4, 5, 6, 7],
  [0, 1, 5, 4],
  [1, 2, 6, 5],
  [2, 3, 7, 6],
  [3, 0, 4, 7],
] as const;

/** Distances below this (metres) count as on a plane: keeps near-coplanar faces from making sliver caps. */
const ON_PLANE = 1e-9;

/**
 * The volume two oriented boxes share (cubic metres), for any yaw, pitch and roll: one box's faces are clipped by
 * each of the other's six half-spaces in turn (Sutherland–Hodgman per face, the cut closed by a cap polygon, as
 * the intersection of convex sets is convex), and the volume is summed over the result's faces as pyramids from
 * an inside point. Exact up to rounding; 0 for disjoint or degenerate boxes.
 */
export function intersectionVolume(a: OrientedBox, b: OrientedBox): number {
  const corners = cuboidCorners(a);
  let solid: Polyhedron = FACES.map((face) => face.map((i) => corners[i]!));
  for (const [normal, offset] of halfSpacesOf(b)) {
    solid = clipPolyhedron(solid, normal, offset);
    if (solid.length < 4) return 0;
  }
  return polyhedronVolume(solid);
}

/** The box's six faces as outward unit normals n and offsets d, inside where n·p ≤ d. */
function halfSpacesOf(box: OrientedBox): [Point, number][] {
  const m = parentFromCuboid(box);
  const centre = box.position;
  const out: [Point, number][] = [];
  for (let k = 0; k < 3; k++) {
    // Column k of the rotation is the box's own axis k in the parent frame.
    const axis: Point = [m[k]!, m[4 + k]!, m[8 + k]!];
    const along = dot(axis, centre);
    const half = box.size[k]! / 2;
    out.push([axis, along + half], [[-axis[0], -axis[1], -axis[2]], -along + half]);
  }
  return out;
}

/** Keeps the part of a convex polyhedron where n·p ≤ d, closing the cut with a cap face. */
function clipPolyhedron(solid: Polyhedron, normal: Point, offset: number): Polyhedron {
  const out: Polyhedron = [];
  const cut: Point[] = [];
  // A face lying in the plane already closes the cut; a cap beside it would count that face twice.
  let faceOnPlane = false;
  for (const face of solid) {
    const kept: Point[] = [];
    let onPlane = 0;
    for (let i = 0; i < face.length; i++) {
      const cur = face[i]!,
        next = face[(i + 1) % face.length]!;
      const sc = dot(normal, cur) - offset,
        sn = dot(normal, next) - offset;
      if (sc <= ON_PLANE) kept.push(cur);
      if (Math.abs(sc) <= ON_PLANE) {
        cut.push(cur);
        onPlane++;
      }
      if ((sc < -ON_PLANE && sn > ON_PLANE) || (sc > ON_PLANE && sn < -ON_PLANE)) {
        const t = sc / (sc - sn);
        const p: Point = [cur[0] + t * (next[0] - cur[0]), cur[1] + t * (next[1] - cur[1]), cur[2] + t * (next[2] - cur[2])]; // prettier-ignore
        kept.push(p);
        cut.push(p);
      }
    }
    if (kept.length >= 3) out.push(kept);
    if (onPlane === face.length) faceOnPlane = true;
  }
  if (faceOnPlane) return out;
  const cap = orderOnPlane(dedupe(cut), normal);
  if (cap.length >= 3) out.push(cap);
  return out;
}

/** Points of a convex polygon in a plane with the given normal, put in order by angle round their centroid. */
function orderOnPlane(points: Point[], normal: Point): Point[] {
  if (points.length < 3) return points;
  const c = centroid(points);
  // Any unit vector across the normal, and the normal × it, span the plane.
  const seed: Point = Math.abs(normal[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const u = normalise(cross(normal, seed));
  const v = cross(normal, u);
  const angle = (p: Point) => {
    const r: Point = [p[0] - c[0], p[1] - c[1], p[2] - c[2]];
    return Math.atan2(dot(r, v), dot(r, u));
  };
  return points.map((p) => [angle(p), p] as const).sort((x, y) => x[0] - y[0]).map(([, p]) => p); // prettier-ignore
}

/** Volume as the sum of pyramids from the vertices' centroid (inside, the solid being convex) to each face. */
function polyhedronVolume(solid: Polyhedron): number {
  const inside = centroid(solid.flat());
  let six = 0;
  for (const face of solid) {
    // Newell's normal: its length is twice the face's area, whatever the winding.
    const n: Point = [0, 0, 0];
    for (let i = 0; i < face.length; i++) {
      const p = face[i]!,
        q = face[(i + 1) % face.length]!;
      const c = cross(p, q);
      n[0] += c[0];
      n[1] += c[1];
      n[2] += c[2];
    }
    const p0 = face[0]!;
    six += Math.abs(dot(n, [p0[0] - inside[0], p0[1] - inside[1], p0[2] - inside[2]]));
  }
  return six / 6;
}

function dedupe(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    if (!out.some((q) => Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]) < 1e-9)) out.push(p);
  }
  return out;
}

function centroid(points: readonly Point[]): Point {
  const c: Point = [0, 0, 0];
  for (const p of points) for (let k = 0; k < 3; k++) c[k] = c[k]! + p[k]! / points.length;
  return c;
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
}

function cross(a: Point, b: Point): Point {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalise(a: Point): Point {
  const n = Math.hypot(...a);
  return [a[0] / n, a[1] / n, a[2] / n];
}
