import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../../src/formats/scene/detect-layout';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { createMemoryFiles, type SceneFiles } from '../../../../src/formats/scene/scene-files';
import { encode } from './kitti-fixtures';
import { SHARED_DATA } from './scene-test-helpers';

const kitti = (path: string) => new Uint8Array(readFileSync(`${SHARED_DATA}kitti-object/training/${path}`));

/** The real KITTI object frames 000001 and 000002, with some files replaced. */
function kittiFiles(replace: Record<string, Uint8Array> = {}, drop: string[] = []): SceneFiles {
  const entries: Record<string, Uint8Array> = {};
  for (const stem of ['000001', '000002']) {
    for (const path of [`velodyne/${stem}.bin`, `image_2/${stem}.png`, `calib/${stem}.txt`, `label_2/${stem}.txt`]) {
      if (!drop.includes(path)) entries[`training/${path}`] = replace[path] ?? kitti(path);
    }
  }
  return createMemoryFiles('kitti', entries);
}

describe('detectLayout', () => {
  it('recognises each layout and its root', () => {
    expect(detectLayout(['training/velodyne/000001.bin', 'training/calib/000001.txt'])).toEqual({ kind: 'kitti-object', root: 'training/' }); // prettier-ignore
    expect(detectLayout(['a/derived/sample_calib_and_boxes.json', 'a/samples/LIDAR_TOP/x.pcd.bin'])).toEqual({ kind: 'nuscenes-sample', root: 'a/' }); // prettier-ignore
    expect(detectLayout(['lidar/000950.pcd', 'label/000950.json'])).toEqual({ kind: 'sustechpoints', root: '' });
    expect(detectLayout(['x/scene.frustum.json', 'velodyne/000001.bin'])).toEqual({ kind: 'frustum-manifest', root: 'x/' }); // prettier-ignore
  });

  it('prefers the shallowest root, then a labelled split', () => {
    const both = ['testing/velodyne/000001.bin', 'training/velodyne/000001.bin', 'training/label_2/000001.txt'];
    expect(detectLayout(both)).toEqual({ kind: 'kitti-object', root: 'training/' });
    expect(detectLayout(['a/b/velodyne/000001.bin', 'z/velodyne/000001.bin'])).toEqual({ kind: 'kitti-object', root: 'z/' }); // prettier-ignore
  });

  it('needs more than a folder of PCDs for SUSTechPOINTS, and finds nothing in unrelated files', () => {
    expect(detectLayout(['lidar/000950.pcd', 'notes.txt'])).toBeUndefined();
    expect(detectLayout(['README.md', 'images/a.png'])).toBeUndefined();
  });
});

describe('importScene', () => {
  it('says which layouts it looked for when it finds none', async () => {
    const files = createMemoryFiles('holiday photos', { 'a.jpg': new Uint8Array(4) });
    const error = (await importScene(files).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^holiday photos: no scene layout recognised; looked for /);
    for (const name of [
      'Frustum manifest',
      'KITTI raw',
      'KITTI tracking',
      'KITTI object',
      'nuScenes',
      'SUSTechPOINTS',
    ]) {
      expect(error.message).toContain(name);
    }
  });

  it('turns unreadable and corrupt files into problems and imports the rest', async () => {
    const files = kittiFiles(
      { 'calib/000002.txt': encode('P2: 1 2 3\n'), 'label_2/000001.txt': encode('Car 0 0 oops\n'), 'image_2/000001.png': new Uint8Array(30) }, // prettier-ignore
    );
    const { scene, cuboids, problems } = await importScene(files);
    expect(problems).toEqual([
      { path: 'training/image_2/000001.png', code: 'image.header.malformed', message: 'not a PNG or JPEG image' },
      { path: 'training/calib/000002.txt', code: 'kitti.calib.malformed', message: 'P2 has 3 numbers (expected 12)' },
      // The line is the problem's place, not part of its message, so that bad rows of many files read alike.
      { path: 'training/label_2/000001.txt', code: 'kitti.row.columns', place: 'line 1', message: expect.stringMatching(/^expected 15 fields/), values: { fields: 15 } }, // prettier-ignore
    ]);
    expect(scene.frames).toHaveLength(2);
    expect(scene.cameras).toEqual([]);
    expect(scene.frames.every((f) => f.cameras.length === 0)).toBe(true);
    expect(cuboids).toEqual([]);
  });

  it('reports a missing calibration and a file that cannot be read', async () => {
    const base = kittiFiles({}, ['calib/000002.txt']);
    const files: SceneFiles = {
      ...base,
      read: (path) => (path.endsWith('label_2/000001.txt') ? Promise.reject(new Error(`${path}: disk on fire`)) : base.read(path)), // prettier-ignore
    };
    const { scene, cuboids, problems } = await importScene(files);
    expect(problems).toEqual([
      { path: 'training/calib/000002.txt', code: 'kitti.calib.missing', message: 'missing: this frame has no cameras and no boxes' }, // prettier-ignore
      { path: 'training/label_2/000001.txt', code: 'file.unreadable', message: 'disk on fire' },
    ]);
    expect(scene.frames.map((f) => f.cameras.length)).toEqual([1, 0]);
    expect(cuboids).toEqual([]);
  });

  it('reports progress up to done = total and stops with an AbortError when aborted', async () => {
    const steps: [number, number][] = [];
    await importScene(kittiFiles(), { onProgress: (done, total) => steps.push([done, total]) });
    const last = steps.at(-1)!;
    expect(last[0]).toBe(last[1]);
    expect(last[1]).toBe(5); // read: 2 calibrations, 1 image header (both frames share a camera), 2 labels
    expect(steps.every(([done, total], i) => done <= total && (i === 0 || done >= steps[i - 1]![0]))).toBe(true);

    const controller = new AbortController();
    const aborting = importScene(kittiFiles(), {
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort(),
    });
    await expect(aborting).rejects.toMatchObject({ name: 'AbortError' });
    controller.abort();
    await expect(importScene(kittiFiles(), { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('gives the same listing the same scene id, and another listing another', async () => {
    const a = await importScene(kittiFiles());
    const b = await importScene(kittiFiles());
    const c = await importScene(kittiFiles({}, ['label_2/000002.txt']));
    expect(a.scene.id).toBe(b.scene.id);
    expect(c.scene.id).not.toBe(a.scene.id);
    expect(a.scene.provenance.contentHash).toMatch(/^[0-9a-f]{16}$/);
  });
});
