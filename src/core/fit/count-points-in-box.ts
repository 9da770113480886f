import { fromPose, type Vec3 } from '../math/mat4';
import { cellRuns, type GridIndex } from './grid-index';

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
 * Calls `visit` with the reordered index of every indexed point inside an oriented box (faces included). Reads
 * only the cells under the box's footprint, so a car-sized box costs a few hundred point tests. Points are tested
 * in the box's own frame (x along its length), so yaw, pitch and roll count.
 */
export function forEachPointInBox(index: GridIndex, box: BoxPose, visit: (i: number) => void): void {
  const m = fromPose(box.position, box.yaw, box.pitch ?? 0, box.roll ?? 0);
  const hl = box.size[0] / 2,
    hw = box.size[1] / 2,
    hh = box.size[2] / 2;
  // The ego-frame xy half extents of the rotated box: |R| times the half sizes.
  const ex = Math.abs(m[0]!) * hl + Math.abs(m[1]!) * hw + Math.abs(m[2]!) * hh;
  const ey = Math.abs(m[4]!) * hl + Math.abs(m[5]!) * hw + Math.abs(m[6]!) * hh;
  const [cx, cy, cz] = box.position;
  const runs = cellRuns(index, cx - ex, cy - ey, cx + ex, cy + ey);
  const { xyz } = index;
  for (let r = 0; r < runs.length; r += 2) {
    for (let i = runs[r]!, end = runs[r + 1]!; i < end; i++) {
      const dx = xyz[3 * i]! - cx,
        dy = xyz[3 * i + 1]! - cy,
        dz = xyz[3 * i + 2]! - cz;
      // Box frame = transpose of the rotation applied to the offset.
      const u = m[0]! * dx + m[4]! * dy + m[8]! * dz;
      if (u > hl || u < -hl) continue;
      const v = m[1]! * dx + m[5]! * dy + m[9]! * dz;
      if (v > hw || v < -hw) continue;
      const w = m[2]! * dx + m[6]! * dy + m[10]! * dz;
      if (w <= hh && w >= -hh) visit(i);
    }
  }
}

/** How many of the indexed points lie inside an oriented box (faces included): cheap enough for every drag step. */
export function countPointsInBox(index: GridIndex, box: BoxPose): number {
  let inside = 0;
  forEachPointInBox(index, box, () => inside++);
  return inside;
}
