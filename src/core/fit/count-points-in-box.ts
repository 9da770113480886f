import { fromPose, type Vec3 } from '../math/mat4';
import { cellRange, type GridIndex } from './grid-index';

/** An oriented box in the ego frame, as a `Cuboid` holds it (pitch and roll default to 0). */
export interface BoxPose {
  /** Geometric centre, metres, ego frame. */
  position: Vec3;
  /** [length, width, height], metres. */
  size: Vec3;
  /** Radians about z. */
  yaw: number;
  pitch?: number;
  roll?: number;
}

/**
 * Counts the indexed points inside an oriented box (faces included), calling `visit`, when given, with the
 * reordered index of each. Reads
 * only the cells under the box's footprint, so a car-sized box costs a few hundred point tests. Points are tested
 * in the box's own frame (x along its length), so yaw, pitch and roll count.
 */
export function forEachPointInBox(index: GridIndex, box: BoxPose, visit?: (i: number) => void): number {
  const m = fromPose(box.position, box.yaw, box.pitch ?? 0, box.roll ?? 0);
  const hl = box.size[0] / 2,
    hw = box.size[1] / 2,
    hh = box.size[2] / 2;
  // The ego-frame xy half extents of the rotated box: |R| times the half sizes.
  const ex = Math.abs(m[0]!) * hl + Math.abs(m[1]!) * hw + Math.abs(m[2]!) * hh;
  const ey = Math.abs(m[4]!) * hl + Math.abs(m[5]!) * hw + Math.abs(m[6]!) * hh;
  const [cx, cy, cz] = box.position;
  const [c0, r0, c1, r1] = cellRange(index, cx - ex, cy - ey, cx + ex, cy + ey);
  const { xyz, cellStart, cols } = index;
  let inside = 0;
  // The row walk of `cellRuns`, written out: this runs on every drag step, where a runs array costs a third.
  for (let row = r0; row <= r1; row++) {
    const end = cellStart[row * cols + c1 + 1]!;
    for (let i = cellStart[row * cols + c0]!; i < end; i++) {
      const dx = xyz[3 * i]! - cx,
        dy = xyz[3 * i + 1]! - cy,
        dz = xyz[3 * i + 2]! - cz;
      // Box frame = transpose of the rotation applied to the offset.
      const u = m[0]! * dx + m[4]! * dy + m[8]! * dz;
      if (u > hl || u < -hl) continue;
      const v = m[1]! * dx + m[5]! * dy + m[9]! * dz;
      if (v > hw || v < -hw) continue;
      const w = m[2]! * dx + m[6]! * dy + m[10]! * dz;
      if (w <= hh && w >= -hh) {
        inside++;
        // Counting alone (every drag step) calls nothing per point.
        if (visit !== undefined) visit(i);
      }
    }
  }
  return inside;
}

/** How many of the indexed points lie inside an oriented box (faces included): cheap enough for every drag step. */
export function countPointsInBox(index: GridIndex, box: BoxPose): number {
  return forEachPointInBox(index, box);
}
