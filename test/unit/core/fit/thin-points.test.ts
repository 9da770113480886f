import { describe, expect, it } from 'vitest';
import { thinPoints } from '../../../../src/core/fit/thin-points';

describe('thinPoints', () => {
  it('keeps one point per voxel', () => {
    // 10 × 10 × 10 points 2 cm apart: one 20 cm cube, two voxels of 10 cm a side in each axis.
    const xyz: number[] = [];
    for (let i = 0; i < 10; i++)
      for (let j = 0; j < 10; j++) for (let k = 0; k < 10; k++) xyz.push(i * 0.02, j * 0.02, k * 0.02);
    const thinned = thinPoints({ xyz: Float32Array.from(xyz), count: 1000 }, 0.1, 0);
    expect(thinned.count).toBe(8);
    expect(thinned.xyz.length).toBe(24);
  });

  it('leaves small sets alone', () => {
    const set = { xyz: Float32Array.of(0, 0, 0, 0.01, 0, 0), count: 2 };
    expect(thinPoints(set, 0.1)).toBe(set);
  });
});
