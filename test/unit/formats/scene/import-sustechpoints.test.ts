import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { projectEgoPoint } from '../../../../src/core/geometry/projection';
import type { ImportedScene } from '../../../../src/formats/scene/import-scene';
import { importShared, readSharedJson, SHARED_DATA } from './scene-test-helpers';

const FOLDER = 'sustechpoints';
const FRAMES = ['000950', '000965', '000970', '000975'];
interface SustechBox {
  obj_id: string;
  obj_type: string;
  psr: Record<'position' | 'scale' | 'rotation', { x: number; y: number; z: number }>;
}
const labels = (stem: string) => readSharedJson<SustechBox[]>(`${FOLDER}/label/${stem}.json`);

/** Rx(a) · Ry(b) · Rz(c) applied to v: three.js Euler order "XYZ", composed here from single-axis turns. */
function rotateXyz([a, b, c]: number[], v: number[]): number[] {
  const rz = [Math.cos(c!) * v[0]! - Math.sin(c!) * v[1]!, Math.sin(c!) * v[0]! + Math.cos(c!) * v[1]!, v[2]!];
  const ry = [Math.cos(b!) * rz[0]! + Math.sin(b!) * rz[2]!, rz[1]!, -Math.sin(b!) * rz[0]! + Math.cos(b!) * rz[2]!];
  return [ry[0]!, Math.cos(a!) * ry[1]! - Math.sin(a!) * ry[2]!, Math.sin(a!) * ry[1]! + Math.cos(a!) * ry[2]!];
}

describe('importScene: SUSTechPOINTS (real data)', () => {
  let imported: ImportedScene;
  beforeAll(async () => {
    imported = await importShared(FOLDER);
  });

  it('has 4 frames and 3 cameras of 2048×1536; frame 000950 has no images and no problem', () => {
    const { scene } = imported;
    expect(scene.frames.map((f) => f.lidar[0]!.uri)).toEqual(FRAMES.map((s) => `lidar/${s}.pcd`));
    expect(scene.cameras.map((c) => [c.id, c.width, c.height])).toEqual([
      ['front', 2048, 1536],
      ['left', 2048, 1536],
      ['right', 2048, 1536],
    ]);
    expect(scene.frames[0]!.cameras).toEqual([]);
    for (const frame of scene.frames.slice(1)) {
      expect(frame.cameras.map((c) => c.uri)).toEqual(['front', 'left', 'right'].map((n) => `camera/${n}/${FRAMES[frame.index]}.jpg`)); // prettier-ignore
    }
    expect(imported.problems).toEqual([]);
    // Unevenly spaced frame numbers keep their spacing (100 ms per number).
    expect(scene.frames.map((f) => f.timestampUs)).toEqual([0, 1_500_000, 2_000_000, 2_500_000]);
    // x left, y back → ego x forward (= −y), y left (= x).
    expect(scene.lidars[0]!.egoFromLidar).toEqual([0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('uses the calibration: intrinsics as given, cameraFromEgo = extrinsic · lidarFromEgo', () => {
    const front = imported.scene.cameras.find((c) => c.id === 'front')!;
    const calib = JSON.parse(readFileSync(`${SHARED_DATA}${FOLDER}/calib/camera/front.json`, 'utf8')) as { extrinsic: number[]; intrinsic: number[] }; // prettier-ignore
    const k = calib.intrinsic;
    expect(front.intrinsics).toEqual({ fx: k[0], skew: k[1], cx: k[2], fy: k[4], cy: k[5] });
    // An ego point 20 m ahead is a LiDAR point 20 m along −y (y points back); the extrinsic maps it into the
    // camera, and the front camera sees it.
    const e = calib.extrinsic;
    const camera = [0, 1, 2].map((r) => e[r * 4 + 1]! * -20 + e[r * 4 + 3]!);
    const uv = projectEgoPoint(front, [20, 0, 0])!;
    expect(uv[0]).toBeCloseTo((k[0]! * camera[0]!) / camera[2]! + k[2]!, 9);
    expect(uv[1]).toBeCloseTo((k[4]! * camera[1]!) / camera[2]! + k[5]!, 9);
    expect(uv[0]).toBeGreaterThan(0);
    expect(uv[0]).toBeLessThan(2048);
  });

  it('gives each box of 000965 the same 8 corners as its psr, within 1e-6 m', () => {
    const boxes = labels('000965');
    const tilted = boxes.filter((b) => b.psr.rotation.x !== 0 || b.psr.rotation.y !== 0);
    expect(tilted).toHaveLength(10);
    const cuboids = imported.cuboids.filter((c) => c.frameIndex === 1);
    expect(cuboids).toHaveLength(boxes.length);
    expect(cuboids.filter((c) => c.pitch !== 0 || c.roll !== 0)).toHaveLength(10);
    for (const [i, box] of boxes.entries()) {
      const { position: p, scale: s, rotation: r } = box.psr;
      expect(imported.cuboids.find((c) => c === cuboids[i])!.size).toEqual([s.x, s.y, s.z]);
      const ours = cuboidCorners(cuboids[i]!);
      [
        [1, 1, -1],
        [1, -1, -1],
        [-1, -1, -1],
        [-1, 1, -1],
        [1, 1, 1],
        [1, -1, 1],
        [-1, -1, 1],
        [-1, 1, 1],
      ].forEach((sign, k) => {
        // prettier-ignore
        const local = [(sign[0]! * s.x) / 2, (sign[1]! * s.y) / 2, (sign[2]! * s.z) / 2];
        const turned = rotateXyz([r.x, r.y, r.z], local);
        const lidar = [p.x + turned[0]!, p.y + turned[1]!, p.z + turned[2]!];
        const ego = [-lidar[1]!, lidar[0]!, lidar[2]!]; // x forward = −y back, y left = x left
        expect(Math.hypot(...ego.map((v, j) => v - ours[k]![j]!)), `${box.obj_id} corner ${k}`).toBeLessThan(1e-6);
      });
    }
  });

  it('makes one track per obj_id: the 16 ids of every frame span all 4 frames', () => {
    const byFrame = FRAMES.map((s) => labels(s));
    const ids = new Set(byFrame.flat().map((b) => b.obj_id));
    const everywhere = [...ids].filter((id) => byFrame.every((boxes) => boxes.some((b) => b.obj_id === id)));
    expect(everywhere).toHaveLength(16);
    expect(imported.tracks).toHaveLength(ids.size);
    expect(imported.cuboids).toHaveLength(byFrame.flat().length);
    const spans = imported.tracks.map((t) => new Set(imported.cuboids.filter((c) => c.trackId === t.id).map((c) => c.frameIndex))); // prettier-ignore
    expect(spans.filter((frames) => frames.size === 4)).toHaveLength(16);
    const classOf = Object.fromEntries(byFrame.flat().map((b) => [b.obj_id, b.obj_type]));
    const expected: Record<string, string> = { Car: 'car', Pedestrian: 'pedestrian', Rider: 'cyclist', Truck: 'truck', Motor: 'cyclist', Bus: 'truck' }; // prettier-ignore
    const firstBox = (trackId: string) => imported.cuboids.findIndex((c) => c.trackId === trackId);
    for (const track of imported.tracks) {
      const box = byFrame.flat()[firstBox(track.id)]!;
      expect(track.classId).toBe(expected[classOf[box.obj_id]!]);
      expect(track.externalId).toBe(String(box.obj_id));
    }
  });
});
