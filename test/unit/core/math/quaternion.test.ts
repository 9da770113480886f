import { describe, expect, it } from 'vitest';
import { fromPose } from '../../../../src/core/math/mat4';
import { createRandom } from '../../../../src/core/math/random';
import {
  multiplyRotations,
  quaternionFromRotation,
  rotationFromQuaternion,
  rotationOf,
} from '../../../../src/core/math/quaternion';

describe('quaternions', () => {
  it('turn rotations into [w, x, y, z] with w ≥ 0 and back, also near 180°', () => {
    const random = createRandom(7);
    const poses = Array.from({ length: 500 }, () => [random() * 2 * Math.PI - Math.PI, random() * 3 - 1.5, random() * 6 - 3]); // prettier-ignore
    poses.push([Math.PI, 0, 0], [0, 0, Math.PI], [Math.PI / 2, 0, Math.PI], [Math.PI, 1e-9, 0]);
    for (const [yaw, pitch, roll] of poses) {
      const r = rotationOf(fromPose([0, 0, 0], yaw!, pitch, roll));
      const q = quaternionFromRotation(r);
      expect(q[0]).toBeGreaterThanOrEqual(0);
      expect(Math.hypot(...q)).toBeCloseTo(1, 14);
      rotationFromQuaternion(q).forEach((v, i) => expect(v).toBeCloseTo(r[i]!, 12));
    }
  });

  it('rotate about z by yaw in the way fromPose does', () => {
    const q = quaternionFromRotation(rotationOf(fromPose([0, 0, 0], 0.5)));
    expect(q[0]).toBeCloseTo(Math.cos(0.25), 15);
    expect(q[3]).toBeCloseTo(Math.sin(0.25), 15);
    expect(() => rotationFromQuaternion([0, 0, 0, 0])).toThrow('has no direction');
  });

  it('multiply rotations in the order written', () => {
    const a = rotationOf(fromPose([0, 0, 0], 0.3));
    const b = rotationOf(fromPose([0, 0, 0], 0, 0.2));
    const ab = rotationOf(fromPose([0, 0, 0], 0.3, 0.2));
    multiplyRotations(a, b).forEach((v, i) => expect(v).toBeCloseTo(ab[i]!, 15));
  });
});
