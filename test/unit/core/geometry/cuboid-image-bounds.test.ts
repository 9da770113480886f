import { describe, expect, it } from 'vitest';
import { cuboidImageBounds, rectArea } from '../../../../src/core/geometry/cuboid-image-bounds';
import type { CameraSensor } from '../../../../src/core/model/scene';

/** Looks along the ego's +x from the origin; 100 × 80 pixels, f = 50. */
const camera: CameraSensor = {
  id: 'c',
  name: 'c',
  cameraFromEgo: [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1],
  intrinsics: { fx: 50, fy: 50, cx: 49.5, cy: 39.5, skew: 0 },
  width: 100,
  height: 80,
  distortion: { model: 'none' },
};
const pose = { yaw: 0, pitch: 0, roll: 0 };

describe('cuboidImageBounds', () => {
  it('bounds the projected corners and clips to the image', () => {
    const b = cuboidImageBounds(camera, { position: [10, 0, 0], size: [2, 2, 2], ...pose })!;
    // Nearest face at x = 9: ±1 m → ±50/9 px about the centre.
    expect(b.full[0]).toBeCloseTo(49.5 - 50 / 9, 12);
    expect(b.full[3]).toBeCloseTo(39.5 + 50 / 9, 12);
    expect(b.clipped).toEqual(b.full);
    expect(b.depth).toBe(10);
    const half = cuboidImageBounds(camera, { position: [10, -10, 0], size: [2, 2, 2], ...pose })!;
    expect(half.clipped![2]).toBe(99);
    expect(rectArea(half.clipped!)).toBeLessThan(rectArea(half.full));
  });

  it('cuts edges at the near plane, and gives nothing for a box behind or out of view', () => {
    const beside = cuboidImageBounds(camera, { position: [0, 0, 0], size: [4, 2, 2], ...pose })!;
    expect(Number.isFinite(beside.full[0])).toBe(true);
    expect(beside.clipped).toEqual([0, 0, 99, 79]);
    expect(cuboidImageBounds(camera, { position: [-10, 0, 0], size: [2, 2, 2], ...pose })).toBeUndefined();
    expect(cuboidImageBounds(camera, { position: [1, 30, 0], size: [1, 1, 1], ...pose })!.clipped).toBeUndefined();
  });
});
