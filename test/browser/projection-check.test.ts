import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { openApp, settle, waitUntil } from './app-flow';
import { importFolder } from './import-flow';
import { screenshotPath } from './screenshot-path';
import { SHARED_DATA, diskFiles } from './data-files';
import { importScene } from '../../src/formats/scene/import-scene';
import { writeFrustumManifest } from '../../src/formats/scene/write-frustum-manifest';
import { invertAffine } from '../../src/formats/calibration/invert-affine';
import type { Scene } from '../../src/core/model/scene';

const KITTI = join(SHARED_DATA, 'kitti-object/training');

/**
 * A folder of KITTI's first frame (its real sweep and image) with a Frustum manifest of its calibration, as a
 * user writing a manifest for their own data would; `wrongWay` writes the camera's matrix inverted, the mistake
 * the check is for.
 */
async function manifestFolder(name: string, wrongWay: boolean): Promise<string> {
  const { scene } = await importScene(diskFiles(KITTI));
  const frame = scene.frames[0]!;
  const camera = scene.cameras.find((c) => frame.cameras.some((s) => s.sensorId === c.id))!;
  const one: Scene = {
    ...scene,
    name,
    cameras: [{ ...camera, cameraFromEgo: wrongWay ? invertAffine(camera.cameraFromEgo) : camera.cameraFromEgo }],
    frames: [frame],
  };
  const dir = join(mkdtempSync(join(tmpdir(), 'frustum-projection-')), name);
  for (const sample of [...frame.lidar, ...frame.cameras]) {
    mkdirSync(join(dir, sample.uri, '..'), { recursive: true });
    copyFileSync(join(KITTI, sample.uri), join(dir, sample.uri));
  }
  writeFileSync(join(dir, 'frustum-manifest.json'), JSON.stringify(writeFrustumManifest(one)));
  return dir;
}

async function shownCheck(page: Page) {
  await settle(page);
  return {
    projecting: await page.getByTestId('project-points').isChecked(),
    projected: Number((await page.getByTestId('camera-points').getAttribute('data-projected')) ?? -1),
    hints: await page.getByTestId('projection-hint').allTextContents(),
    kinds: await page.$$eval('[data-testid=projection-hint]', (h) => h.map((e) => e.getAttribute('data-kind'))),
  };
}

describe('the calibration check right after an import', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  const folders: string[] = [];

  beforeAll(async () => {
    page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
  });
  afterAll(() => {
    for (const f of folders) rmSync(join(f, '..'), { recursive: true, force: true });
    return profile.dispose();
  });

  it('draws the sweep on the camera image at once, with no hint when the calibration is right', async () => {
    const dir = await manifestFolder('right-way', false);
    folders.push(dir);
    await importFolder(page, dir);
    const check = await shownCheck(page);
    expect(check.projecting).toBe(true);
    expect(check.projected).toBeGreaterThan(10_000);
    expect(check.hints).toEqual([]);
  });

  it('says in one line that the camera’s matrix may be the wrong way round when it is', async () => {
    const dir = await manifestFolder('wrong-way', true);
    folders.push(dir);
    await importFolder(page, dir);
    await waitUntil(
      'the hint',
      () => page.getByTestId('projection-hint').count(),
      (n) => n > 0,
    );
    const check = await shownCheck(page);
    expect(check.projecting).toBe(true);
    expect(check.kinds).toEqual(['tilted']);
    expect(check.hints[0]).toMatch(/wrong way round/);
    const panel = page.getByTestId('camera-panel');
    await page.getByTestId('projection-hint').scrollIntoViewIfNeeded();
    await panel.screenshot({ path: screenshotPath('projection-hint.png') });
  });
});
