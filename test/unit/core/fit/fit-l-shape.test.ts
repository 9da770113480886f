import { describe, expect, it } from 'vitest';
import { boundingRect, fitLShape } from '../../../../src/core/fit/fit-l-shape';
import type { PointSet } from '../../../../src/core/fit/point-set';
import { createRandom, gaussian } from '../../../../src/core/math/random';
import { sampleVisibleFaces } from './synthetic-scene';

const toSet = (xyz: number[]): PointSet => ({ xyz: Float32Array.from(xyz), count: xyz.length / 3 });

/** Angle difference modulo π/2 (a rectangle's orientation), radians. */
const rectAngleError = (a: number, b: number) => {
  const d = (((a - b) % (Math.PI / 2)) + Math.PI / 2) % (Math.PI / 2);
  return Math.min(d, Math.PI / 2 - d);
};

describe('fitLShape', () => {
  it('finds the orientation and extent of a car seen at a corner', () => {
    for (const yaw of [0, 0.3, 1, -0.7, 2.5]) {
      // A 4.5 × 1.8 box at (15, 6), its near corner facing the sensor at the origin: two faces seen.
      const points = sampleVisibleFaces({ position: [15, 6, 0], size: [4.5, 1.8, 1.5], yaw }, [0, 0, 1], 0.1);
      const rect = fitLShape(toSet(points));
      expect(rectAngleError(rect.angle, yaw)).toBeLessThan((0.5 * Math.PI) / 180);
      const extents = [rect.max1 - rect.min1, rect.max2 - rect.min2].sort((a, b) => a - b);
      expect(extents[0]).toBeCloseTo(1.8, 1);
      expect(extents[1]).toBeCloseTo(4.5, 1);
    }
  });

  it('keeps the orientation under 3 cm noise', () => {
    const random = createRandom(3);
    const clean = sampleVisibleFaces({ position: [10, -8, 0], size: [4.2, 1.7, 1.4], yaw: 0.6 }, [0, 0, 1], 0.1);
    const noisy = clean.map((v, i) => (i % 3 === 2 ? v : v + 0.03 * gaussian(random)));
    expect(rectAngleError(fitLShape(toSet(noisy)).angle, 0.6)).toBeLessThan((2 * Math.PI) / 180);
  });

  it('returns an angle in [0, π/2)', () => {
    const rect = fitLShape(
      toSet(sampleVisibleFaces({ position: [5, 5, 0], size: [4, 2, 1], yaw: -0.2 }, [0, 0, 1], 0.1)),
    );
    expect(rect.angle).toBeGreaterThanOrEqual(0);
    expect(rect.angle).toBeLessThan(Math.PI / 2);
  });
});

describe('boundingRect', () => {
  it('spans the points along both axes', () => {
    const rect = boundingRect(toSet([0, 0, 0, 2, 0, 0, 2, 1, 0]), Math.PI / 2);
    // Axis 1 is +y, axis 2 is −x.
    expect(rect.min1).toBeCloseTo(0);
    expect(rect.max1).toBeCloseTo(1);
    expect(rect.min2).toBeCloseTo(-2);
    expect(rect.max2).toBeCloseTo(0);
  });
});
