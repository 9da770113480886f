import { describe, expect, it } from 'vitest';
import { bevIou } from '../../../../src/core/fit/bev-iou';
import { fitCuboidInRect } from '../../../../src/core/fit/fit-cuboid-in-rect';
import { identity } from '../../../../src/core/math/mat4';
import { makeCloud, sampleCar, sampleGround } from './synthetic-scene';

describe('fitCuboidInRect', () => {
  const sensor = [0, 0, 1.7] as const;
  // Ground at −1.7 (the KITTI set-up: ego = LiDAR frame), a car at (12, 3) turned 30°, another at (12, 7.5).
  const points = sampleGround(30, 0.25, () => -1.7);
  points.push(...sampleCar([12, 3], Math.PI / 6, -1.7, sensor), ...sampleCar([12, 7.5], 0, -1.7, sensor));
  const cloud = makeCloud(points);

  it('fits the object the rectangle was drawn round, not the corner of the next one', () => {
    const fit = fitCuboidInRect(cloud, identity(), { minX: 9, minY: 0.5, maxX: 15, maxY: 5.5 })!;
    expect(bevIou(fit, { position: [12, 3, 0], size: [4.4, 1.8, 1.5], yaw: Math.PI / 6 })).toBeGreaterThan(0.8);
    expect(fit.position[2] - fit.size[2] / 2).toBeCloseTo(-1.7, 1);
  });

  it('takes the corners in any order', () => {
    const a = fitCuboidInRect(cloud, identity(), { minX: 9, minY: 0.5, maxX: 15, maxY: 5.5 });
    expect(fitCuboidInRect(cloud, identity(), { minX: 15, minY: 5.5, maxX: 9, maxY: 0.5 })).toEqual(a);
  });

  it('finds nothing in an empty rectangle', () => {
    expect(fitCuboidInRect(cloud, identity(), { minX: -10, minY: -10, maxX: -5, maxY: -5 })).toBeUndefined();
  });
});
