import { describe, expect, it } from 'vitest';
import { fromPose, multiply } from '../../../../src/core/math/mat4';
import { createRandom } from '../../../../src/core/math/random';
import { invertAffine } from '../../../../src/formats/calibration/invert-affine';
import { kittiBoxInEgo, kittiFieldsOfBox, kittiHeadingOffset } from '../../../../src/formats/labels/kitti-box';

/** Camera axes on the ego's (x right = −y, y down = −z, z forward = x), turned by `yaw` and moved a little. */
function rectFromEgoAt(yaw: number, tilt = 0): number[] {
  const axes = [0, -1, 0, 0.06, 0, 0, -1, -0.08, 1, 0, 0, -0.27, 0, 0, 0, 1];
  return multiply(axes, fromPose([0, 0, 0], -yaw, tilt));
}

describe('kittiHeadingOffset', () => {
  it("is −π/2 for KITTI's cameras, snapping a residual of under 2°, and follows a camera turned further", () => {
    expect(kittiHeadingOffset(invertAffine(rectFromEgoAt(0)))).toBeCloseTo(-Math.PI / 2, 15);
    expect(kittiHeadingOffset(invertAffine(rectFromEgoAt(0.01, 0.01)))).toBe(-Math.PI / 2);
    expect(kittiHeadingOffset(invertAffine(rectFromEgoAt(Math.PI)))).toBeCloseTo(Math.PI / 2, 12);
    expect(kittiHeadingOffset(invertAffine(rectFromEgoAt(0.6)))).toBeCloseTo(0.6 - Math.PI / 2, 12);
  });
});

describe('kittiFieldsOfBox', () => {
  it('inverts kittiBoxInEgo exactly for any camera heading, dropping pitch and roll', () => {
    const random = createRandom(3);
    for (let i = 0; i < 300; i++) {
      const rectFromEgo = rectFromEgoAt(random() * 7 - 3.5, random() * 0.2 - 0.1);
      const egoFromRect = invertAffine(rectFromEgo);
      const box = {
        position: [random() * 80 - 40, random() * 80 - 40, random() * 4 - 2] as const,
        size: [0.01 + random() * 20, 0.01 + random() * 5, 0.01 + random() * 4] as const,
        yaw: Math.PI - random() * 2 * Math.PI,
        pitch: random() - 0.5,
        roll: random() - 0.5,
      };
      const fields = kittiFieldsOfBox(box, rectFromEgo, egoFromRect);
      const back = kittiBoxInEgo(fields, egoFromRect);
      back.position.forEach((v, k) => expect(v).toBeCloseTo(box.position[k]!, 9));
      expect(back.size).toEqual(box.size);
      expect(Math.abs(Math.sin((back.yaw - box.yaw) / 2))).toBeLessThan(1e-12);
      expect([back.pitch, back.roll]).toEqual([0, 0]);
      const alpha = fields.rotationY - Math.atan2(fields.location[0], fields.location[2]);
      expect(Math.abs(Math.sin((fields.alpha - alpha) / 2))).toBeLessThan(1e-12);
      expect(Math.abs(fields.alpha)).toBeLessThanOrEqual(Math.PI);
    }
  });

  it('puts the bottom centre h/2 below the centre along the camera y (down)', () => {
    const rectFromEgo = rectFromEgoAt(0);
    const fields = kittiFieldsOfBox({ position: [10, 2, 0], size: [4, 2, 1.5], yaw: 0, pitch: 0, roll: 0 }, rectFromEgo, invertAffine(rectFromEgo)); // prettier-ignore
    [-2 + 0.06, 0.75 - 0.08, 10 - 0.27].forEach((v, i) => expect(fields.location[i]).toBeCloseTo(v, 12));
    expect(fields.hwl).toEqual([1.5, 2, 4]);
    expect(fields.rotationY).toBeCloseTo(-Math.PI / 2, 15);
  });
});
