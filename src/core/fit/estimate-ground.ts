import type { Mat4 } from '../math/mat4';
import { measureBounds, positionStride, type PointCloud } from '../model/point-cloud';
import type { GroundModel } from './ground-model';

export interface GroundOptions {
  /** Cell edge, metres. */
  cellSize?: number;
  /** Half-width of the grid around the ego origin, metres; points beyond it do not shape the ground. */
  maxRange?: number;
  /** Steepest ground rise allowed between cells (metres per metre): roads and ramps stay under it. */
  maxSlope?: number;
}

/** Half-width, in cells, of the neighbourhood in which a cell's low point must find support. */
const SUPPORT_WINDOW = 2;
/** A cell's low point needs this many neighbours at a consistent height, or it is a stray return. */
const SUPPORT_COUNT = 2;
/** Height tolerance (metres) on top of the slope when neighbours are compared. */
const SUPPORT_TOLERANCE = 0.15;
/** Half-width, in cells, of the window over which the lower envelope reaches. */
const ENVELOPE_WINDOW = 3;

/**
 * Estimates the ground of one sweep as a height grid in the ego frame (see `GroundModel`):
 * 1. each cell keeps its second-lowest ego z (one stray return below the road does not pull it down);
 * 2. a cell's value stays only where at least two cells near it lie at a height consistent with it within the
 *    slope limit (a pair of ghost returns under the road finds no support);
 * 3. the ground is the lower envelope (within 3 cells) of those values under a slope limit, so a cell that saw
 *    only a car's body, a tree's canopy or a pedestrian is pulled down to at most its neighbours' ground plus
 *    the allowed rise (0.2 m per 2 m cell), while slopes below the limit are followed exactly;
 * 4. cells that saw nothing take the mean of their filled neighbours, ring by ring.
 * Medians of windows were tried first: they fail where objects and canopy cover most of the window (sparse
 * 32-beam sweeps), which the envelope does not. One pass over the points and a few over the cells; no
 * per-point allocation.
 */
export function estimateGround(cloud: PointCloud, egoFromLidar: Mat4, options: GroundOptions = {}): GroundModel {
  const cellSize = options.cellSize ?? 2;
  const maxRange = options.maxRange ?? 100;
  const slope = options.maxSlope ?? 0.1;
  const [minX, minY, maxX, maxY] = egoExtent(cloud, egoFromLidar, maxRange);
  const originX = Math.floor(minX / cellSize) * cellSize;
  const originY = Math.floor(minY / cellSize) * cellSize;
  const cols = Math.max(1, Math.ceil((maxX - originX) / cellSize));
  const rows = Math.max(1, Math.ceil((maxY - originY) / cellSize));
  const grid = { originX, originY, cellSize, cols, rows };
  const low = lowestPerCell(cloud, egoFromLidar, grid);
  const heights = lowerEnvelope(supportedCells(low, cols, rows, slope * cellSize), cols, rows, slope * cellSize);
  fillEmptyCells(heights, cols, rows);
  return { ...grid, heights };
}

/**
 * The ego-frame xy box of the cloud's bounds (all 8 corners transformed; measured here for a sweep read as its
 * records), clamped to ±maxRange metres.
 */
function egoExtent(cloud: PointCloud, m: Mat4, maxRange: number): [number, number, number, number] {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  const { min, max } = measureBounds(cloud);
  for (let k = 0; k < 8; k++) {
    const x = k & 1 ? max[0] : min[0],
      y = k & 2 ? max[1] : min[1],
      z = k & 4 ? max[2] : min[2];
    const ex = m[0]! * x + m[1]! * y + m[2]! * z + m[3]!;
    const ey = m[4]! * x + m[5]! * y + m[6]! * z + m[7]!;
    minX = Math.min(minX, ex);
    minY = Math.min(minY, ey);
    maxX = Math.max(maxX, ex);
    maxY = Math.max(maxY, ey);
  }
  if (!(minX <= maxX)) return [-1, -1, 1, 1];
  const c = (v: number) => Math.max(-maxRange, Math.min(maxRange, v));
  return [c(minX), c(minY), Math.max(c(maxX), c(minX) + 1e-3), Math.max(c(maxY), c(minY) + 1e-3)];
}

