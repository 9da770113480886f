import { describe, expect, it } from 'vitest';
import { estimateGround } from '../../../../src/core/fit/estimate-ground';
import { groundHeightAt } from '../../../../src/core/fit/ground-model';
import { fromPose, identity, invertRigid } from '../../../../src/core/math/mat4';
import { makeCloud, sampleGround, sampleVisibleFaces, transformPoints } from './synthetic-scene';

/** A road rising 5 % along x with a 0.15 m kerb at y > 6, metres, ego frame. */
const road = (x: number, y: number) => -1.7 + 0.05 * x + (y > 6 ? 0.15 : 0);
const sensor = [0, 0, 0] as const;

function scene(): number[] {
  const points = sampleGround(40, 0.4, road);
  // Cars and a wall standing on the road, a canopy at 4 m over a stretch of it, stray returns below it.
  for (const [x, y, yaw] of [
    [12, -3, 0],
    [20, 3, 0.2],
    [-15, -4, Math.PI],
    [8, 9, 1.4],
  ] as const) {
    points.push(...sampleVisibleFaces({ position: [x, y, road(x, y) + 0.8], size: [4.5, 1.8, 1.6], yaw }, sensor, 0.1));
  }
  points.push(
    ...sampleVisibleFaces({ position: [25, -12, road(25, -12) + 1.5], size: [20, 0.3, 3], yaw: 0 }, sensor, 0.1),
  );
  for (let x = -30; x < -20; x += 0.2) for (let y = 10; y < 20; y += 0.2) points.push(x, y, road(x, y) + 4);
  points.push(5, 5, -6, 5.02, 5.01, -6.1, -22, 3, -9);
  return points;
}

describe('estimateGround', () => {
  it('follows a slope and a kerb under cars, walls, a canopy and stray low returns', () => {
    const ground = estimateGround(makeCloud(scene()), identity());
    const errors: number[] = [];
    for (let x = -36; x <= 36; x += 1.5) {
      for (let y = -36; y <= 36; y += 1.5) {
        if (Math.abs(y - 6) < 2.5) continue; // the kerb's step is smoothed over a cell
        errors.push(Math.abs(groundHeightAt(ground, x, y) - road(x, y)));
      }
    }
    errors.sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]!).toBeLessThan(0.05);
    expect(errors[Math.floor(errors.length * 0.99)]!).toBeLessThan(0.25);
    // Under the cars and under the canopy in particular.
    for (const [x, y] of [
      [12, -3],
      [20, 3],
      [-15, -4],
      [8, 9],
      [-25, 15],
    ] as const) {
      expect(Math.abs(groundHeightAt(ground, x, y) - road(x, y))).toBeLessThan(0.25);
    }
  });

  it('works in the ego frame whatever the sensor frame', () => {
    // The same scene seen by a LiDAR 1.8 m up, turned 90° (x right, y forward, like nuScenes' LIDAR_TOP).
    const egoFromLidar = fromPose([0.9, 0, 1.8], Math.PI / 2);
    const lidarPoints = transformPoints(invertRigid(egoFromLidar), scene());
    const ground = estimateGround(makeCloud(lidarPoints), egoFromLidar);
    for (const [x, y] of [
      [10, -20],
      [-5, 12],
      [30, 30],
    ] as const) {
      expect(Math.abs(groundHeightAt(ground, x, y) - road(x, y))).toBeLessThan(0.1);
    }
  });

  it('gives a flat ground at 0 for an empty cloud and fills cells with no returns', () => {
    expect(groundHeightAt(estimateGround(makeCloud([]), identity()), 3, 4)).toBe(0);
    // Returns only in a ring around the sensor: the middle is filled from it.
    const ring = sampleGround(
      20,
      0.5,
      () => -1.5,
      (x, y) => Math.hypot(x, y) < 8,
    );
    expect(groundHeightAt(estimateGround(makeCloud(ring), identity()), 0, 0)).toBeCloseTo(-1.5, 2);
  });
});
