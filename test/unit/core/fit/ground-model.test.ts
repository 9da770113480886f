import { describe, expect, it } from 'vitest';
import { createFlatGround, groundHeightAt, type GroundModel } from '../../../../src/core/fit/ground-model';

describe('groundHeightAt', () => {
  // 2 × 2 cells of 2 m from (0, 0): centres at x, y ∈ {1, 3}.
  const ground: GroundModel = { originX: 0, originY: 0, cellSize: 2, cols: 2, rows: 2, heights: Float32Array.of(0, 1, 2, 3) }; // prettier-ignore

  it('is the cell value at cell centres', () => {
    expect(groundHeightAt(ground, 1, 1)).toBeCloseTo(0);
    expect(groundHeightAt(ground, 3, 1)).toBeCloseTo(1);
    expect(groundHeightAt(ground, 1, 3)).toBeCloseTo(2);
    expect(groundHeightAt(ground, 3, 3)).toBeCloseTo(3);
  });

  it('interpolates bilinearly between centres', () => {
    expect(groundHeightAt(ground, 2, 1)).toBeCloseTo(0.5);
    expect(groundHeightAt(ground, 2, 2)).toBeCloseTo(1.5);
    expect(groundHeightAt(ground, 1.5, 2.5)).toBeCloseTo(0.25 * 1 + 0.75 * 2);
  });

  it('continues the border flat outside the grid', () => {
    expect(groundHeightAt(ground, -50, 1)).toBeCloseTo(0);
    expect(groundHeightAt(ground, 50, 50)).toBeCloseTo(3);
  });

  it('makes a flat ground', () => {
    const flat = createFlatGround(-1.7);
    expect(groundHeightAt(flat, 123, -45)).toBeCloseTo(-1.7);
  });
});
