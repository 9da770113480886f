import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { openApp, pointCount, storedCuboids, waitUntil } from './app-flow';
import { SHARED_DATA, diskFiles } from './data-files';
import { importScene } from '../../src/formats/scene/import-scene';

const KITTI = join(SHARED_DATA, 'kitti-object/training');
const FRAME_3 = ['velodyne/000002.bin', 'image_2/000002.png', 'calib/000002.txt', 'label_2/000002.txt'];

/** Every text the import's progress line shows, in order, recorded as the page changes it. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressTexts: string[] }).progressTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=import-progress-text]')?.textContent?.trim();
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const progressTexts = (page: Page) =>
  page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);

/** The scenes list's row of a scene, by its name; the dialog is opened if it is not. */
async function sceneRows(page: Page, name: string): Promise<string[]> {
  if (!(await page.getByTestId('scenes-dialog').count())) await page.getByTestId('scenes-button').click();
  const rows = page.getByTestId('scene-row').filter({ hasText: name });
  return rows.allTextContents();
}

/** The files this browser's own copy of the open scene holds (its private file system). */
async function copiedFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const id = localStorage.getItem('frustum.scene')!;
    const scenes = await (await navigator.storage.getDirectory()).getDirectoryHandle('scenes');
    const out: string[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
        if (entry.kind === 'file') out.push(prefix + entry.name);
        else await walk(entry as FileSystemDirectoryHandle, `${prefix}${entry.name}/`);
      }
    };
    await walk(await scenes.getDirectoryHandle(id), '');
    return out.sort();
  });
}

describe('importing a folder, and the same folder again', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  let root: string;
  let drive: string;

  beforeAll(async () => {
    // Frames 1 and 2 of KITTI, two classes the ontology lacks in one label file: two problems, one file.
    root = mkdtempSync(join(tmpdir(), 'frustum-again-'));
    drive = join(root, 'drive-a');
    cpSync(KITTI, drive, { recursive: true });
    for (const path of FRAME_3) rmSync(join(drive, path));
    const row = readFileSync(join(KITTI, 'label_2/000001.txt'), 'utf8').split('\n')[0]!;
    const odd = ['Blimp', 'Zeppelin'].map((type) => row.replace(/^\S+/, type));
    writeFileSync(join(drive, 'label_2/000001.txt'), `${odd.join('\n')}\n${readFileSync(join(KITTI, 'label_2/000001.txt'), 'utf8')}`); // prettier-ignore
    page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
  });
  afterAll(async () => {
    await profile.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('counts the folder’s files while reading, and the files its problems are in', async () => {
    const files = diskFiles(drive);
    const { problems } = await importScene(files);
    expect(problems).toHaveLength(2);
    expect(new Set(problems.map((p) => p.path)).size).toBe(1);
    await recordProgress(page);
    await page.getByTestId('scenes-button').click();
    await page.getByTestId('folder-input').setInputFiles(drive);
    const title = page.getByTestId('import-problems-title');
    await title.waitFor({ timeout: 60_000 });
    expect(await title.textContent()).toContain('Imported with 2 problems, all in one file');
    const reading = (await progressTexts(page)).filter((t) => t.startsWith('Reading drive-a'));
    expect(reading.length).toBeGreaterThan(0);
    // The folder's real file count, not the count of files the importer reads.
    for (const text of reading) expect(text).toContain(`(${files.list().length} files)`);
    const [row] = await sceneRows(page, 'drive-a');
    expect(row).toContain('Copied into this browser: drive-a');
    expect(row).toContain('imported ');
    expect(row).toContain('2 frames');
    await page.keyboard.press('Escape');
  });

  it('offers to reopen a folder it holds, with nothing copied or changed', async () => {
    const imported = JSON.stringify(await storedCuboids(page));
    await page.keyboard.press('Tab');
    await page.keyboard.press('w');
    const edited = await waitUntil(
      'the edit is saved',
      () => storedCuboids(page),
      (c) => JSON.stringify(c) !== imported,
    );
    await page.getByTestId('scenes-button').click();
    await page.getByTestId('folder-input').setInputFiles(drive);
    const question = page.getByTestId('reimport');
    await question.waitFor({ timeout: 60_000 });
    expect(await question.textContent()).toContain('drive-a is in this browser already');
    expect(await page.getByTestId('reimport-scene').count()).toBe(1);
    // The very same files: it can only be this scene, not another one.
    expect(await page.getByTestId('reimport-new').count()).toBe(0);
    await page.getByTestId('reimport-reopen').click();
    await page.getByTestId('scenes-dialog').waitFor({ state: 'detached' });
    expect(await storedCuboids(page)).toEqual(edited);
    expect(await sceneRows(page, 'drive-a')).toHaveLength(1);
    await page.keyboard.press('Escape');
  });

  it('replaces the sensor data of a folder that changed, keeping its labels and one row', async () => {
    const before = await storedCuboids(page);
    for (const path of FRAME_3) cpSync(join(KITTI, path), join(drive, path));
    await page.getByTestId('scenes-button').click();
    await page.getByTestId('folder-input').setInputFiles(drive);
    await page.getByTestId('reimport').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('reimport').textContent()).toContain('The folder has 3 frames now');
    expect(await page.getByTestId('reimport-new').count()).toBe(1);
    await page.getByTestId('reimport-replace').click();
    await waitUntil(
      'the scene opens with its third frame',
      () => page.getByTestId('frame-label').textContent(),
      (t) => !!t?.endsWith('/ 3'),
    );
    await waitUntil(
      'its sweep',
      () => pointCount(page),
      (n) => n > 100_000,
    );
    // The labels are the user's, as they were (none of the folder's came in over them).
    expect(await storedCuboids(page)).toEqual(before);
    const rows = await sceneRows(page, 'drive-a');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('3 frames');
    // Copied in under the scene's own id, beside the frames it had.
    expect(await copiedFiles(page)).toEqual(
      expect.arrayContaining(['velodyne/000000.bin', 'velodyne/000002.bin', 'image_2/000002.png']),
    );
  });
});
