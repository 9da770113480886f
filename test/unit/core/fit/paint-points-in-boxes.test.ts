import { describe, expect, it } from 'vitest';
import { paintPointsInBoxes } from '../../../../src/core/fit/paint-points-in-boxes';
import { countPointsInBox, type BoxPose } from '../../../../src/core/fit/count-points-in-box';
import { buildGridIndex } from '../../../../src/core/fit/grid-index';
import { fromTranslation } from '../../../../src/core/math/mat4';
import { createRandom } from '../../../../src/core/math/random';
import { makeCloud } from './synthetic-scene';

describe('paintPointsInBoxes', () => {
  const random = createRandom(11);
  const xyz = Array.from({ length: 30000 }, (_, i) => (i % 3 === 2 ? random() * 4 - 2 : random() * 40 - 20));
  // The cloud in a sensor frame 1.5 m above the ego frame: values must land at the cloud's own indices.
  const sensorXyz = xyz.map((v, i) => (i % 3 === 2 ? v - 1.5 : v));
  const egoFromLidar = fromTranslation(0, 0, 1.5);
  const index = buildGridIndex(makeCloud(sensorXyz), egoFromLidar);
  const a: BoxPose = { position: [3, -2, 0], size: [4.5, 2, 1.6], yaw: 0.7 };
  const b: BoxPose = { position: [-8, 9, 0.5], size: [1, 1, 2], yaw: -2, pitch: 0.1 };

  it('gives the points inside each box its value and every other point `none`', () => {
    const out = new Float32Array(index.count + 5).fill(42);
    paintPointsInBoxes(
      index,
      [
        { box: a, value: 1 },
        { box: b, value: 2 },
      ],
      out,
      -1,
    );
    const tally = (v: number) => out.subarray(0, index.count).filter((x) => x === v).length;
    expect(tally(1)).toBe(countPointsInBox(index, a));
    expect(tally(2)).toBe(countPointsInBox(index, b));
    expect(tally(-1)).toBe(index.count - tally(1) - tally(2));
    // Beyond the cloud's points the buffer is left as it was.
    expect(out[index.count]).toBe(42);
    // The points painted are the cloud's points inside, checked in the ego frame by hand.
    for (let i = 0; i < index.count; i++) {
      const [x, y, z] = [xyz[3 * i]!, xyz[3 * i + 1]!, xyz[3 * i + 2]!];
      const c = Math.cos(a.yaw),
        s = Math.sin(a.yaw);
      const u = c * (x - 3) + s * (y + 2),
        v = -s * (x - 3) + c * (y + 2);
      const inA = Math.abs(u) <= 2.25 - 1e-4 && Math.abs(v) <= 1 - 1e-4 && Math.abs(z) <= 0.8 - 1e-4;
      if (inA) expect(out[i]).toBe(1);
    }
  });

  it('lets a later box win where boxes overlap, and paints nothing without boxes', () => {
    const out = new Float32Array(index.count);
    paintPointsInBoxes(
      index,
      [
        { box: a, value: 1 },
        { box: { ...a, size: [2, 1, 1] }, value: 3 },
      ],
      out,
      0,
    );
    expect(out.filter((x) => x === 3).length).toBe(countPointsInBox(index, { ...a, size: [2, 1, 1] }));
    paintPointsInBoxes(index, [], out, 0);
    expect(out.every((x) => x === 0)).toBe(true);
  });
});
