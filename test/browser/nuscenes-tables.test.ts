import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { boxCount, openApp, pointCount, waitForFrame, waitUntil } from './app-flow';
import { SHARED_DATA } from './data-files';
import { screenshotPath } from './screenshot-path';
import { buildNuscenesTree } from '../fixtures/nuscenes-tree';
import { createMemoryFiles } from '../../src/formats/scene/scene-files';
import { importScene } from '../../src/formats/scene/import-scene';
import { listScenes } from '../../src/formats/scene/list-scenes';

const SAMPLE = join(SHARED_DATA, 'nuscenes-sample/samples');
const firstFile = (dir: string) => readFileSync(join(dir, readdirSync(dir).sort()[0]!));

/** A nuScenes download of three scenes built from the devkit's schema, with the shared sample's real sweep and image. */
function writeTree(): { dir: string; entries: Record<string, Uint8Array> } {
  const entries = buildNuscenesTree({
    scenes: 3,
    samplesPerScene: 4,
    sweepsPerSample: 2,
    cameras: ['CAM_FRONT'],
    boxesPerSample: 3,
    version: 'v1.0-mini',
    sweepBytes: firstFile(join(SAMPLE, 'LIDAR_TOP')),
    imageBytes: firstFile(join(SAMPLE, 'CAM_FRONT')),
  });
  const dir = join(mkdtempSync(join(tmpdir(), 'frustum-nuscenes-')), 'nuscenes');
  for (const [path, bytes] of Object.entries(entries)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return { dir, entries };
}

describe('a nuScenes download with several scenes', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  let tree: ReturnType<typeof writeTree>;

  beforeAll(async () => {
    tree = writeTree();
    page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
  });
  afterAll(() => {
    rmSync(join(tree.dir, '..'), { recursive: true, force: true });
    return profile.dispose();
  });

  it('asks which scene, then opens the chosen one with its sweeps between keyframes', async () => {
    // What the importer makes of the second scene with its sweeps, computed in node from the same files.
    const files = createMemoryFiles('nuscenes', tree.entries);
    const { scenes } = await listScenes(files);
    const chosen = scenes[1]!;
    const expected = await importScene(files, { scene: chosen.id, sweeps: true });
    const frames = expected.scene.frames;
    expect(frames.some((f) => f.keyframe === false)).toBe(true);

    const before = await page.getByTestId('scene-name').textContent();
    await page.getByTestId('scenes-button').click();
    await page.getByTestId('folder-input').setInputFiles(tree.dir);
    await page.getByTestId('scene-chooser').waitFor();
    const offered = await page.getByTestId('scene-choice').allTextContents();
    expect(offered).toHaveLength(3);
    expect(offered[1]).toContain(chosen.name);
    await page.getByTestId('scene-choice').nth(1).click();
    await page.getByTestId('scene-choice-sweeps').check();
    await page.screenshot({ path: screenshotPath('nuscenes-chooser.png') });
    await page.getByTestId('scene-choice-open').click();

    await waitUntil(
      'the chosen scene opens',
      () => page.getByTestId('scene-name').textContent(),
      (n) => n !== before,
      120_000,
    );
    expect(await page.getByTestId('scene-name').textContent()).toContain(chosen.name);
    if (await page.getByTestId('scenes-dialog').count()) await page.keyboard.press('Escape');
    await waitForFrame(page, 1, frames.length);
    await waitUntil(
      'its first sweep',
      () => pointCount(page),
      (n) => n > 0,
    );
    expect(await boxCount(page)).toBe(expected.cuboids.filter((c) => c.frameIndex === 0).length);
    expect(await page.getByTestId('frame-sweep').count()).toBe(0);

    // The next frame is a sweep between keyframes: marked as such, with the boxes derived between keyframes.
    const sweep = frames.findIndex((f) => f.keyframe === false);
    for (let i = 0; i < sweep; i++) await page.keyboard.press('ArrowRight');
    await waitForFrame(page, sweep + 1, frames.length);
    await page.getByTestId('frame-sweep').waitFor();
  });
});
