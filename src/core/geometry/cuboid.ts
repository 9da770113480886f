import { fromPose, transformPoint, type Mat4 } from '../math/mat4';
import type { Cuboid } from '../model/labels';

/** `egoFromBox` for a cuboid: the box's own frame has x along its length, z up, origin at its centre. */
export function parentFromCuboid(c: Pick<Cuboid, 'position' | 'yaw' | 'pitch' | 'roll'>): number[] {
  return fromPose(c.position, c.yaw, c.pitch, c.roll);
}

/**
 * The 8 corners in the cuboid's parent frame. Order: front-left-bottom, front-right-bottom, rear-right-bottom,
 * rear-left-bottom, then the same four on top; "front" is +x of the box, so corners 0,1,5,4 form the front face.
 */
export function cuboidCorners(
  c: Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>,
): [number, number, number][] {
  const m: Mat4 = parentFromCuboid(c);
  const [l, w, h] = [c.size[0] / 2, c.size[1] / 2, c.size[2] / 2];
  const local: [number, number, number][] = [
    [l, w, -h],
    [l, -w, -h],
    [-l, -w, -h],
    [-l, w, -h],
    [l, w, h],
    [l, -w, h],
    [-l, -w, h],
    [-l, w, h],
  ];
  return local.map((p) => transformPoint(m, p));
}

/** The 12 edges as index pairs into `cuboidCorners`. */
export const CUBOID_EDGES: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 0],
  [4, 5],
  [5, 6],
  [6, 7],
  [7, 4],
  [0, 4],
  [1, 5],
  [2, 6],
  [3, 7],
];
