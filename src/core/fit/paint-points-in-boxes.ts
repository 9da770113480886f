import { fromPose } from '../math/mat4';
import type { BoxPose } from './count-points-in-box';
import { cellRange, type GridIndex } from './grid-index';

/** A box and the value its inside points take. */
export interface PaintBox {
  box: BoxPose;
  value: number;
}

/**
 * Writes `value` of each box into `out` at the cloud index of every point inside it (faces included); every
 * other point gets `none`. `out` is in the cloud's own point order (`index.sourceIndex` maps back to it) and
 * holds at least `index.count` values. Where boxes overlap, the later one wins. Reads only the cells under each
 * box's footprint plus one fill of `out`: the cost of a label change, not of a drag step. No allocation per point.
 */
export function paintPointsInBoxes(
  index: GridIndex,
  boxes: readonly PaintBox[],
  out: Float32Array,
  none: number,
): void {
  out.fill(none, 0, index.count);
  const { xyz, cellStart, cols, sourceIndex } = index;
  for (const { box, value } of boxes) {
    const m = fromPose(box.position, box.yaw, box.pitch ?? 0, box.roll ?? 0);
    const hl = box.size[0] / 2,
      hw = box.size[1] / 2,
      hh = box.size[2] / 2;
    // Ego-frame xy half extents of the rotated box (|R| times the half sizes), to pick the cells.
    const ex = Math.abs(m[0]!) * hl + Math.abs(m[1]!) * hw + Math.abs(m[2]!) * hh;
    const ey = Math.abs(m[4]!) * hl + Math.abs(m[5]!) * hw + Math.abs(m[6]!) * hh;
    const [cx, cy, cz] = box.position;
    const [c0, r0, c1, r1] = cellRange(index, cx - ex, cy - ey, cx + ex, cy + ey);
    for (let row = r0; row <= r1; row++) {
      const end = cellStart[row * cols + c1 + 1]!;
      for (let i = cellStart[row * cols + c0]!; i < end; i++) {
        const dx = xyz[3 * i]! - cx,
          dy = xyz[3 * i + 1]! - cy,
          dz = xyz[3 * i + 2]! - cz;
        // The offset in the box frame: the transposed rotation applied to it.
        const u = m[0]! * dx + m[4]! * dy + m[8]! * dz;
        if (u > hl || u < -hl) continue;
        const v = m[1]! * dx + m[5]! * dy + m[9]! * dz;
        if (v > hw || v < -hw) continue;
        const w = m[2]! * dx + m[6]! * dy + m[10]! * dz;
        if (w <= hh && w >= -hh) out[sourceIndex[i]!] = value;
      }
    }
  }
}
