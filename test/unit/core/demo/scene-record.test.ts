import { describe, expect, it } from 'vitest';
import {
  createDemoDrive,
  DEMO_FRAME_COUNT,
  DEMO_SEED,
  groundTruthAt,
  renderCamera,
  simulateSweep,
} from '../../../../src/core/demo';
import { projectEgoPoint } from '../../../../src/core/geometry/projection';
import { invertRigid, multiply, transformPoint, translationOf } from '../../../../src/core/math/mat4';

describe('demo scene record', () => {
  const { scene } = createDemoDrive(DEMO_SEED);

  it('names the scene after its seed and generator', () => {
    expect(scene.id).toBe(`demo-${DEMO_SEED}`);
    expect(scene.name).toBe('Demo drive');
    expect(scene.source).toEqual({ kind: 'demo', seed: DEMO_SEED });
    expect(scene.ontologyId).toBe('general-driving');
    expect(scene.provenance.contentHash).toBe(`demo-v2-${DEMO_SEED}`);
    expect(JSON.parse(JSON.stringify(scene))).toEqual(scene);
  });

  it('has 100 frames at 10 Hz from 2026-01-01 with a LiDAR sweep and a front image each', () => {
    expect(DEMO_FRAME_COUNT).toBe(100);
    expect(scene.frames.length).toBe(DEMO_FRAME_COUNT);
    const start = Date.UTC(2026, 0, 1) * 1000;
    scene.frames.forEach((f, i) => {
      expect(f.index).toBe(i);
      expect(f.timestampUs).toBe(start + i * 100_000);
      expect(f.lidar).toEqual([
        { sensorId: 'lidar-top', timestampUs: f.timestampUs, uri: `demo:${DEMO_SEED}/lidar/${i}` },
      ]);
      expect(f.cameras).toEqual([
        { sensorId: 'cam-front', timestampUs: f.timestampUs, uri: `demo:${DEMO_SEED}/camera/front/${i}` },
      ]);
      expect(f.worldFromEgo).toHaveLength(16);
    });
  });

  it('refuses frames the scene does not have', () => {
    const drive = createDemoDrive(DEMO_SEED);
    expect(() => simulateSweep(drive, DEMO_FRAME_COUNT)).toThrow(RangeError);
    expect(() => renderCamera(drive, -1, 'cam-front')).toThrow(RangeError);
    expect(() => groundTruthAt(drive, 1.5)).toThrow(RangeError);
  });

  it('mounts the LiDAR on the roof and the camera behind the windscreen, looking forward', () => {
    const lidar = scene.lidars[0]!;
    expect(lidar.id).toBe('lidar-top');
    const [lx, ly, lz] = translationOf(lidar.egoFromLidar);
    expect([lx, ly]).toEqual([1, 0]);
    expect(lz).toBeCloseTo(1.8, 12);
    const camera = scene.cameras[0]!;
    expect(camera.id).toBe('cam-front');
    expect(camera.width / camera.height).toBeCloseTo(16 / 9, 2);
    expect(camera.intrinsics.cx).toBe(camera.width / 2);
    expect(camera.intrinsics.cy).toBe(camera.height / 2);
    // The camera centre (ego frame) is where cameraFromEgo sends to the origin.
    const centre = translationOf(invertRigid(camera.cameraFromEgo));
    expect(centre[0]).toBeCloseTo(1.6, 9);
    expect(centre[1]).toBeCloseTo(0, 9);
    expect(centre[2]).toBeCloseTo(1.45, 9);
    // Ego forward is camera +z (a few degrees down), ego left is camera −x, ego up is roughly camera −y.
    const rotation = multiply(camera.cameraFromEgo, [
      1,
      0,
      0,
      centre[0],
      0,
      1,
      0,
      centre[1],
      0,
      0,
      1,
      centre[2],
      0,
      0,
      0,
      1,
    ]);
    const forward = transformPoint(rotation, [1, 0, 0]);
    expect(forward[2]).toBeGreaterThan(0.99);
    expect(forward[1]).toBeLessThan(0); // tilted down, so the horizon sits above the image centre (y is down)
    expect(transformPoint(rotation, [0, 1, 0])[0]).toBeCloseTo(-1, 9);
    expect(transformPoint(rotation, [0, 0, 1])[1]).toBeLessThan(-0.99);
    // The road 15 m ahead projects to the lower middle of the image.
    const p = projectEgoPoint(camera, [15, 0, 0])!;
    expect(p[0]).toBeCloseTo(camera.width / 2, 6);
    expect(p[1]).toBeGreaterThan(camera.height / 2);
  });
});
