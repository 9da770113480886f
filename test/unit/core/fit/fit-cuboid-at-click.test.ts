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

  it('gives a car under a tree its own height and footprint, not the canopy’s', () => {
    const flat = () => 0;
    const car = { position: [12, -6] as const, yaw: 0 };
    const points = [...sampleGround(30, 0.25, flat), ...sampleCar(car.position, 0, 0, sensor)];
    // A crown 2.3–3.3 m up, wider than the car, reaching 1.5 m beyond its end.
    for (let x = 9; x <= 15.5; x += 0.15)
      for (let y = -8; y <= -4; y += 0.15) points.push(x, y, 2.3 + ((x * 7 + y * 3) % 1));
    const crowned = makeCloud(transformPoints(invertRigid(egoFromLidar), points));
    const fit = fitCuboidAtClick(crowned, egoFromLidar, { x: 12, y: -6 })!;
    expect(fit.size[2]).toBeCloseTo(1.5, 1);
    expect(bevIou(fit, { position: [12, -6, 0], size: [4.4, 1.8, 1.5], yaw: 0 })).toBeGreaterThan(0.8);
  });

  it('picks the car a click lands in, not a larger cluster whose points lie nearer the click', () => {
    const flat = () => 0;
    // A car 10 m to the right, seen broadside; a van-sized block 0.5 m beyond its far side.
    const points = [...sampleGround(30, 0.25, flat), ...sampleCar([10, -10], 0, 0, sensor)];
    points.push(...sampleVisibleFaces({ position: [10.5, -12.4, 1.2], size: [7, 2, 2.4], yaw: 0 }, sensor, 0.05));
    const busy = makeCloud(transformPoints(invertRigid(egoFromLidar), points));
    // The click at the car's centre, 0.9 m from its near side and 0.5 m from the block's seen roof edge.
    const fit = fitCuboidAtClick(busy, egoFromLidar, { x: 10, y: -10 })!;
    expect(bevIou(fit, { position: [10, -10, 0], size: [4.4, 1.8, 1.5], yaw: 0 })).toBeGreaterThan(0.75);
  });

  it('joins a car’s bumper and windscreen when no beam hit the bonnet between them', () => {
    const flat = () => 0;
    // Seen from its front 25 m ahead: the front face and the cabin's front, the bonnet's top left out.
    const all = sampleCar([25, 0], Math.PI, 0, sensor);
    const parts: number[] = [];
    for (let i = 0; i < all.length; i += 3) {
      const [x, , z] = [all[i]!, all[i + 1]!, all[i + 2]!];
      if (x < 23.2 && z > 0.85 && z < 0.95) continue; // the bonnet's top
      if (x > 23.0 && x < 24.1 && z >= 0.85) continue;
      parts.push(all[i]!, all[i + 1]!, all[i + 2]!);
    }
    const cloudParts = makeCloud(
      transformPoints(invertRigid(egoFromLidar), [...sampleGround(40, 0.25, flat), ...parts]),
    );
    const fit = fitCuboidAtClick(cloudParts, egoFromLidar, { x: 25, y: 0 })!;
    expect(bevIou(fit, { position: [25, 0, 0], size: [4.4, 1.8, 1.5], yaw: Math.PI })).toBeGreaterThan(0.8);
  });

  it('finds nothing on empty road', () => {
    expect(fitCuboidAtClick(cloud, egoFromLidar, { x: 35, y: -20 }, options)).toBeUndefined();
  });
});
