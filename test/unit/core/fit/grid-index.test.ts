import { describe, expect, it } from 'vitest';
import { buildGridIndex, cellContaining, cellRange } from '../../../../src/core/fit/grid-index';
import { fromPose, identity } from '../../../../src/core/math/mat4';
import { createRandom } from '../../../../src/core/math/random';
import { makeCloud } from './synthetic-scene';

function randomPoints(n: number, spread: number, seed = 1): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n * 3 }, (_, i) => (i % 3 === 2 ? random() * 3 - 2 : (random() * 2 - 1) * spread));
}

describe('buildGridIndex', () => {
  it('holds every point once, in the ego frame, bucketed by its cell', () => {
    const cloud = makeCloud(randomPoints(5000, 30));
    const egoFromLidar = fromPose([1.5, -0.5, 1.8], 0.7);
    const index = buildGridIndex(cloud, egoFromLidar);
    expect(index.count).toBe(5000);
    expect([...index.sourceIndex].sort((a, b) => a - b)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(index.cellStart[index.cols * index.rows]).toBe(5000);
    for (let cell = 0; cell < index.cols * index.rows; cell++) {
      for (let i = index.cellStart[cell]!; i < index.cellStart[cell + 1]!; i++) {
        const x = index.xyz[3 * i]!,
          y = index.xyz[3 * i + 1]!,
          z = index.xyz[3 * i + 2]!;
        expect(cellContaining(index, x, y)).toBe(cell);
        // The stored point is the source point moved into the ego frame.
        const j = index.sourceIndex[i]!;
        const [px, py, pz] = [cloud.positions[3 * j]!, cloud.positions[3 * j + 1]!, cloud.positions[3 * j + 2]!];
        const m = egoFromLidar;
        expect(x).toBeCloseTo(m[0]! * px + m[1]! * py + m[2]! * pz + m[3]!, 4);
        expect(y).toBeCloseTo(m[4]! * px + m[5]! * py + m[6]! * pz + m[7]!, 4);
        expect(z).toBeCloseTo(m[8]! * px + m[9]! * py + m[10]! * pz + m[11]!, 4);
      }
    }
  });

  it('puts points beyond maxRange in the border cells', () => {
    const index = buildGridIndex(makeCloud([0, 0, 0, 500, 0, 0, -500, -3, 0]), identity(), 1, 50);
    expect(index.cols).toBeLessThanOrEqual(101);
    expect(cellContaining(index, 500, 0) % index.cols).toBe(index.cols - 1);
    const [c0, , c1] = cellRange(index, 40, -1, 1000, 1);
    expect(c1).toBe(index.cols - 1);
    expect(c0).toBeLessThan(c1);
  });

  it('indexes an empty cloud', () => {
    const index = buildGridIndex(makeCloud([]), identity());
    expect(index.count).toBe(0);
    expect(index.cellStart[index.cols * index.rows]).toBe(0);
  });
});
