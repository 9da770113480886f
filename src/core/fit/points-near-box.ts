import { fromPose } from '../math/mat4';
import type { BoxPose } from './count-points-in-box';
import { cellRuns, runLength, type GridIndex } from './grid-index';

/** Ego-frame points round one box, copied out of the grid index (x y z, metres). */
export interface NearPoints {
  count: number;
  xyz: Float32Array;
}

/**
 * The indexed points within `margin` metres of a box's axis-aligned bounds: what the box's side views draw.
 * Reads only the cells under the expanded footprint, so it costs the neighbourhood, never the sweep.
 */
export function pointsNearBox(index: GridIndex, box: BoxPose, margin: number): NearPoints {
  const m = fromPose(box.position, box.yaw, box.pitch ?? 0, box.roll ?? 0);
  const half = [box.size[0] / 2, box.size[1] / 2, box.size[2] / 2];
  // Axis-aligned half extents of the rotated box: |R| times the half sizes, per ego axis.
  const extent = [0, 1, 2].map(
    (r) => Math.abs(m[4 * r]!) * half[0]! + Math.abs(m[4 * r + 1]!) * half[1]! + Math.abs(m[4 * r + 2]!) * half[2]!,
  );
  const [cx, cy, cz] = box.position;
  const [ex, ey, ez] = extent.map((e) => e + margin) as [number, number, number];
  const runs = cellRuns(index, cx - ex, cy - ey, cx + ex, cy + ey);
  const { xyz } = index;
  const out = new Float32Array(runLength(runs) * 3);
  let count = 0;
  for (let r = 0; r < runs.length; r += 2) {
    for (let i = runs[r]!, end = runs[r + 1]!; i < end; i++) {
      const x = xyz[3 * i]!,
        y = xyz[3 * i + 1]!,
        z = xyz[3 * i + 2]!;
      if (Math.abs(x - cx) > ex || Math.abs(y - cy) > ey || Math.abs(z - cz) > ez) continue;
      out[3 * count] = x;
      out[3 * count + 1] = y;
      out[3 * count + 2] = z;
      count++;
    }
  }
  return { count, xyz: out.subarray(0, count * 3) };
}

/** Marks (1/0) which of the near points lie inside the box, faces included; returns how many do. */
export function markInside(near: NearPoints, box: BoxPose, out: Uint8Array): number {
  const m = fromPose(box.position, box.yaw, box.pitch ?? 0, box.roll ?? 0);
  const hl = box.size[0] / 2,
    hw = box.size[1] / 2,
    hh = box.size[2] / 2;
  const [cx, cy, cz] = box.position;
  const p = near.xyz;
  let inside = 0;
  for (let i = 0; i < near.count; i++) {
    const dx = p[3 * i]! - cx,
      dy = p[3 * i + 1]! - cy,
      dz = p[3 * i + 2]! - cz;
    const u = m[0]! * dx + m[4]! * dy + m[8]! * dz;
    const v = m[1]! * dx + m[5]! * dy + m[9]! * dz;
    const w = m[2]! * dx + m[6]! * dy + m[10]! * dz;
    const isInside = Math.abs(u) <= hl && Math.abs(v) <= hw && Math.abs(w) <= hh;
    out[i] = isInside ? 1 : 0;
    if (isInside) inside++;
  }
  return inside;
}
