import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { projectCameraPoint, projectEgoPoint, unprojectPixel } from '../../../../src/core/geometry/projection';
import { fromPose, invertRigid, multiply, transformDirection, transformPoint } from '../../../../src/core/math/mat4';
import type { CameraSensor, Distortion } from '../../../../src/core/model/scene';
import { invertAffine } from '../../../../src/formats/calibration/invert-affine';
import { readKittiCalib, rectFromVelo as rectFromVeloOf } from '../../../../src/formats/calibration/kitti-calib';
import { createKittiCamera } from '../../../../src/formats/calibration/kitti-camera';

const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const dataRoot = path.resolve(repoRoot, '../shared/data');

function makeCamera(distortion: Distortion, skew = 0): CameraSensor {
  return {
    id: 'cam',
    name: 'cam',
    cameraFromEgo: multiply(
      [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1],
      invertRigid(fromPose([1.5, 0.2, 1.4], 0.05, 0.03, -0.01)),
    ),
    intrinsics: { fx: 800, fy: 780, cx: 640.5, cy: 360.25, skew },
    width: 1280,
    height: 720,
    distortion,
  };
}

const models: Record<string, Distortion> = {
  none: { model: 'none' },
  radtan: { model: 'radtan', k1: -0.28, k2: 0.07, p1: 2e-4, p2: -1.5e-4, k3: 0.01 },
  fisheye: { model: 'fisheye', k1: 0.03, k2: -0.01, k3: 0.002, k4: -0.0004 },
};

describe('projection', () => {
  for (const [name, distortion] of Object.entries(models)) {
    it(`round-trips pixels through unproject and project (${name})`, () => {
      const camera = makeCamera(distortion, 0.5);
      let worst = 0;
      for (let v = 0; v <= camera.height; v += 40) {
        for (let u = 0; u <= camera.width; u += 40) {
          const ray = unprojectPixel(camera, u, v);
          expect(ray[2]).toBe(1);
          // Any point along the ray projects back to the same pixel.
          const depth = 3 + (u % 7);
          const p = projectCameraPoint(camera, [ray[0] * depth, ray[1] * depth, depth])!;
          worst = Math.max(worst, Math.hypot(p[0] - u, p[1] - v));
          expect(p[2]).toBeCloseTo(depth, 12);
        }
      }
      expect(worst).toBeLessThan(1e-6);
    });

    it(`round-trips camera-frame points through project and unproject (${name})`, () => {
      const camera = makeCamera(distortion);
      for (let y = -0.5; y <= 0.5; y += 0.1) {
        for (let x = -0.7; x <= 0.7; x += 0.1) {
          const p = projectCameraPoint(camera, [x * 4, y * 4, 4])!;
          const ray = unprojectPixel(camera, p[0], p[1]);
          expect(Math.abs(ray[0] - x) + Math.abs(ray[1] - y)).toBeLessThan(1e-9);
        }
      }
    });
  }

  it('puts the optical axis on the principal point and applies skew to y', () => {
    const camera = makeCamera({ model: 'none' }, 2);
    const { fx, fy, cx, cy } = camera.intrinsics;
    expect(projectCameraPoint(camera, [0, 0, 5])!.slice(0, 2)).toEqual([cx, cy]);
    const p = projectCameraPoint(camera, [0, 5, 5])!;
    expect(p[0]).toBeCloseTo(cx + 2, 12);
    expect(p[1]).toBeCloseTo(cy + fy, 12);
    expect(projectCameraPoint(camera, [5, 0, 5])![0]).toBeCloseTo(cx + fx, 12);
  });

  it('returns undefined behind the camera and maps ego forward to the image', () => {
    const camera = makeCamera({ model: 'none' });
    expect(projectCameraPoint(camera, [0, 0, -1])).toBeUndefined();
    expect(projectCameraPoint(camera, [1, 1, 0])).toBeUndefined();
    expect(projectEgoPoint(camera, [-20, 0, 1])).toBeUndefined();
    const ahead = projectEgoPoint(camera, [30, 0.2, 1.4])!;
    expect(ahead[2]).toBeGreaterThan(25);
    expect(ahead[0]).toBeGreaterThan(0);
    expect(ahead[0]).toBeLessThan(camera.width);
  });
});

function iou(a: number[], b: number[]): number {
  const w = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
  const h = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
  const area = (r: number[]) => (r[2]! - r[0]!) * (r[3]! - r[1]!);
  return (w * h) / (area(a) + area(b) - w * h);
}

describe('projection against a real KITTI calibration', () => {
  const calib = readKittiCalib(
    readFileSync(path.join(dataRoot, 'kitti-object/training/calib/000001.txt'), 'utf8'),
    'calib/000001.txt',
  );
  const labels = readFileSync(path.join(dataRoot, 'kitti-object/training/label_2/000001.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[0] !== 'DontCare');
  const P2 = calib.projections[2]!;
  const rectFromVelo = rectFromVeloOf(calib);
  // The Velodyne frame serves as ego (x forward, y left, z up); P2's stereo offset is folded into the extrinsics.
  const camera: CameraSensor = createKittiCamera('image_2', P2, rectFromVelo, 1242, 375);

  it('agrees with the raw P2 · R0_rect · Tr_velo_to_cam product', () => {
    const full = multiply([...P2, 0, 0, 0, 1], rectFromVelo);
    for (const p of [
      [10, 2, -1],
      [35, -6, 0.5],
      [70, 0, -1.7],
    ] as [number, number, number][]) {
      const [x, y, w] = transformPoint(full, p);
      const ours = projectEgoPoint(camera, p)!;
      expect(Math.abs(ours[0] - x / w) + Math.abs(ours[1] - y / w)).toBeLessThan(1e-9);
    }
  });

  it('projects the labelled 3D boxes onto their labelled 2D boxes', () => {
    const veloFromRect = invertAffine(rectFromVelo);
    let checked = 0;
    for (const f of labels) {
      const n = f.slice(1).map(Number);
      const [truncated, , , x1, y1, x2, y2, h, w, l, x, y, z, rotationY] = n as number[];
      // KITTI: bottom centre in the rectified camera frame (y down), heading = box x turned by rotation_y about y.
      const centre = transformPoint(veloFromRect, [x!, y! - h! / 2, z!]);
      const heading = transformDirection(veloFromRect, [Math.cos(rotationY!), 0, -Math.sin(rotationY!)]);
      const corners = cuboidCorners({
        position: centre,
        size: [l!, w!, h!],
        yaw: Math.atan2(heading[1], heading[0]),
        pitch: 0,
        roll: 0,
      });
      const projected = corners.map((c) => projectEgoPoint(camera, c));
      if (truncated! >= 0.1 || projected.some((p) => p === undefined)) continue;
      const us = projected.map((p) => p![0]);
      const vs = projected.map((p) => p![1]);
      const box = [Math.min(...us), Math.min(...vs), Math.max(...us), Math.max(...vs)];
      expect(iou(box, [x1!, y1!, x2!, y2!]), `${f[0]} box`).toBeGreaterThanOrEqual(0.7);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});
