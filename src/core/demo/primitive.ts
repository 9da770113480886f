import { materialSpec, type MaterialId } from './materials';

/**
 * The solids the demo world is made of. Each stands upright (it turns only by yaw about z), so that every ray
 * test stays analytic and cheap. Extents are halves: a box's half length, width and height; a cylinder's radius
 * (in `hx`) and half height; an ellipsoid's three radii. Metres, in whatever parent frame holds the primitive.
 */
export const SHAPE = { box: 0, cylinder: 1, ellipsoid: 2 } as const;
export type Shape = (typeof SHAPE)[keyof typeof SHAPE];

export interface Primitive {
  shape: Shape;
  /** Centre, metres, parent frame. */
  x: number;
  y: number;
  z: number;
  /** Radians about z, counter-clockwise seen from above. */
  yaw: number;
  hx: number;
  hy: number;
  hz: number;
  material: MaterialId;
  color: [number, number, number];
  /** LiDAR reflectivity head-on, 0–1. */
  reflectivity: number;
}

type Look = { color?: [number, number, number]; reflectivity?: number; yaw?: number };

function make(
  shape: Shape,
  c: [number, number, number],
  h: [number, number, number],
  material: MaterialId,
  look: Look,
): Primitive {
  const spec = materialSpec(material);
  return {
    shape,
    x: c[0],
    y: c[1],
    z: c[2],
    yaw: look.yaw ?? 0,
    hx: h[0],
    hy: h[1],
    hz: h[2],
    material,
    color: look.color ?? spec.color,
    reflectivity: look.reflectivity ?? spec.reflectivity,
  };
}

/** A box from its centre and FULL size [length, width, height]. */
export function makeBox(
  centre: [number, number, number],
  size: [number, number, number],
  material: MaterialId,
  look: Look = {},
): Primitive {
  return make(SHAPE.box, centre, [size[0] / 2, size[1] / 2, size[2] / 2], material, look);
}

/** An upright cylinder standing with its base at `base` (x, y, z of the bottom centre). */
export function makeCylinder(
  base: [number, number, number],
  radius: number,
  height: number,
  material: MaterialId,
  look: Look = {},
): Primitive {
  return make(SHAPE.cylinder, [base[0], base[1], base[2] + height / 2], [radius, radius, height / 2], material, look);
}

export function makeEllipsoid(
  centre: [number, number, number],
  radii: [number, number, number],
  material: MaterialId,
  look: Look = {},
): Primitive {
  return make(SHAPE.ellipsoid, centre, radii, material, look);
}

/** Axis-aligned bounds of primitives in their parent frame: exact for each shape under its yaw. */
export function boundsOf(parts: readonly Primitive[]): {
  min: [number, number, number];
  max: [number, number, number];
} {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const p of parts) {
    const c = Math.abs(Math.cos(p.yaw));
    const s = Math.abs(Math.sin(p.yaw));
    let ex: number, ey: number;
    if (p.shape === SHAPE.box) {
      ex = c * p.hx + s * p.hy;
      ey = s * p.hx + c * p.hy;
    } else if (p.shape === SHAPE.cylinder) {
      ex = p.hx;
      ey = p.hx;
    } else {
      ex = Math.hypot(c * p.hx, s * p.hy);
      ey = Math.hypot(s * p.hx, c * p.hy);
    }
    const e = [ex, ey, p.hz];
    const centre = [p.x, p.y, p.z];
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k]!, centre[k]! - e[k]!);
      max[k] = Math.max(max[k]!, centre[k]! + e[k]!);
    }
  }
  return { min, max };
}
