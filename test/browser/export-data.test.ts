import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { openApp, pointCount, waitUntil } from './app-flow';
import { importFolder } from './import-flow';
import { SHARED_DATA } from './data-files';
import { exportAs, storedLabels } from './export-flow';
import { convert } from '../../src/cli/convert';

const KITTI = join(SHARED_DATA, 'kitti-object/training');

describe('bundles of a folder scene: sensor files inside, and from the command line', () => {
  const first = new Profile('WebGL2');
  const second = new Profile('WebGL2');
  const scratch = mkdtempSync(join(tmpdir(), 'frustum-export-data-'));
  const bundlePath = join(scratch, 'kitti.frustum.zip');
  let page: Page;

  beforeAll(async () => {
    page = await first.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
    await importFolder(page, KITTI);
  });
  afterAll(async () => {
    await first.dispose();
    await second.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('carries the sweeps and images inside, so a fresh browser opens the scene from the bundle alone', async () => {
    const labels = await storedLabels(page);
    expect(labels.length).toBeGreaterThan(3);
    const sceneName = await page.getByTestId('scene-name').textContent();
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-format').selectOption('bundle');
    await page.getByTestId('export-embed').check();
    const download = await exportAs(page, 'bundle');
    await download.saveAs(bundlePath);
    await page.getByTestId('export-close').click();

    const fresh = await second.open();
    await openApp(fresh, inject('baseURL'), 'WebGL2');
    await fresh.getByTestId('scenes-button').click();
    await fresh.getByTestId('bundle-input').setInputFiles(bundlePath);
    await waitUntil('the scene opens', () => fresh.getByTestId('scene-name').textContent(), (n) => n === sceneName); // prettier-ignore
    await waitUntil(
      'its sweep is drawn from the copied files',
      () => pointCount(fresh),
      (n) => n > 100_000,
    );
    expect(await storedLabels(fresh)).toEqual(labels);
    await fresh.getByTestId('scenes-button').click();
    expect(await fresh.getByTestId('scene-row').filter({ hasText: sceneName! }).textContent()).toContain('Copied into this browser'); // prettier-ignore
  });

  it('merges a bundle made by `frustum convert` into the folder opened here, replacing nothing and asking nothing', async () => {
    const cliBundle = join(scratch, 'cli.zip');
    await convert({ input: KITTI, to: 'bundle', out: cliBundle, author: 'pipeline' });
    const before = await storedLabels(page);
    const asked: string[] = [];
    page.on('dialog', (dialog) => (asked.push(dialog.message()), void dialog.accept()));
    await page.getByTestId('scenes-button').click();
    await page.getByTestId('bundle-input').setInputFiles(cliBundle);
    const merged = await waitUntil('the merge is reported', async () => (await page.getByTestId('merged').textContent().catch(() => '')) ?? '', (m) => m.includes('cli.zip')); // prettier-ignore
    expect(merged).toMatch(/Merged cli\.zip: \d+ added/);
    await waitUntil(
      'the export list names the pipeline beside the exports made here',
      async () => {
        if (!(await page.getByTestId('export-button').isVisible())) return [];
        await page.getByTestId('export-button').click();
        const authors: string[] = [];
        for (const row of await page.getByTestId('export-row').all()) {
          await row.locator('summary').first().click();
          authors.push((await row.getByTestId('lineage').locator('[data-field=author]').textContent()) ?? '');
        }
        await page.getByTestId('export-close').click();
        return authors;
      },
      (a) => a.includes('pipeline') && a.length >= 2,
    );
    expect(asked).toEqual([]);
    const after = new Set((await storedLabels(page)).map((r) => r.id));
    expect(before.every((r) => after.has(r.id))).toBe(true);
  });
});
