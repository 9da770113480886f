import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { Profile } from './launch';
import { boxCount, openApp, pointCount, waitUntil } from './app-flow';
import { cameraIds } from './import-flow';
import { SHARED_DATA } from './data-files';
import { readKittiCalib, rectFromVelo } from '../../src/formats/calibration/kitti-calib';
import { createKittiCamera } from '../../src/formats/calibration/kitti-camera';

const HOST = 'http://data.example.test/drive/';
const KITTI = join(SHARED_DATA, 'kitti-object/training');

/** A scene manifest naming KITTI frames 1 and 2 (which share one calibration), as a data team would write it. */
function manifest(): object {
  const calib = readKittiCalib(readFileSync(join(KITTI, 'calib/000001.txt'), 'utf8'), 'calib/000001.txt');
  const camera = createKittiCamera('image_2', calib.projections[2]!, rectFromVelo(calib), 1242, 375);
  return {
    format: 'frustum-scene',
    version: 1,
    name: 'Remote KITTI',
    lidars: [
      {
        id: 'velodyne',
        name: 'Velodyne',
        egoFromLidar: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
        layout: 'kitti',
      },
    ],
    cameras: [{ ...camera, distortion: { model: 'none' } }],
    frames: [1, 2].map((i, k) => ({
      timestampUs: 1_000_000 + k * 100_000,
      lidar: [{ sensorId: 'velodyne', path: `velodyne/00000${i}.bin` }],
      cameras: [{ sensorId: 'image_2', path: `image_2/00000${i}.png` }],
    })),
  };
}

/** Serves the manifest and the files it names as a CORS-enabled static host would. */
async function serveDrive(page: Page, delayMs = 0): Promise<string[]> {
  const requested: string[] = [];
  await page.route(`${HOST}**`, async (route: Route) => {
    const path = route.request().url().slice(HOST.length);
    requested.push(path);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    const headers = { 'access-control-allow-origin': '*' };
    if (path === 'frustum-manifest.json')
      return route.fulfill({ headers, contentType: 'application/json', body: JSON.stringify(manifest()) });
    try {
      return await route.fulfill({ headers, body: readFileSync(join(KITTI, path)) });
    } catch {
      return route.fulfill({ status: 404, headers, body: 'not found' });
    }
  });
  return requested;
}

async function openUrl(page: Page): Promise<void> {
  await page.getByTestId('scenes-button').click();
  await page.getByPlaceholder('https://…/frustum-manifest.json').fill(`${HOST}frustum-manifest.json`);
  await page.getByRole('button', { name: 'Open URL' }).click();
}

describe('a scene from a manifest URL', () => {
  const profile = new Profile('WebGL2');
  let page: Page;

  beforeAll(async () => {
    page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
  });
  afterAll(() => profile.dispose());

  it('can be cancelled while it reads, leaving the open scene as it was', async () => {
    await page.unrouteAll();
    await serveDrive(page, 5_000);
    const before = await page.getByTestId('scene-name').textContent();
    await openUrl(page);
    await page.getByTestId('import-progress').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.getByTestId('import-error').count()).toBe(0);
    expect(await page.getByTestId('scene-row').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('scene-name').textContent()).toBe(before);
  });

  it('opens from the server: sweeps decoded in a worker, the image fetched beside the manifest', async () => {
    await page.unrouteAll();
    const requested = await serveDrive(page);
    await openUrl(page);
    await waitUntil(
      'the remote scene opens',
      () => page.getByTestId('scene-name').textContent(),
      (n) => n === 'Remote KITTI',
    );
    await waitUntil(
      'its sweep',
      () => pointCount(page),
      (n) => n > 100_000,
    );
    expect(await cameraIds(page)).toEqual(['image_2']);
    expect(requested).toEqual(
      expect.arrayContaining(['frustum-manifest.json', 'velodyne/000001.bin', 'image_2/000001.png']),
    );
    expect(await boxCount(page)).toBe(0);
  });
});
