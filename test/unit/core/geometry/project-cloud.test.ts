import { describe, expect, it } from 'vitest';
import { projectCloud } from '../../../../src/core/geometry/project-cloud';
import { projectEgoPoint } from '../../../../src/core/geometry/projection';
import { fromPose, transformPoint } from '../../../../src/core/math/mat4';
import { createRandom } from '../../../../src/core/math/random';
import type { CameraSensor } from '../../../../src/core/model/scene';

const egoToCameraAxes = [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1];

function camera(distortion: CameraSensor['distortion']): CameraSensor {
  return {
    id: 'c',
    name: 'c',
    cameraFromEgo: egoToCameraAxes,
    width: 800,
    height: 600,
    distortion,
    intrinsics: { fx: 500, fy: 480, cx: 400, cy: 300, skew: 0.5 },
  };
}

describe('projectCloud', () => {
  for (const distortion of [
    { model: 'none' } as const,
    { model: 'radtan', k1: -0.2, k2: 0.05, p1: 0.001, p2: -0.001, k3: 0 } as const,
    { model: 'fisheye', k1: 0.1, k2: -0.02, k3: 0.001, k4: 0 } as const,
  ]) {
    it(`agrees with projectEgoPoint point by point (${distortion.model})`, () => {
      const cam = camera(distortion);
      const egoFromLidar = fromPose([1, 0.2, 1.8], 0.3);
      const random = createRandom(3);
      const count = 2000;
      const positions = new Float32Array(count * 3).map(() => (random() - 0.5) * 60);
      const out = new Float32Array(count * 3);
      const n = projectCloud(cam, egoFromLidar, positions, count, out);
      const expected: number[][] = [];
      for (let i = 0; i < count; i++) {
        const ego = transformPoint(egoFromLidar, [positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!]);
        const p = projectEgoPoint(cam, ego);
        if (p && p[2] >= 0.5 && p[0] >= 0 && p[1] >= 0 && p[0] < 800 && p[1] < 600) expected.push(p);
      }
      expect(n).toBe(expected.length);
      expect(n).toBeGreaterThan(50);
      for (let k = 0; k < n; k++) {
        expect(out[k * 3]).toBeCloseTo(expected[k]![0]!, 2);
        expect(out[k * 3 + 1]).toBeCloseTo(expected[k]![1]!, 2);
        expect(out[k * 3 + 2]).toBeCloseTo(expected[k]![2]!, 3);
      }
    });
  }
});
