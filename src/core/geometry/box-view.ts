import { fromPose, type Vec3 } from '../math/mat4';
import type { Cuboid } from '../model/labels';

/**
 * The three orthographic views of one box, each looking at it along one of its own axes. A view point is
 * (h, k): metres to the right and up on the screen, measured from the box centre. In box coordinates
 * (u along the length, v along the width to the left, w up):
 * - top: looking down, heading up the screen (h = −v, k = u);
 * - side: looking at the box's right flank, heading to the right (h = u, k = w);
 * - front: looking at its front face, the box's left on the right of the screen (h = v, k = w).
 */
export type BoxViewKind = 'top' | 'side' | 'front';

export type BoxPoseSize = Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>;

/** Box-frame axis (0 u, 1 v, 2 w) and sign shown along the view's h and k, and the one it looks along. */
const AXES: Record<BoxViewKind, { h: [number, number]; k: [number, number]; depth: number }> = {
  top: { h: [1, -1], k: [0, 1], depth: 2 },
  side: { h: [0, 1], k: [2, 1], depth: 1 },
  front: { h: [1, 1], k: [2, 1], depth: 0 },
};

/** The view coordinates (h, k, depth) of a box-frame point (u, v, w). */
export function boxToView(kind: BoxViewKind, p: Vec3): [number, number, number] {
  const a = AXES[kind];
  return [a.h[1] * p[a.h[0]]!, a.k[1] * p[a.k[0]]!, p[a.depth]!];
}

/** The box-frame offset of a view offset (dh, dk); nothing along the depth axis. */
export function viewToBox(kind: BoxViewKind, dh: number, dk: number): [number, number, number] {
  const a = AXES[kind];
  const out: [number, number, number] = [0, 0, 0];
  out[a.h[0]] = a.h[1] * dh;
  out[a.k[0]] = a.k[1] * dk;
  return out;
}

/** The box's half sizes along the view's h and k, and its half depth, metres. */
export function viewHalfExtents(kind: BoxViewKind, size: Vec3): [number, number, number] {
  const a = AXES[kind];
  return [size[a.h[0]]! / 2, size[a.k[0]]! / 2, size[a.depth]! / 2];
}

/** The box-frame index (0 length, 1 width, 2 height) of the size the view's h or k axis shows. */
export function sizeAxisOf(kind: BoxViewKind, axis: 'h' | 'k'): 0 | 1 | 2 {
  return AXES[kind][axis][0] as 0 | 1 | 2;
}

/**
 * Ego-frame point → the view coordinates of a frame (a box pose, frozen while a drag lasts so that the points
 * stay put and only the box moves). Returns a function that writes into `out` to avoid per-point allocation.
 */
export function egoToViewOf(
  kind: BoxViewKind,
  frame: BoxPoseSize,
): (x: number, y: number, z: number, out: Float64Array) => void {
  const m = fromPose(frame.position, frame.yaw, frame.pitch, frame.roll);
  const [px, py, pz] = frame.position;
  const a = AXES[kind];
  // Rows of the rotation's transpose: box axis i = column i of the rotation.
  const col = (i: number) => [m[i]!, m[4 + i]!, m[8 + i]!] as const;
  const [hx, hy, hz] = col(a.h[0]).map((c) => c * a.h[1]);
  const [kx, ky, kz] = col(a.k[0]).map((c) => c * a.k[1]);
  const [dx, dy, dz] = col(a.depth);
  return (x, y, z, out) => {
    const ox = x - px,
      oy = y - py,
      oz = z - pz;
    out[0] = hx! * ox + hy! * oy + hz! * oz;
    out[1] = kx! * ox + ky! * oy + kz! * oz;
    out[2] = dx! * ox + dy! * oy + dz! * oz;
  };
}

/** Screen scale (pixels per metre) that shows the box with room around it in a view of the given pixel size. */
export function fitScale(kind: BoxViewKind, size: Vec3, width: number, height: number): number {
  const [hh, hk] = viewHalfExtents(kind, size);
  // 1.6 leaves room for the heading handle and for the points round the box that tell where its faces belong.
  return Math.min(width / (2 * hh * 1.6 + 0.5), height / (2 * hk * 1.6 + 0.5));
}
