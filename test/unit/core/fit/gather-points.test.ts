import { describe, expect, it } from 'vitest';
import { gatherPoints } from '../../../../src/core/fit/gather-points';
import { buildGridIndex } from '../../../../src/core/fit/grid-index';
import type { GroundModel } from '../../../../src/core/fit/ground-model';
import { identity } from '../../../../src/core/math/mat4';
import { makeCloud } from './synthetic-scene';

/** Ground rising 1 m per 2 m cell along x: −1 at x = 1, 0 at x = 3, 1 at x = 5 (cell centres). */
const slope: GroundModel = { originX: 0, originY: 0, cellSize: 2, cols: 3, rows: 1, heights: Float32Array.of(-1, 0, 1) }; // prettier-ignore

describe('gatherPoints', () => {
  // Columns of points every 0.1 m in z (−1.95 … 2.95, off the limits) at x = 1, 3, 5 (y = 0), one far in y.
  const xyz: number[] = [];
  for (const x of [1, 3, 5]) for (let k = 0; k < 50; k++) xyz.push(x, 0, k / 10 - 1.95);
  xyz.push(3, 10, 0.5);
  const index = buildGridIndex(makeCloud(xyz), identity());

  it('keeps the points between the height limits above the ground under each of them', () => {
    const set = gatherPoints(index, slope, { kind: 'disc', x: 3, y: 0, radius: 2.5 }, 0.25, 1);
    expect(set.count).toBeGreaterThan(0);
    for (let i = 0; i < set.count; i++) {
      const x = set.xyz[3 * i]!,
        z = set.xyz[3 * i + 2]!;
      const ground = (x - 3) / 2;
      expect(z - ground).toBeGreaterThan(0.25);
      expect(z - ground).toBeLessThanOrEqual(1 + 1e-6);
    }
    // 0.35 … 0.95 above the ground at each of the three columns: 7 points each.
    expect(set.count).toBe(3 * 7);
  });

  it('gathers in a disc or in a rectangle only', () => {
    expect(gatherPoints(index, slope, { kind: 'disc', x: 3, y: 0, radius: 1 }, 0.25, 1).count).toBe(7);
    const rect = gatherPoints(index, slope, { kind: 'rect', minX: 0, minY: -1, maxX: 4, maxY: 11 }, 0.25, 1);
    expect(rect.count).toBe(2 * 7 + 1);
    expect(gatherPoints(index, slope, { kind: 'disc', x: 50, y: 50, radius: 3 }, 0.25, 1).count).toBe(0);
  });
});
