import { describe, expect, it } from 'vitest';
import { estimateGroundZ } from '../../../../src/core/geometry/ground';
import { fromTranslation } from '../../../../src/core/math/mat4';
import type { PointCloud } from '../../../../src/core/model/point-cloud';

/** A flat ground at lidar z = −1.7 with a car-like block of points above it around (10, 0). */
function cloud(): PointCloud {
  const pts: number[] = [];
  for (let x = 0; x < 20; x += 0.25) for (let y = -5; y < 5; y += 0.25) pts.push(x, y, -1.7);
  for (let x = 8; x < 12; x += 0.1) for (let z = -1.5; z < 0; z += 0.1) pts.push(x, 0, z);
  const positions = new Float32Array(pts);
  return { count: positions.length / 3, positions, attributes: {}, bounds: { min: [0, -5, -1.7], max: [20, 5, 0] } };
}

describe('estimateGroundZ', () => {
  it('finds the ground under a car, in the ego frame', () => {
    const z = estimateGroundZ(cloud(), fromTranslation(0, 0, 1.7), 10, 0);
    expect(z).toBeCloseTo(0, 5);
  });

  it('says nothing where there are no points', () => {
    expect(estimateGroundZ(cloud(), fromTranslation(0, 0, 1.7), 100, 100)).toBeUndefined();
  });
});
