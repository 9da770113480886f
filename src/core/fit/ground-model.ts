/**
 * The ground of one sweep as a coarse height grid in the EGO frame: `heights[row * cols + col]` is the ground
 * height (ego z, metres) at the centre of cell (col, row), whose centre lies at
 * (originX + (col + 0.5) · cellSize, originY + (row + 0.5) · cellSize). Plain numbers and one typed array, so
 * that it crosses a worker boundary by transfer and follows slopes, kerbs and ramps that one plane cannot.
 */
export interface GroundModel {
  originX: number;
  originY: number;
  /** Metres. */
  cellSize: number;
  cols: number;
  rows: number;
  /** Ego z of the ground, metres, one value a cell, every cell filled. */
  heights: Float32Array;
}

/**
 * Ground height (ego z, metres) under an ego-frame (x, y): bilinear between cell centres, so that the height
 * has no steps at cell borders; outside the grid the border cells' values continue flat.
 */
export function groundHeightAt(ground: GroundModel, x: number, y: number): number {
  const { cols, rows, heights } = ground;
  const fx = clamp((x - ground.originX) / ground.cellSize - 0.5, 0, cols - 1);
  const fy = clamp((y - ground.originY) / ground.cellSize - 0.5, 0, rows - 1);
  const c0 = Math.floor(fx),
    r0 = Math.floor(fy);
  const c1 = Math.min(c0 + 1, cols - 1),
    r1 = Math.min(r0 + 1, rows - 1);
  const tx = fx - c0,
    ty = fy - r0;
  const h00 = heights[r0 * cols + c0]!,
    h01 = heights[r0 * cols + c1]!;
  const h10 = heights[r1 * cols + c0]!,
    h11 = heights[r1 * cols + c1]!;
  return (h00 * (1 - tx) + h01 * tx) * (1 - ty) + (h10 * (1 - tx) + h11 * tx) * ty;
}

/** A flat ground at one ego z (metres), for callers that know it and for tests. */
export function createFlatGround(z: number): GroundModel {
  return { originX: -1, originY: -1, cellSize: 2, cols: 1, rows: 1, heights: Float32Array.of(z) };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
