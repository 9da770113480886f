import type { SweepIndex } from '../../fit';
import { groundHeightAt } from '../../fit/ground-model';

/** Candidate object points, ego frame: x y z interleaved, and each one's height above the ground under it. */
export interface RaisedPoints {
  xyz: Float32Array;
  heights: Float32Array;
  count: number;
}

/**
 * The indexed points within `maxRange` of the sensor (in x, y) whose height above the ground under them lies in
 * (minHeight, maxHeight]: what road users are made of, without the road, kerbs, canopy and building tops. Reads
 * only the grid rows the range reaches; two allocations, sized for the worst case and trimmed by view.
 */
export function raisedPoints(
  sweep: SweepIndex,
  sensorX: number,
  sensorY: number,
  maxRange: number,
  minHeight: number,
  maxHeight: number,
): RaisedPoints {
  const { index, ground } = sweep;
  const { xyz: src, cellStart, cols, rows, originY, cellSize } = index;
  const r0 = Math.max(0, Math.floor((sensorY - maxRange - originY) / cellSize));
  const r1 = Math.min(rows - 1, Math.floor((sensorY + maxRange - originY) / cellSize));
  const first = r0 <= r1 ? cellStart[r0 * cols]! : 0;
  const last = r0 <= r1 ? cellStart[(r1 + 1) * cols]! : 0;
  const xyz = new Float32Array((last - first) * 3);
  const heights = new Float32Array(last - first);
  const r2 = maxRange * maxRange;
  let n = 0;
  for (let i = first; i < last; i++) {
    const x = src[3 * i]!,
      y = src[3 * i + 1]!;
    const dx = x - sensorX,
      dy = y - sensorY;
    if (dx * dx + dy * dy > r2) continue;
    const h = src[3 * i + 2]! - groundHeightAt(ground, x, y);
    if (h <= minHeight || h > maxHeight) continue;
    xyz[3 * n] = x;
    xyz[3 * n + 1] = y;
    xyz[3 * n + 2] = src[3 * i + 2]!;
    heights[n++] = h;
  }
  return { xyz: xyz.subarray(0, 3 * n), heights: heights.subarray(0, n), count: n };
}
