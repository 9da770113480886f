import { describe, expect, it } from 'vitest';
import { projectCuboidWireframe } from '../../../../src/core/geometry/cuboid-projection';
import type { CameraSensor } from '../../../../src/core/model/scene';

/** A forward-looking camera at the ego origin: ego (x fwd, y left, z up) → OpenCV (x right, y down, z fwd). */
const camera: CameraSensor = {
  id: 'cam',
  name: 'cam',
  cameraFromEgo: [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1],
  intrinsics: { fx: 500, fy: 500, cx: 320, cy: 240, skew: 0 },
  width: 640,
  height: 480,
  distortion: { model: 'none' },
};

const box = {
  position: [10, 0, 0] as [number, number, number],
  size: [4, 2, 2] as [number, number, number],
  yaw: 0,
  pitch: 0,
  roll: 0,
};

describe('projectCuboidWireframe', () => {
  it('draws all 12 edges of a box ahead, centred where its centre projects, front face nearer and larger', () => {
    const w = projectCuboidWireframe(camera, box)!;
    expect(w.edges).toHaveLength(12);
    const us = w.edges.flat().map((p) => p[0]);
    expect((Math.min(...us) + Math.max(...us)) / 2).toBeCloseTo(320, 6);
    // The front face is at x = 12 (+x of the box): 1 m half-width at 12 m depth is 500/12 px.
    const frontUs = w.front!.map((p) => p[0]);
    expect(Math.max(...frontUs) - 320).toBeCloseTo(500 / 12, 6);
  });

  it('marks the rear face as front when the box faces the camera', () => {
    const w = projectCuboidWireframe(camera, { ...box, yaw: Math.PI })!;
    expect(Math.max(...w.front!.map((p) => p[0])) - 320).toBeCloseTo(500 / 8, 6);
  });

  it('leaves out what is behind the camera', () => {
    expect(projectCuboidWireframe(camera, { ...box, position: [-10, 0, 0] })).toBeUndefined();
    const straddling = projectCuboidWireframe(camera, { ...box, position: [0.5, 0, 0] })!;
    expect(straddling.edges.length).toBeGreaterThan(0);
    expect(straddling.edges.length).toBeLessThan(12);
  });
});
