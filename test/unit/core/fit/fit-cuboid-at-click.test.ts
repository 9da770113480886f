import { describe, expect, it } from 'vitest';
import { bevIou } from '../../../../src/core/fit/bev-iou';
import { buildGridIndex } from '../../../../src/core/fit/grid-index';
import { estimateGround } from '../../../../src/core/fit/estimate-ground';
import { fitCuboidAtClick } from '../../../../src/core/fit/fit-cuboid-at-click';
import { fromPose, invertRigid } from '../../../../src/core/math/mat4';
import { makeCloud, sampleCar, sampleGround, sampleVisibleFaces, transformPoints } from './synthetic-scene';

/** Ego frame: a road falling 2 % to the left, the LiDAR 1.8 m up, turned like nuScenes' LIDAR_TOP. */
const road = (_x: number, y: number) => -0.02 * y;
const egoFromLidar = fromPose([0.9, 0, 1.8], Math.PI / 2);
const sensor = [0.9, 0, 1.8] as const;
const cars = {
  // Parked on the right, seen from the side; a second car 0.6 m behind it.
  side: { position: [8, -4.5], yaw: 0 },
  behindIt: { position: [3.1, -4.5], yaw: 0 },
  // In the ego lane, 25 m ahead, seen from behind.
  ahead: { position: [25, 0], yaw: 0 },
  // Oncoming on the left.
  left: { position: [15, 5], yaw: Math.PI },
} as const;

function scene(): number[] {
  const points = sampleGround(45, 0.25, road);
  for (const { position, yaw } of Object.values(cars)) {
    points.push(...sampleCar(position, yaw, road(position[0], position[1]), sensor));
  }
  // A wall 1 m behind the parked cars.
  points.push(...sampleVisibleFaces({ position: [5, -6.5, 1], size: [20, 0.2, 2], yaw: 0 }, sensor, 0.1));
  return transformPoints(invertRigid(egoFromLidar), points);
}

const cloud = makeCloud(scene());
const options = { index: buildGridIndex(cloud, egoFromLidar), ground: estimateGround(cloud, egoFromLidar) };
const label = (key: keyof typeof cars) => ({
  position: [cars[key].position[0], cars[key].position[1], 0] as const,
  size: [4.4, 1.8, 1.5] as const,
  yaw: cars[key].yaw,
});

describe('fitCuboidAtClick', () => {
  it('fits a car seen from the side without its neighbour or the wall, heading read from its bonnet', () => {
    const fit = fitCuboidAtClick(cloud, egoFromLidar, { x: 8.5, y: -4.2 }, options)!;
    expect(bevIou(fit, label('side'))).toBeGreaterThan(0.85);
    expect(Math.cos(fit.yaw)).toBeGreaterThan(Math.cos(0.03));
    expect(fit.size[0]).toBeGreaterThanOrEqual(fit.size[1]);
    // Height from the ground to the roof (1.5 m), standing on the ground.
    expect(fit.size[2]).toBeCloseTo(1.5, 1);
    expect(fit.position[2] - fit.size[2] / 2).toBeCloseTo(road(8, -4.5), 1);
    expect(fit.points).toBeGreaterThan(100);
  });

  it('completes a car seen from behind to the class size and keeps its rear face', () => {
    const fit = fitCuboidAtClick(cloud, egoFromLidar, { x: 25, y: 0 }, options)!;
    expect(bevIou(fit, label('ahead'))).toBeGreaterThan(0.8);
    expect(fit.position[0] - fit.size[0] / 2).toBeCloseTo(25 - 2.2, 1);
    expect(Math.abs(fit.yaw)).toBeLessThan(0.03);
  });

  it('uses the motion for the heading when it is given', () => {
    const fit = fitCuboidAtClick(cloud, egoFromLidar, { x: 15, y: 5 }, { ...options, motionYaw: 3 })!;
    expect(bevIou(fit, label('left'))).toBeGreaterThan(0.8);
    expect(Math.abs(fit.yaw)).toBeGreaterThan(Math.PI - 0.03);
  });

  it('builds the index and the ground itself when not given them', () => {
    const fit = fitCuboidAtClick(cloud, egoFromLidar, { x: 8, y: -4.5 })!;
    expect(fit).toEqual(fitCuboidAtClick(cloud, egoFromLidar, { x: 8, y: -4.5 }, options));
  });

  it('finds nothing on empty road', () => {
    expect(fitCuboidAtClick(cloud, egoFromLidar, { x: 35, y: -20 }, options)).toBeUndefined();
  });
});
