import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { boxCount, openApp, pointCount, settle, waitForFrame, waitUntil } from './app-flow';
import { cameraIds, importFolder, projectedBoxRects } from './import-flow';
import { SHARED_DATA, diskFiles, iou, readKittiLabels } from './data-files';
import { importScene } from '../../src/formats/scene/import-scene';
import { readPointCloudFile } from '../../src/formats/pointcloud/read-point-cloud-file';
import { projectCloud } from '../../src/core/geometry/project-cloud';
import { positionStride } from '../../src/core/model/point-cloud';
import { screenshotPath } from './screenshot-path';

/** How many of a frame's points the calibration maths puts inside each camera's image, computed in node. */
async function expectedProjected(dir: string, frame: number): Promise<Record<string, number>> {
  const files = diskFiles(dir);
  const { scene } = await importScene(files);
  const sample = scene.frames[frame]!.lidar[0]!;
  const cloud = await readPointCloudFile(await files.read(sample.uri), sample.uri);
  const out = new Float32Array(cloud.count * 3);
  const lidar = scene.lidars[0]!;
  const shown = new Set(scene.frames[frame]!.cameras.map((c) => c.sensorId));
  return Object.fromEntries(
    scene.cameras
      .filter((c) => shown.has(c.id))
      .map((c) => [
        c.id,
        projectCloud(c, lidar.egoFromLidar, cloud.positions, cloud.count, out, 0.5, positionStride(cloud)),
      ]),
  );
}

async function projectedCounts(page: Page): Promise<Record<string, number>> {
  await page.getByTestId('project-points').check();
  await settle(page);
  return page.$$eval('[data-testid=camera-view]', (views) =>
    Object.fromEntries(
      views.map((v) => [v.getAttribute('data-camera'), Number(v.querySelector('canvas')?.dataset['projected'] ?? -1)]),
    ),
  );
}

