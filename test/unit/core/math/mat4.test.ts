import { describe, expect, it } from 'vitest';
import { fromPose, invertRigid, multiply, transformPoint, yawOf, identity } from '../../../../src/core/math/mat4';
import { normalizeAngle } from '../../../../src/core/math/angle';

describe('mat4', () => {
  it('composes and inverts rigid transforms', () => {
    const aFromB = fromPose([1, 2, 3], 0.7, 0.1, -0.2);
    const bFromA = invertRigid(aFromB);
    const round = multiply(aFromB, bFromA);
    round.forEach((v, i) => expect(v).toBeCloseTo(identity()[i]!, 12));
  });

  it('turns +x by yaw counter-clockwise seen from above', () => {
    const m = fromPose([0, 0, 0], Math.PI / 2);
    const [x, y] = transformPoint(m, [1, 0, 0]);
    expect(x).toBeCloseTo(0, 12);
    expect(y).toBeCloseTo(1, 12);
    expect(yawOf(m)).toBeCloseTo(Math.PI / 2, 12);
  });

  it('applies the translation after the rotation', () => {
    expect(transformPoint(fromPose([10, 0, 1], Math.PI), [1, 0, 0]).map((v) => +v.toFixed(9))).toEqual([9, 0, 1]);
  });
});

describe('normalizeAngle', () => {
  it('maps into (−π, π]', () => {
    expect(normalizeAngle(-Math.PI)).toBeCloseTo(Math.PI, 12);
    expect(normalizeAngle((3 * Math.PI) / 2)).toBeCloseTo(-Math.PI / 2, 12);
    expect(normalizeAngle(0.5 + 4 * Math.PI)).toBeCloseTo(0.5, 12);
  });
});
