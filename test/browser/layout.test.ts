import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { openApp, settle, waitUntil } from './app-flow';
import { importFolder } from './import-flow';
import { SHARED_DATA } from './data-files';

/** A folder name as long as real drives have: the toolbar must give way without breaking a button. */
const LONG_NAME = 'kitti-object-training-2011_09_26_drive_0001_sync-front-and-top-lidar';
const SIZES = [
  [1280, 720],
  [1920, 1080],
] as const;

/** What went wrong with the buttons under `selector`: each one that wraps, spills out, or leaves the window. */
async function brokenButtons(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (buttons) =>
    buttons.flatMap((b) => {
      const box = b.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(b).visibility === 'hidden') return [];
      // Lines of the label: rects of its text, a new line wherever one starts below the bottom of the last.
      const range = document.createRange();
      range.selectNodeContents(b);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0).sort((p, q) => p.top - q.top);
      let lines = 0;
      let bottom = -Infinity;
      for (const r of rects) {
        if (r.top >= bottom - 1) lines++;
        bottom = Math.max(bottom, r.bottom);
      }
      const name = `"${b.textContent?.trim()}"`;
      const faults: string[] = [];
      if (lines > 1) faults.push(`${name} wraps onto ${lines} lines (${Math.round(box.height)} px tall)`);
      if (b.scrollWidth > b.clientWidth + 1) faults.push(`${name} spills out of its border`);
      if (box.left < 0 || box.right > window.innerWidth) faults.push(`${name} leaves the window`);
      const panel = b.closest('[role=dialog]')?.getBoundingClientRect();
      if (panel && (box.left < panel.left || box.right > panel.right)) faults.push(`${name} leaves its dialog`);
      return faults;
    }),
  );
}

async function viewHeight(page: Page): Promise<number> {
  return (await page.getByTestId('viewport').boundingBox())!.height;
}

describe('layout', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  let data: string;

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'frustum-layout-'));
    cpSync(join(SHARED_DATA, 'kitti-object/training'), join(data, LONG_NAME), { recursive: true });
    page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
    await importFolder(page, join(data, LONG_NAME));
  });
  afterAll(async () => {
    await profile.dispose();
    rmSync(data, { recursive: true, force: true });
  });

  it('keeps every toolbar and dialog button on one line, and gives the sweep half the window, in both languages', async () => {
    expect(await page.getByTestId('scene-name').textContent()).toBe(LONG_NAME);
    for (const language of ['en', 'zh-CN']) {
      await page.getByTestId('language').selectOption(language);
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await settle(page);
        const where = `${language} at ${width} × ${height}`;
        expect(await page.getByTestId('box-views').count(), where).toBe(0);
        expect(await viewHeight(page), where).toBeGreaterThanOrEqual(height / 2);
        // The sweep stays in its column, also when the window was wider a moment ago.
        const canvas = (await page.getByTestId('viewport').locator('canvas').boundingBox())!;
        const aside = (await page.locator('aside').boundingBox())!;
        expect(canvas.x + canvas.width, where).toBeLessThanOrEqual(aside.x + 1);
        expect(await brokenButtons(page, 'header button'), where).toEqual([]);
        // The toolbar is one row: no taller than one button and its padding.
        const toolbar = (await page.locator('header').first().boundingBox())!;
        const button = (await page.getByTestId('scenes-button').boundingBox())!;
        expect(toolbar.height, where).toBeLessThan(button.height * 2);

        await page.getByTestId('scenes-button').click();
        await page.getByTestId('scenes-dialog').waitFor();
        expect(await brokenButtons(page, '[data-testid=scenes-dialog] button'), `scenes, ${where}`).toEqual([]);
        await page.keyboard.press('Escape');
        await page.getByTestId('scenes-dialog').waitFor({ state: 'detached' });

        await page.getByTestId('export-button').click();
        await page.getByTestId('export-dialog').waitFor();
        expect(await brokenButtons(page, '[data-testid=export-dialog] button'), `export, ${where}`).toEqual([]);
        await page.getByTestId('export-close').click();

        await page.keyboard.press('?');
        await page.getByTestId('hotkey-sheet').waitFor();
        expect(await brokenButtons(page, '[data-testid=hotkey-sheet] button'), `shortcuts, ${where}`).toEqual([]);
        await page.keyboard.press('?');
        await page.getByTestId('hotkey-sheet').waitFor({ state: 'detached' });
      }
    }
    await page.getByTestId('language').selectOption('en');
  });

  it('shows the side views with a selection only, unless pinned, and remembers the pin', async () => {
    await page.setViewportSize({ width: 1400, height: 820 });
    await settle(page);
    const roomy = await viewHeight(page);
    expect(roomy).toBeGreaterThanOrEqual(410);
    await page.keyboard.press('Tab');
    await page.getByTestId('box-views').waitFor();
    expect(await page.getByTestId('box-view').count()).toBe(3);
    await settle(page);
    expect(await viewHeight(page)).toBeLessThan(roomy);
    await page.keyboard.press('Escape');
    await page.getByTestId('box-views').waitFor({ state: 'detached' });
    await settle(page);
    expect(await viewHeight(page)).toBe(roomy);

    await page.keyboard.press('Tab');
    await page.getByTestId('pin-box-views').click();
    await page.keyboard.press('Escape');
    await settle(page);
    expect(await page.getByTestId('box-view').count()).toBe(0);
    expect(await page.getByTestId('box-views').textContent()).toContain('Select a box');
    await page.reload();
    await waitUntil(
      'the scene reopens',
      () => page.getByTestId('scene-name').textContent(),
      (n) => n === LONG_NAME,
    );
    await page.getByTestId('box-views').waitFor();
    expect(await page.getByTestId('pin-box-views').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('pin-box-views').click();
    await page.getByTestId('box-views').waitFor({ state: 'detached' });
  });
});
