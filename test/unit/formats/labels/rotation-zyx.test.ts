import { describe, expect, it } from 'vitest';
import { fromPose } from '../../../../src/core/math/mat4';
import { createRandom } from '../../../../src/core/math/random';
import { eulerZyxFromRotation } from '../../../../src/core/math/euler-zyx';
import { boxInEgo, rotationAboutZ, rotationFromEulerXyz } from '../../../../src/formats/labels/rotation-zyx';

/** The 3×3 rotation part of `fromPose`, the project's Z-Y-X convention. */
const zyx = (yaw: number, pitch: number, roll: number) => fromPose([0, 0, 0], yaw, pitch, roll).filter((_, i) => i < 12 && i % 4 !== 3); // prettier-ignore
const times = (a: number[], b: number[]) => [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!)); // prettier-ignore
const axis = (which: 0 | 1 | 2, a: number) => {
  const [c, s] = [Math.cos(a), Math.sin(a)];
  return [
    [1, 0, 0, 0, c, -s, 0, s, c],
    [c, 0, s, 0, 1, 0, -s, 0, c],
    [c, -s, 0, s, c, 0, 0, 0, 1],
  ][which]!;
};

describe('rotation conventions', () => {
  it('composes Euler XYZ as Rx · Ry · Rz (three.js order) and Rz alone', () => {
    const [a, b, c] = [0.3, -0.2, 1.1];
    rotationFromEulerXyz(a, b, c).forEach((v, i) => expect(v).toBeCloseTo(times(axis(0, a), times(axis(1, b), axis(2, c)))[i]!, 14)); // prettier-ignore
    expect(rotationAboutZ(0.4)).toEqual(axis(2, 0.4));
  });

  it('decomposes into Z-Y-X angles that rebuild the same rotation, yaw in (−π, π]', () => {
    const random = createRandom(7);
    for (let i = 0; i < 200; i++) {
      const r = rotationFromEulerXyz((random() - 0.5) * 6, (random() - 0.5) * 3, (random() - 0.5) * 6);
      const { yaw, pitch, roll } = eulerZyxFromRotation(r);
      expect(yaw).toBeGreaterThan(-Math.PI);
      expect(yaw).toBeLessThanOrEqual(Math.PI);
      zyx(yaw, pitch, roll).forEach((v, k) => expect(v).toBeCloseTo(r[k]!, 12));
    }
    // Gimbal lock: pitch = π/2 puts the whole turn into yaw.
    const locked = eulerZyxFromRotation(zyx(0.5, Math.PI / 2, 0));
    zyx(locked.yaw, locked.pitch, locked.roll).forEach((v, k) =>
      expect(v).toBeCloseTo(zyx(0.5, Math.PI / 2, 0)[k]!, 9),
    );
  });

  it('carries a sensor-frame box into the ego frame', () => {
    const egoFromSensor = fromPose([1, 2, 3], Math.PI / 2);
    const pose = boxInEgo(egoFromSensor, [10, 0, 0], rotationAboutZ(0.2), [4, 2, 1.5]);
    expect(pose.size).toEqual([4, 2, 1.5]);
    expect(pose.position.map((v) => Number(v.toFixed(12)))).toEqual([1, 12, 3]);
    expect(pose.yaw).toBeCloseTo(Math.PI / 2 + 0.2, 12);
    expect(Math.abs(pose.pitch) + Math.abs(pose.roll)).toBeLessThan(1e-12);
  });
});
