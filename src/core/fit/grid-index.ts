import type { Mat4 } from '../math/mat4';
import { positionStride, type PointCloud } from '../model/point-cloud';

/**
 * One sweep's points in the EGO frame, bucketed by a 2D grid of square cells in x, y so that a region query
 * (a disc round a click, an oriented box during a drag) reads only the cells it overlaps. Points are stored
 * reordered cell by cell: the points of cell k are `xyz[3 * cellStart[k] .. 3 * cellStart[k + 1])`, and
 * `sourceIndex` maps each back to its index in the cloud. Built once per frame, reused for every click.
 */
export interface GridIndex {
  count: number;
  /** x y z, metres, ego frame, in cell order. */
  xyz: Float32Array;
  /** The cloud's index of each reordered point. */
  sourceIndex: Uint32Array;
  /** `cols * rows + 1` offsets into the reordered points. */
  cellStart: Uint32Array;
  originX: number;
  originY: number;
  /** Metres. */
  cellSize: number;
  cols: number;
  rows: number;
}

/**
 * Transforms the cloud into the ego frame and buckets it (a counting sort: two passes, no per-point
 * allocation). The grid covers the points' ego xy extent clamped to ±maxRange metres; points beyond it fall into
 * the border cells, where queries still test them exactly.
 */
export function buildGridIndex(cloud: PointCloud, egoFromLidar: Mat4, cellSize = 1, maxRange = 200): GridIndex {
  const m = egoFromLidar;
  const n = cloud.count;
  const p = cloud.positions;
  const s = positionStride(cloud);
  const ego = new Float32Array(n * 3);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0, j = 0, e = 0; i < n; i++, j += s, e += 3) {
    const px = p[j]!,
      py = p[j + 1]!,
      pz = p[j + 2]!;
    const x = m[0]! * px + m[1]! * py + m[2]! * pz + m[3]!;
    const y = m[4]! * px + m[5]! * py + m[6]! * pz + m[7]!;
    ego[e] = x;
    ego[e + 1] = y;
    ego[e + 2] = m[8]! * px + m[9]! * py + m[10]! * pz + m[11]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (n === 0) minX = minY = maxX = maxY = 0;
  const originX = Math.floor(Math.max(minX, -maxRange) / cellSize) * cellSize;
  const originY = Math.floor(Math.max(minY, -maxRange) / cellSize) * cellSize;
  const cols = Math.max(1, Math.floor((Math.min(maxX, maxRange) - originX) / cellSize) + 1);
  const rows = Math.max(1, Math.floor((Math.min(maxY, maxRange) - originY) / cellSize) + 1);
  const index = { originX, originY, cellSize, cols, rows };
  const cellOf = new Uint32Array(n);
  const cellStart = new Uint32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    const k = cellContaining(index, ego[3 * i]!, ego[3 * i + 1]!);
    cellOf[i] = k;
    cellStart[k + 1]!++;
  }
  for (let k = 0; k < cols * rows; k++) cellStart[k + 1]! += cellStart[k]!;
  const fill = cellStart.slice(0, cols * rows);
  const xyz = new Float32Array(n * 3);
  const sourceIndex = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const at = fill[cellOf[i]!]!++;
    xyz[3 * at] = ego[3 * i]!;
    xyz[3 * at + 1] = ego[3 * i + 1]!;
    xyz[3 * at + 2] = ego[3 * i + 2]!;
    sourceIndex[at] = i;
  }
  return { count: n, xyz, sourceIndex, cellStart, ...index };
}

type GridShape = Pick<GridIndex, 'originX' | 'originY' | 'cellSize' | 'cols' | 'rows'>;

/** The cell of an ego-frame (x, y), clamped into the grid. */
export function cellContaining(grid: GridShape, x: number, y: number): number {
  const col = clampIndex(Math.floor((x - grid.originX) / grid.cellSize), grid.cols);
  const row = clampIndex(Math.floor((y - grid.originY) / grid.cellSize), grid.rows);
  return row * grid.cols + col;
}

/**
 * The inclusive range of columns and rows whose cells overlap the ego-frame xy box [minX, maxX] × [minY, maxY]
 * (clamped into the grid, so border cells that hold the far points are included when the box reaches them).
 */
export function cellRange(
  grid: GridShape,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): [number, number, number, number] {
  return [
    clampIndex(Math.floor((minX - grid.originX) / grid.cellSize), grid.cols),
    clampIndex(Math.floor((minY - grid.originY) / grid.cellSize), grid.rows),
    clampIndex(Math.floor((maxX - grid.originX) / grid.cellSize), grid.cols),
    clampIndex(Math.floor((maxY - grid.originY) / grid.cellSize), grid.rows),
  ];
}

/**
 * The reordered points under the cells that overlap the ego-frame xy box [minX, maxX] × [minY, maxY], as flat
 * [start, end) pairs, one per row of cells (a row's cells are contiguous in the reordered points). Every region
 * query reads its points through these runs.
 */
export function cellRuns(grid: GridIndex, minX: number, minY: number, maxX: number, maxY: number): number[] {
  const [c0, r0, c1, r1] = cellRange(grid, minX, minY, maxX, maxY);
  const runs: number[] = [];
  for (let row = r0; row <= r1; row++)
    runs.push(grid.cellStart[row * grid.cols + c0]!, grid.cellStart[row * grid.cols + c1 + 1]!);
  return runs;
}

/** How many points the runs hold: a bound for a query's output. */
export function runLength(runs: readonly number[]): number {
  let n = 0;
  for (let r = 0; r < runs.length; r += 2) n += runs[r + 1]! - runs[r]!;
  return n;
}

function clampIndex(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i | 0;
}
