import { describe, expect, it } from 'vitest';
import { countPointsInBox, type BoxPose } from '../../../../src/core/fit/count-points-in-box';
import { buildGridIndex } from '../../../../src/core/fit/grid-index';
import { fromPose, identity, invertRigid, transformPoint } from '../../../../src/core/math/mat4';
import { createRandom } from '../../../../src/core/math/random';
import { makeCloud } from './synthetic-scene';

/** Brute force: every point moved into the box frame and tested. */
function countByHand(xyz: number[], box: BoxPose): number {
  const boxFromEgo = invertRigid(fromPose(box.position, box.yaw, box.pitch ?? 0, box.roll ?? 0));
  let n = 0;
  for (let i = 0; i < xyz.length; i += 3) {
    const [u, v, w] = transformPoint(boxFromEgo, [xyz[i]!, xyz[i + 1]!, xyz[i + 2]!]);
    if (Math.abs(u) <= box.size[0] / 2 && Math.abs(v) <= box.size[1] / 2 && Math.abs(w) <= box.size[2] / 2) n++;
  }
  return n;
}

describe('countPointsInBox', () => {
  const random = createRandom(7);
  const xyz = Array.from({ length: 60000 }, (_, i) => (i % 3 === 2 ? random() * 4 - 2 : random() * 40 - 20));
  const index = buildGridIndex(makeCloud(xyz), identity());

  it('agrees with a brute-force count for oriented, pitched and rolled boxes', () => {
    for (let k = 0; k < 50; k++) {
      const box: BoxPose = {
        position: [random() * 40 - 20, random() * 40 - 20, random() * 2 - 1],
        size: [0.5 + random() * 8, 0.5 + random() * 3, 0.5 + random() * 3],
        yaw: random() * 2 * Math.PI - Math.PI,
        pitch: k % 3 === 0 ? random() * 0.4 - 0.2 : 0,
        roll: k % 5 === 0 ? random() * 0.4 - 0.2 : 0,
      };
      expect(countPointsInBox(index, box)).toBe(countByHand(xyz, box));
    }
  });

  it('counts nothing in a box away from the points, and works across the border cells', () => {
    expect(countPointsInBox(index, { position: [100, 100, 0], size: [4, 2, 2], yaw: 0 })).toBe(0);
    const edge: BoxPose = { position: [19, -19, 0], size: [6, 6, 4], yaw: 0.5 };
    expect(countPointsInBox(index, edge)).toBe(countByHand(xyz, edge));
  });

  it('counts in the ego frame of a turned sensor', () => {
    const egoFromLidar = fromPose([1, 0, 1.8], Math.PI / 2);
    const lidarIndex = buildGridIndex(makeCloud(xyz), egoFromLidar);
    const box: BoxPose = { position: [5, 3, 1], size: [4, 2, 2], yaw: 0.3 };
    // The same box carried into the LiDAR frame holds the same points there.
    const lidarBox: BoxPose = { ...box, position: transformPoint(invertRigid(egoFromLidar), box.position), yaw: 0.3 - Math.PI / 2 }; // prettier-ignore
    expect(countPointsInBox(lidarIndex, box)).toBe(countByHand(xyz, lidarBox));
    expect(countPointsInBox(lidarIndex, box)).toBeGreaterThan(0);
  });
});