/** Per cell, the second-lowest ego z of its points (the lowest where it holds one point; NaN where none). */
function lowestPerCell(cloud: PointCloud, m: Mat4, grid: Omit<GroundModel, 'heights'>): Float32Array {
  const { originX, originY, cellSize, cols, rows } = grid;
  const low1 = new Float32Array(cols * rows).fill(Infinity);
  const low2 = new Float32Array(cols * rows).fill(Infinity);
  const p = cloud.positions;
  const s = positionStride(cloud);
  const inv = 1 / cellSize;
  for (let i = 0, j = 0; i < cloud.count; i++, j += s) {
    const px = p[j]!,
      py = p[j + 1]!,
      pz = p[j + 2]!;
    const col = Math.floor((m[0]! * px + m[1]! * py + m[2]! * pz + m[3]! - originX) * inv);
    const row = Math.floor((m[4]! * px + m[5]! * py + m[6]! * pz + m[7]! - originY) * inv);
    if (col < 0 || row < 0 || col >= cols || row >= rows) continue;
    const z = m[8]! * px + m[9]! * py + m[10]! * pz + m[11]!;
    const k = row * cols + col;
    if (z < low1[k]!) {
      low2[k] = low1[k]!;
      low1[k] = z;
    } else if (z < low2[k]!) low2[k] = z;
  }
  for (let k = 0; k < low1.length; k++) {
    const v = low2[k]! < Infinity ? low2[k]! : low1[k]!;
    low1[k] = v < Infinity ? v : NaN;
  }
  return low1;
}

/** The cells' values that have support (see SUPPORT_COUNT), NaN elsewhere. `rise`: metres allowed per cell. */
function supportedCells(low: Float32Array, cols: number, rows: number, rise: number): Float32Array {
  const out = new Float32Array(low.length).fill(NaN);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const v = low[row * cols + col]!;
      if (v !== v) continue;
      let support = 0;
      for (let r = Math.max(0, row - SUPPORT_WINDOW); r <= Math.min(rows - 1, row + SUPPORT_WINDOW); r++) {
        for (let c = Math.max(0, col - SUPPORT_WINDOW); c <= Math.min(cols - 1, col + SUPPORT_WINDOW); c++) {
          if (r === row && c === col) continue;
          const d = Math.abs(low[r * cols + c]! - v);
          if (d <= rise * Math.max(Math.abs(r - row), Math.abs(c - col)) + SUPPORT_TOLERANCE) support++;
        }
      }
      if (support >= SUPPORT_COUNT) out[row * cols + col] = v;
    }
  }
  return out;
}

/**
 * The local lower envelope: per cell, min over the filled cells c' within ENVELOPE_WINDOW cells of
 * h(c') + rise · distance(c, c') in cells. Local on purpose: a global envelope lets a real drop beside the road
 * (an embankment 3 m down, 20 m away) pull the road down by slope × distance. Empty cells stay empty.
 */
function lowerEnvelope(h: Float32Array, cols: number, rows: number, rise: number): Float32Array {
  const out = new Float32Array(h.length).fill(NaN);
  const w = ENVELOPE_WINDOW;
  const cost = new Float32Array((2 * w + 1) ** 2);
  for (let r = -w; r <= w; r++)
    for (let c = -w; c <= w; c++) cost[(r + w) * (2 * w + 1) + c + w] = rise * Math.hypot(r, c);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      // Only cells with a value of their own: the cone must not raise the empty ones near data.
      if (h[row * cols + col] !== h[row * cols + col]) continue;
      let best = Infinity;
      for (let r = Math.max(0, row - w); r <= Math.min(rows - 1, row + w); r++) {
        const costRow = (r - row + w) * (2 * w + 1) + w - col;
        for (let c = Math.max(0, col - w); c <= Math.min(cols - 1, col + w); c++) {
          // NaN (no supported value) never compares below best.
          const v = h[r * cols + c]! + cost[costRow + c]!;
          if (v < best) best = v;
        }
      }
      out[row * cols + col] = best;
    }
  }
  return out;
}

/** Fills NaN cells ring by ring with the mean of their filled 8-neighbours; all NaN → 0 (no data at all). */
function fillEmptyCells(heights: Float32Array, cols: number, rows: number): void {
  const next = new Float32Array(heights.length);
  for (let changed = true; changed;) {
    changed = false;
    next.set(heights);
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        if (heights[row * cols + col] === heights[row * cols + col]) continue;
        let sum = 0;
        let n = 0;
        for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
          for (let c = Math.max(0, col - 1); c <= Math.min(cols - 1, col + 1); c++) {
            const v = heights[r * cols + c]!;
            if (v === v) {
              sum += v;
              n++;
            }
          }
        }
        if (n > 0) {
          next[row * cols + col] = sum / n;
          changed = true;
        }
      }
    }
    heights.set(next);
  }
  if (heights[0] !== heights[0]) heights.fill(0);
}
