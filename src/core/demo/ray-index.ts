import { F, STRIDE, type FrameWorld } from './frame-world';

/**
 * An acceleration structure for rays that all start at one origin (the LiDAR, or the camera): the horizontal
 * circle of directions is cut into azimuth bins, and each bin lists the primitives whose bounding cylinder it
 * sees, nearest first. A ray then tests only its bin's list and stops once the list is farther than its hit.
 */
export interface RayIndex {
  binCount: number;
  /** Bins per radian. */
  binScale: number;
  /** CSR layout: the primitives of bin k are `items[offsets[k] .. offsets[k + 1])`. */
  offsets: Int32Array;
  items: Int32Array;
  /** Per primitive: horizontal distance from the origin to its bounding cylinder (0 when inside), metres. */
  nearDistance: Float64Array;
}

const BIN_COUNT = 1024;

export function buildRayIndex(world: FrameWorld, ox: number, oy: number): RayIndex {
  const { count, data } = world;
  const binScale = BIN_COUNT / (2 * Math.PI);
  const nearDistance = new Float64Array(count);
  const first = new Int32Array(count);
  const last = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const b = i * STRIDE;
    const dx = data[b + F.x]! - ox;
    const dy = data[b + F.y]! - oy;
    const r = data[b + F.radius]! + 1e-6;
    const d = Math.hypot(dx, dy);
    nearDistance[i] = Math.max(0, d - r);
    if (d <= r * 1.0001) {
      first[i] = 0;
      last[i] = BIN_COUNT - 1;
      continue;
    }
    const centre = Math.atan2(dy, dx) + Math.PI;
    const half = Math.asin(r / d);
    // Bins are counted upwards from −π; spans may wrap, so keep `last` unwrapped and wrap when filling.
    first[i] = Math.floor((centre - half) * binScale);
    last[i] = Math.floor((centre + half) * binScale);
  }
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => nearDistance[a]! - nearDistance[b]! || a - b);
  const counts = new Int32Array(BIN_COUNT + 1);
  for (let i = 0; i < count; i++) {
    for (let k = first[i]!; k <= last[i]!; k++) counts[wrap(k) + 1]!++;
  }
  const offsets = new Int32Array(BIN_COUNT + 1);
  for (let k = 0; k < BIN_COUNT; k++) offsets[k + 1] = offsets[k]! + counts[k + 1]!;
  const items = new Int32Array(offsets[BIN_COUNT]!);
  const fill = offsets.slice(0, BIN_COUNT);
  for (const i of order) {
    for (let k = first[i]!; k <= last[i]!; k++) items[fill[wrap(k)]!++] = i;
  }
  return { binCount: BIN_COUNT, binScale, offsets, items, nearDistance };
}

function wrap(k: number): number {
  return ((k % BIN_COUNT) + BIN_COUNT) % BIN_COUNT;
}
