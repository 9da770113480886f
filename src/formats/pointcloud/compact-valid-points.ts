import type { Bounds } from '../../core/model/point-cloud';
import { allocateFloat32, recycleFloat32Buffers } from './float32-pool';

/** What `compactValidPoints` kept: how many, which, and their bounds. */
export interface KeptPoints {
  count: number;
  /** `sourceIndex[k]` is the file index of kept point k; undefined when every point was kept. */
  sourceIndex: Uint32Array | undefined;
  /** Over the kept points, metres, the cloud's own frame; all zero when none was kept (JSON-safe). */
  bounds: Bounds;
}

/**
 * Moves the valid points of interleaved xyz `positions` to its front, in order, says which were kept, and
 * measures their bounds in the same pass. Invalid: any coordinate NaN or ±Inf, or x = y = z = 0, which
 * organized clouds use for "no return".
 */
export function compactValidPoints(positions: Float32Array, count: number): KeptPoints {
  let sourceIndex: Uint32Array | undefined;
  let kept = 0;
  let minX = Infinity;
  let minY = Infinity;
  let minZ = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let maxZ = -Infinity;
  for (let i = 0, r = 0; i < count; i++, r += 3) {
    const x = positions[r]!;
    const y = positions[r + 1]!;
    const z = positions[r + 2]!;
    // x - x is 0 for finite x and NaN for NaN or ±Inf.
    if (!(x - x === 0 && y - y === 0 && z - z === 0) || (x === 0 && y === 0 && z === 0)) {
      if (!sourceIndex) {
        sourceIndex = new Uint32Array(count);
        for (let k = 0; k < kept; k++) sourceIndex[k] = k;
      }
      continue;
    }
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (z < minZ) minZ = z;
    if (z > maxZ) maxZ = z;
    if (sourceIndex) {
      const w = kept * 3;
      positions[w] = x;
      positions[w + 1] = y;
      positions[w + 2] = z;
      sourceIndex[kept] = i;
    }
    kept++;
  }
  const bounds: Bounds =
    kept === 0 ? { min: [0, 0, 0], max: [0, 0, 0] } : { min: [minX, minY, minZ], max: [maxX, maxY, maxZ] };
  return { count: kept, sourceIndex, bounds };
}

/**
 * Applies `compactValidPoints`' choice to a per-point attribute decoded at full length and returns exactly the
 * kept values: a pooled copy when points were dropped, so that no transferred buffer carries dead bytes. The
 * full-length array must be the caller's own scratch (from `allocateFloat32`, never returned): its buffer goes back
 * to the pool.
 */
export function compactAttribute(values: Float32Array, kept: KeptPoints): Float32Array {
  const { sourceIndex } = kept;
  if (!sourceIndex) return values;
  const out = allocateFloat32(kept.count);
  copyKept(values, sourceIndex, out, kept.count);
  recycleFloat32Buffers([values.buffer as ArrayBuffer]);
  return out;
}

/**
 * The positions after `compactValidPoints` (already moved to the front), trimmed to the kept points: a pooled
 * copy when points were dropped, the full-length array going back to the pool as in `compactAttribute`.
 */
export function trimPositions(positions: Float32Array, kept: KeptPoints): Float32Array {
  if (!kept.sourceIndex) return positions;
  const out = allocateFloat32(kept.count * 3);
  out.set(positions.subarray(0, kept.count * 3));
  recycleFloat32Buffers([positions.buffer as ArrayBuffer]);
  return out;
}

function copyKept(values: Float32Array, sourceIndex: Uint32Array, out: Float32Array, count: number): void {
  for (let k = 0; k < count; k++) out[k] = values[sourceIndex[k]!]!;
}

/**
 * A reader's cloud from what `compactValidPoints` kept of `count` points: the kept positions trimmed, the
 * attributes (already compacted), the bounds, and how many invalid points were dropped.
 */
export function keptCloud(
  positions: Float32Array,
  count: number,
  kept: KeptPoints,
  attributes: Map<string, Float32Array>,
) {
  return {
    count: kept.count,
    positions: trimPositions(positions, kept),
    attributes: Object.fromEntries(attributes),
    bounds: kept.bounds,
    invalidCount: count - kept.count,
  };
}
