import { describe, expect, it } from 'vitest';
import { countPointsInBox, type BoxPose } from '../../../../src/core/fit/count-points-in-box';
import { buildGridIndex } from '../../../../src/core/fit/grid-index';
import { markInside, pointsNearBox } from '../../../../src/core/fit/points-near-box';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { identity } from '../../../../src/core/math/mat4';
import { createRandom } from '../../../../src/core/math/random';
import { makeCloud } from './synthetic-scene';

describe('pointsNearBox', () => {
  const random = createRandom(11);
  const xyz = Array.from({ length: 45000 }, (_, i) => (i % 3 === 2 ? random() * 4 - 2 : random() * 40 - 20));
  const index = buildGridIndex(makeCloud(xyz), identity());
  const box: BoxPose = { position: [3, -4, 0.2], size: [4.5, 1.9, 1.6], yaw: 0.8, pitch: 0.1, roll: 0 };

  it('returns exactly the points within the margin of the box bounds, and far fewer than the sweep', () => {
    const near = pointsNearBox(index, box, 1);
    // Brute force over every point: within the box corners' axis-aligned bounds, expanded by 1 m.
    const corners = cuboidCorners({ ...box, pitch: box.pitch!, roll: 0 });
    const bound = [0, 1, 2].map((a) => Math.max(...corners.map((c) => Math.abs(c[a]! - box.position[a]!))) + 1);
    let expected = 0;
    for (let i = 0; i < xyz.length; i += 3) {
      const d = [xyz[i]! - 3, xyz[i + 1]! + 4, xyz[i + 2]! - 0.2];
      if (d.every((v, a) => Math.abs(v) <= bound[a]! + 1e-5)) expected++;
    }
    expect(near.count).toBe(expected);
    expect(near.count).toBeLessThan(xyz.length / 3 / 20);
  });

  it('marks as inside the same points the indexed count finds', () => {
    const near = pointsNearBox(index, box, 0.5);
    const flags = new Uint8Array(near.count);
    expect(markInside(near, box, flags)).toBe(countPointsInBox(index, box));
    expect(flags.reduce((a, b) => a + b, 0)).toBe(countPointsInBox(index, box));
  });
});
