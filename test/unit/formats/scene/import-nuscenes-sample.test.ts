import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { projectEgoPoint } from '../../../../src/core/geometry/projection';
import { invertRigid, multiply, transformPoint } from '../../../../src/core/math/mat4';
import type { ImportedScene } from '../../../../src/formats/scene/import-scene';
import { importShared, readEgoPoints, readSharedJson, SHARED_DATA } from './scene-test-helpers';

const FOLDER = 'nuscenes-sample';
type Rows = number[][];
interface SampleJson {
  timestamp_s: number;
  lidar: { path: string; lidar2ego: Rows };
  ego2global: Rows;
  cameras: Record<string, { path: string; cam2img: Rows; lidar2cam: Rows; cam2ego: Rows; width: number; height: number }>; // prettier-ignore
  boxes_lidar: { category: string; center: number[]; size_lwh: number[]; yaw: number; valid: boolean }[];
}
const json = readSharedJson<SampleJson>(`${FOLDER}/derived/sample_calib_and_boxes.json`);

describe('importScene: nuScenes-style sample (real data)', () => {
  let imported: ImportedScene;
  beforeAll(async () => {
    imported = await importShared(FOLDER);
  });

  it('has one frame with the sweep, six 1600×900 cameras and the ego pose', () => {
    const { scene } = imported;
    expect(scene.frames).toHaveLength(1);
    const frame = scene.frames[0]!;
    expect(frame.lidar.map((s) => s.uri)).toEqual([json.lidar.path]);
    expect(frame.timestampUs).toBe(Math.round(json.timestamp_s * 1e6));
    expect(frame.worldFromEgo).toEqual(json.ego2global.flat());
    expect(scene.lidars[0]!.egoFromLidar).toEqual(json.lidar.lidar2ego.flat());
    expect(scene.cameras.map((c) => c.id).sort()).toEqual(Object.keys(json.cameras).sort());
    for (const camera of scene.cameras) {
      const info = json.cameras[camera.id]!;
      // The JPEG's own size, read here from its SOF0 header by a plain scan.
      const bytes = readFileSync(SHARED_DATA + FOLDER + '/' + info.path);
      const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
      expect([camera.width, camera.height]).toEqual([bytes.readUInt16BE(sof + 7), bytes.readUInt16BE(sof + 5)]);
      expect([camera.width, camera.height]).toEqual([1600, 900]);
      expect(frame.cameras.find((s) => s.sensorId === camera.id)!.uri).toBe(info.path);
      const k = info.cam2img;
      expect(camera.intrinsics).toEqual({ fx: k[0]![0], skew: k[0]![1], cx: k[0]![2], fy: k[1]![1], cy: k[1]![2] });
      // cameraFromEgo's rotation agrees with the dataset's static cam2ego, which the importer does not read.
      // (mmdet3d's lidar2cam also holds the ego motion between sweep and image, up to 0.33 m in this sample,
      // so only the rotation is compared: the ego barely turns in those 40 ms.)
      const expected = invertRigid(json.cameras[camera.id]!.cam2ego.flat());
      camera.cameraFromEgo.forEach((v, i) => i % 4 !== 3 && expect(Math.abs(v - expected[i]!)).toBeLessThan(2e-3));
    }
    expect(imported.problems.every((p) => p.path === 'derived/sample_calib_and_boxes.json')).toBe(true);
  });

  it('imports the valid boxes into the ego frame, classes mapped, the rest reported once per class', () => {
    const valid = json.boxes_lidar.filter((b) => b.valid);
    expect(valid.length).toBe(json.boxes_lidar.length - 3);
    expect(imported.cuboids).toHaveLength(valid.length);
    const egoFromLidar = json.lidar.lidar2ego.flat();
    for (const [i, box] of valid.entries()) {
      const c = imported.cuboids[i]!;
      expect(c.size).toEqual(box.size_lwh);
      // Corners carried from the LiDAR frame by lidar2ego, computed here without the importer's maths.
      const [l, w, h] = box.size_lwh.map((s) => s / 2) as [number, number, number];
      const [cy, sy] = [Math.cos(box.yaw), Math.sin(box.yaw)];
      const ours = cuboidCorners(c);
      [
        [l, w, -h],
        [l, -w, -h],
        [-l, -w, -h],
        [-l, w, -h],
        [l, w, h],
        [l, -w, h],
        [-l, -w, h],
        [-l, w, h],
      ].forEach(([x, y, z], k) => {
        // prettier-ignore
        const lidar: [number, number, number] = [box.center[0]! + cy * x! - sy * y!, box.center[1]! + sy * x! + cy * y!, box.center[2]! + z!]; // prettier-ignore
        const ego = transformPoint(egoFromLidar, lidar);
        expect(Math.hypot(...ego.map((v, j) => v - ours[k]![j]!))).toBeLessThan(1e-6);
      });
    }
    const unknown = [...new Set(valid.map((b) => b.category))].filter(
      (c) =>
        !['car', 'truck', 'bus', 'trailer', 'construction_vehicle', 'pedestrian', 'bicycle', 'motorcycle'].includes(c),
    );
    expect(imported.problems.map((p) => p.message).sort()).toEqual(
      unknown.map((c) => `class ${c} is not in the ontology; imported as '${c}'`).sort(),
    );
    expect(imported.tracks.filter((t) => t.classId === 'pedestrian')).toHaveLength(
      valid.filter((b) => b.category === 'pedestrian').length,
    );
  });

  it('projects the LiDAR points ahead, and the boxes ahead, into CAM_FRONT', () => {
    const camera = imported.scene.cameras.find((c) => c.id === 'CAM_FRONT')!;
    const points = readEgoPoints(FOLDER, imported, 0);
    // Ahead of the camera (its position from the dataset's cam2ego): ≥ 3 m in front, within ±25° sideways and
    // ±15° up or down of the ego's x axis (CAM_FRONT sees about ±32° by ±20°).
    const origin = json.cameras['CAM_FRONT']!.cam2ego.map((row) => row[3]!);
    const ahead = points.filter((p) => {
      const [x, y, z] = p.map((v, i) => v - origin[i]!) as [number, number, number];
      return (
        x > 3 && Math.abs(y) < x * Math.tan((25 * Math.PI) / 180) && Math.abs(z) < x * Math.tan((15 * Math.PI) / 180)
      );
    });
    expect(ahead.length).toBeGreaterThan(1000);
    const inImage = ahead.filter((p) => {
      const uv = projectEgoPoint(camera, p);
      return uv !== undefined && uv[0] >= 0 && uv[0] < camera.width && uv[1] >= 0 && uv[1] < camera.height;
    });
    expect(inImage.length / ahead.length).toBeGreaterThan(0.95);
    // Points behind the ego never land in the front image.
    expect(points.filter(([x]) => x < -3).some((p) => projectEgoPoint(camera, p) !== undefined)).toBe(false);
    const centres = imported.cuboids
      .filter((c) => c.position[0] > 3 && Math.abs(c.position[1]) < c.position[0] * 0.45)
      .map((c) => projectEgoPoint(camera, c.position));
    expect(centres.length).toBeGreaterThan(3);
    for (const uv of centres) {
      expect(uv![0]).toBeGreaterThanOrEqual(0);
      expect(uv![0]).toBeLessThan(camera.width);
      expect(uv![1]).toBeGreaterThanOrEqual(0);
      expect(uv![1]).toBeLessThan(camera.height);
    }
  });

  it('places worldFromEgo · egoFromLidar as the dataset chains them', () => {
    const worldFromLidar = multiply(imported.scene.frames[0]!.worldFromEgo!, imported.scene.lidars[0]!.egoFromLidar);
    const expected = multiply(json.ego2global.flat(), json.lidar.lidar2ego.flat());
    expect(worldFromLidar).toEqual(expected);
  });
});