describe('importing real drives', () => {
  const profile = new Profile('WebGL2');
  let page: Page;

  beforeAll(async () => {
    page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
  });
  afterAll(() => profile.dispose());

  it('KITTI object: the sweep, image_2, and each car box drawn onto its own 2D label box', async () => {
    const root = join(SHARED_DATA, 'kitti-object/training');
    await importFolder(page, root);
    expect(await cameraIds(page)).toHaveLength(1);
    const points = await pointCount(page);
    expect(points).toBeGreaterThan(100_000);
    const rows = readKittiLabels(join(root, 'label_2/000000.txt'));
    expect(await boxCount(page)).toBe(rows.filter((r) => r.type !== 'DontCare').length);

    let carsChecked = 0;
    for (let frame = 0; frame < 3; frame++) {
      if (frame > 0) {
        await page.keyboard.press('ArrowRight');
        await waitForFrame(page, frame + 1, 3);
        await waitUntil(
          'its images',
          () => page.getByTestId('camera-panel').getAttribute('data-frame'),
          (f) => f === String(frame),
        );
      }
      const [camera] = await cameraIds(page);
      const rects = await projectedBoxRects(page, camera!);
      const labels = readKittiLabels(join(root, `label_2/00000${frame}.txt`));
      const cars = labels.filter((r) => r.type === 'Car' && r.truncated < 0.1);
      carsChecked += cars.length;
      for (const car of cars) {
        // Clip the drawn box to the image as the label's 2D box is.
        const best = Math.max(
          ...rects.map((r) =>
            iou([Math.max(0, r[0]), Math.max(0, r[1]), Math.min(1242, r[2]), Math.min(375, r[3])], car.box),
          ),
        );
        expect(best, `car at ${car.box.join(',')} on frame ${frame}`).toBeGreaterThanOrEqual(0.7);
      }
    }
    expect(carsChecked).toBeGreaterThan(0);
    const expected = await expectedProjected(root, 2);
    const shown = await projectedCounts(page);
    for (const [id, n] of Object.entries(expected)) {
      expect(n).toBeGreaterThan(5_000);
      expect(Math.abs((shown[id] ?? 0) - n)).toBeLessThanOrEqual(n * 0.002);
    }
    await page.screenshot({ path: screenshotPath('kitti-import.png') });
  });

  it('nuScenes-style sample: six cameras, and the sweep lands in each image where the maths says', async () => {
    const root = join(SHARED_DATA, 'nuscenes-sample');
    await importFolder(page, root);
    expect(await cameraIds(page)).toHaveLength(6);
    expect(await pointCount(page)).toBe(34_688);
    expect(await boxCount(page)).toBeGreaterThan(30);
    const expected = await expectedProjected(root, 0);
    const shown = await projectedCounts(page);
    for (const [id, n] of Object.entries(expected)) {
      expect(n, id).toBeGreaterThan(500);
      expect(Math.abs((shown[id] ?? 0) - n), id).toBeLessThanOrEqual(n * 0.002);
    }
    await page.screenshot({ path: screenshotPath('nuscenes-import.png') });
  });

  it('SUSTechPOINTS: three cameras where the frame has images, none where it has not', async () => {
    const root = join(SHARED_DATA, 'sustechpoints');
    await importFolder(page, root);
    expect(await page.getByTestId('frame-label').textContent()).toBe('Frame 1 / 4');
    expect(await cameraIds(page)).toHaveLength(0);
    expect(await pointCount(page)).toBeGreaterThan(50_000);
    await page.keyboard.press('ArrowRight');
    await waitUntil(
      'frame 2 with its images',
      () => cameraIds(page),
      (ids) => ids.length === 3,
    );
    const expected = await expectedProjected(root, 1);
    const shown = await projectedCounts(page);
    for (const [id, n] of Object.entries(expected)) {
      expect(n, id).toBeGreaterThan(1_000);
      expect(Math.abs((shown[id] ?? 0) - n), id).toBeLessThanOrEqual(n * 0.002);
    }
    await page.screenshot({ path: screenshotPath('sustech-import.png') });
  });

  it('reopens the last imported scene after a reload, from the browser’s own copy, with its labels', async () => {
    const name = await page.getByTestId('scene-name').textContent();
    const boxes = await boxCount(page);
    expect(boxes).toBeGreaterThan(0);
    await page.reload();
    await waitUntil(
      'the scene reopens',
      () => page.getByTestId('scene-name').textContent(),
      (n) => n === name,
    );
    await waitUntil(
      'its sweep',
      () => pointCount(page),
      (n) => n > 50_000,
    );
    // Back on frame 2, where it was left, with its images.
    expect(await page.getByTestId('frame-label').textContent()).toBe('Frame 2 / 4');
    await waitUntil(
      'frame 2 with its images',
      () => cameraIds(page),
      (ids) => ids.length === 3,
    );
    expect(await boxCount(page)).toBe(boxes);
    await page.getByTestId('scenes-button').click();
    expect(await page.getByTestId('scene-row').count()).toBe(4);
    await page.keyboard.press('Escape');
    await page.getByTestId('scenes-dialog').waitFor({ state: 'detached' });
  });

  it('lists the files it could not read, one line per kind of problem, and imports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frustum-broken-'));
    try {
      cpSync(join(SHARED_DATA, 'kitti-object/training'), join(dir, 'training'), { recursive: true });
      writeFileSync(join(dir, 'training/label_2/000001.txt'), 'Car 0.0 0 not-a-number\n');
      writeFileSync(join(dir, 'training/calib/000002.txt'), 'P2: 1 2 3\n');
      // Five label files of frames with no sweep: five problems of one kind, shown as one grouped line.
      const strays = ['000010', '000011', '000012', '000013', '000014'];
      for (const stem of strays) cpSync(join(dir, 'training/label_2/000000.txt'), join(dir, `training/label_2/${stem}.txt`)); // prettier-ignore
      // A sweep cut short (no longer a whole number of points) fails when its frame is shown, not before.
      const sweep = readFileSync(join(dir, 'training/velodyne/000000.bin'));
      writeFileSync(join(dir, 'training/velodyne/000000.bin'), sweep.subarray(0, 16 * 1000 + 7));
      await page.getByTestId('scenes-button').click();
      await page.getByTestId('folder-input').setInputFiles(join(dir, 'training'));
      // A folder named as the KITTI one imported above, but other files: brought in as a scene of its own.
      await page.getByTestId('reimport-new').click();
      const problems = page.getByTestId('import-problems');
      await problems.waitFor({ timeout: 60_000 });
      const text = (await problems.textContent()) ?? '';
      expect(text).toContain('label_2/000001.txt');
      expect(text).toContain('calib/000002.txt');
      const stray = problems.locator('[data-testid=problem-group][data-code="kitti.label.no-sweep"]');
      expect(await stray.count()).toBe(1);
      expect(await stray.getAttribute('data-count')).toBe('5');
      const strayText = (await stray.textContent()) ?? '';
      expect(strayText).toContain('Boxes of frames without a LiDAR sweep were left out.');
      expect(strayText).toContain('and 2 more');
      // The first three places are named, the last two only counted.
      for (const stem of strays) expect(strayText.includes(`label_2/${stem}.txt`)).toBe(strays.indexOf(stem) < 3);
      const groups = await problems.getByTestId('problem-group').evaluateAll((els) => els.map((e) => [e.getAttribute('data-code'), Number(e.getAttribute('data-count'))] as const)); // prettier-ignore
      expect(new Set(groups.map(([code]) => code)).size).toBe(groups.length);
      expect(await problems.getByTestId('problem-item').count()).toBe(0);
      await problems.getByTestId('problems-show-all').click();
      const items = problems.getByTestId('problem-item');
      const all = await items.allTextContents();
      expect(all.filter((t) => t.includes('kitti.label.no-sweep'))).toHaveLength(5);
      for (const stem of strays) expect(all.some((t) => t.includes(`label_2/${stem}.txt`))).toBe(true);
      expect(all).toHaveLength(groups.reduce((n, [, count]) => n + count, 0));
      expect(all.length).toBeGreaterThan(groups.length);
      await page.keyboard.press('Escape');
      await waitUntil(
        'the broken sweep is named',
        () => page.getByRole('alert').allTextContents(),
        (t) => t.join(' ').includes('velodyne/000000.bin'),
      );
      // The worker that refused it still decodes the next frame.
      await page.keyboard.press('ArrowRight');
      await waitUntil(
        'the next sweep',
        () => pointCount(page),
        (n) => n > 100_000,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
