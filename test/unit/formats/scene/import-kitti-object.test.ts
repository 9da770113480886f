import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { projectEgoPoint } from '../../../../src/core/geometry/projection';
import { normalizeAngle } from '../../../../src/core/math/angle';
import { transformPoint } from '../../../../src/core/math/mat4';
import { readKittiCalib, rectFromVelo } from '../../../../src/formats/calibration/kitti-calib';
import type { ImportedScene } from '../../../../src/formats/scene/import-scene';
import { importShared, iou2d, SHARED_DATA } from './scene-test-helpers';

const FOLDER = 'kitti-object/training';
const STEMS = ['000000', '000001', '000002'];
const read = (path: string) => readFileSync(`${SHARED_DATA}${FOLDER}/${path}`);
/** Label rows split into fields, DontCare left out: read here, independently of the importer. */
const labelRows = (stem: string) =>
  read(`label_2/${stem}.txt`)
    .toString()
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[0] !== 'DontCare');

describe('importScene: KITTI object (real data)', () => {
  let imported: ImportedScene;
  beforeAll(async () => {
    imported = await importShared(FOLDER);
  });

  it('has 3 frames, a Velodyne that is the ego frame, and cameras sized from their PNGs', () => {
    const { scene } = imported;
    expect(scene.frames.map((f) => f.lidar[0]!.uri)).toEqual(STEMS.map((s) => `velodyne/${s}.bin`));
    expect(scene.lidars).toEqual([{ id: 'velodyne', name: 'velodyne', egoFromLidar: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] }]); // prettier-ignore
    expect(scene.source).toEqual({ kind: 'files', root: 'training' });
    expect(scene.ontologyId).toBe('general-driving');
    for (const [i, frame] of scene.frames.entries()) {
      expect(frame.cameras).toHaveLength(1);
      expect(frame.cameras[0]!.uri).toBe(`image_2/${STEMS[i]}.png`);
      const camera = scene.cameras.find((c) => c.id === frame.cameras[0]!.sensorId)!;
      const png = PNG.sync.read(read(`image_2/${STEMS[i]}.png`));
      expect([camera.width, camera.height]).toEqual([png.width, png.height]);
    }
    // 000000 comes from another drive (its own calibration and image size): a camera of its own.
    expect(scene.cameras.map((c) => c.id)).toEqual(['image_2', 'image_2@000001']);
    expect(scene.frames.map((f) => f.cameras[0]!.sensorId)).toEqual(['image_2', 'image_2@000001', 'image_2@000001']);
  });

  it('takes the intrinsics from P2 and reproduces P2 · R0_rect · Tr_velo_to_cam', () => {
    for (const [i, stem] of STEMS.entries()) {
      const rows = Object.fromEntries(
        read(`calib/${stem}.txt`).toString().trim().split('\n').map((l) => [l.split(':')[0]!, l.split(':')[1]!.trim().split(/\s+/).map(Number)]), // prettier-ignore
      );
      const camera = imported.scene.cameras.find((c) => c.id === imported.scene.frames[i]!.cameras[0]!.sensorId)!;
      const P2 = rows['P2']!;
      expect(camera.intrinsics).toEqual({ fx: P2[0], skew: P2[1], cx: P2[2], fy: P2[5], cy: P2[6] });
      const rect = rectFromVelo(readKittiCalib(read(`calib/${stem}.txt`).toString(), stem));
      for (const p of [
        [12, 3, -1],
        [40, -8, 1],
        [7, 0.5, -1.6],
      ] as [number, number, number][]) {
        const [x, y, z] = transformPoint(rect, p);
        const u = (P2[0]! * x + P2[1]! * y + P2[2]! * z + P2[3]!) / (P2[8]! * x + P2[9]! * y + P2[10]! * z + P2[11]!);
        const v = (P2[4]! * x + P2[5]! * y + P2[6]! * z + P2[7]!) / (P2[8]! * x + P2[9]! * y + P2[10]! * z + P2[11]!);
        const ours = projectEgoPoint(camera, p)!;
        expect(Math.hypot(ours[0] - u, ours[1] - v)).toBeLessThan(1e-9);
      }
    }
  });

  it('imports every box but DontCare as its own track, centred, with yaw = −rotation_y − π/2', () => {
    const rows = STEMS.map(labelRows);
    expect(imported.cuboids).toHaveLength(rows.flat().length);
    expect(imported.tracks).toHaveLength(rows.flat().length);
    expect(new Set(imported.cuboids.map((c) => c.trackId)).size).toBe(imported.tracks.length);
    // KITTI object rows name no object: no dataset id, so the tracks are shown by number.
    expect(imported.tracks.filter((t) => t.externalId !== undefined)).toEqual([]);
    for (const [frameIndex, frameRows] of rows.entries()) {
      const rect = rectFromVelo(readKittiCalib(read(`calib/${STEMS[frameIndex]}.txt`).toString(), 'calib'));
      const cuboids = imported.cuboids.filter((c) => c.frameIndex === frameIndex);
      expect(cuboids).toHaveLength(frameRows.length);
      for (const [k, f] of frameRows.entries()) {
        const [h, w, l, x, y, z, ry] = f.slice(8, 15).map(Number) as number[];
        const c = cuboids[k]!;
        expect(c.size).toEqual([l, w, h]);
        const back = transformPoint(rect, c.position);
        expect(Math.hypot(back[0] - x!, back[1] - (y! - h! / 2), back[2] - z!)).toBeLessThan(1e-9);
        expect(c.yaw).toBeCloseTo(normalizeAngle(-ry! - Math.PI / 2), 12);
        expect(c.yaw).toBeGreaterThan(-Math.PI);
        expect(c.yaw).toBeLessThanOrEqual(Math.PI);
        expect([c.pitch, c.roll, c.keyframe, c.source]).toEqual([0, 0, true, { kind: 'manual' }]);
      }
    }
    // The class map of the spec, applied here to the rows read independently.
    const map: Record<string, string> = { Car: 'car', Van: 'car', Truck: 'truck', Pedestrian: 'pedestrian', Person_sitting: 'pedestrian', Cyclist: 'cyclist' }; // prettier-ignore
    const expected = rows.flat().map((f) => map[f[0]!] ?? f[0]!.toLowerCase());
    expect(imported.tracks.map((t) => t.classId)).toEqual(expected);
    expect(expected).toContain('misc');
    expect(imported.problems).toEqual([
      { path: 'label_2/000002.txt', code: 'labels.class.unknown', message: "class Misc is not in the ontology; imported as 'misc'", values: { className: 'Misc', classId: 'misc' } }, // prettier-ignore
    ]);
  });

  it('projects each untruncated car onto its labelled 2D box (IoU ≥ 0.7)', () => {
    let checked = 0;
    let cars = 0;
    for (const [frameIndex, stem] of STEMS.entries()) {
      const frame = imported.scene.frames[frameIndex]!;
      const camera = imported.scene.cameras.find((c) => c.id === frame.cameras[0]!.sensorId)!;
      const cuboids = imported.cuboids.filter((c) => c.frameIndex === frameIndex);
      for (const [k, f] of labelRows(stem).entries()) {
        if (!['Car', 'Van'].includes(f[0]!) || Number(f[1]) >= 0.1) continue;
        cars++;
        const projected = cuboidCorners(cuboids[k]!).map((p) => projectEgoPoint(camera, p)!);
        const us = projected.map((p) => p[0]);
        const vs = projected.map((p) => p[1]);
        const box = [Math.min(...us), Math.min(...vs), Math.max(...us), Math.max(...vs)];
        expect(iou2d(box, f.slice(4, 8).map(Number)), `${stem} row ${k}`).toBeGreaterThanOrEqual(0.7);
        checked++;
      }
    }
    expect(checked).toBe(cars);
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('opens the same scene id for the same listing, another for another, and marks prelabels', async () => {
    const again = await importShared(FOLDER, { labelsAs: 'prelabels' });
    expect(again.scene.id).toBe(imported.scene.id);
    expect(again.scene.id).toMatch(/^kitti-object-[0-9a-f]{16}$/);
    expect(again.scene.provenance.contentHash).toBe(imported.scene.id.slice('kitti-object-'.length));
    expect(again.cuboids.map((c) => c.id)).toEqual(imported.cuboids.map((c) => c.id));
    expect(imported.cuboids[0]!.id).toBe(`${imported.scene.id}-c-0`);
    expect(imported.tracks[0]!.id).toBe(`${imported.scene.id}-t-0`);
    expect(again.cuboids.every((c) => c.source.kind === 'prelabel')).toBe(true);
    expect(again.cuboids[0]!.source).toEqual({
      kind: 'prelabel',
      model: 'kitti-object labels',
      version: '1',
      score: 1,
    });
  });
});
