import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { dragHandle, goToFrame, placeBoxAt } from './track-flow';
import { journalEntries, openInBirdsEye, settle, storedCuboids, targetCar, waitForFrame, waitUntil } from './app-flow';
import { screenshotPath } from './screenshot-path';

describe('the track view: a track seen in all its frames, its length fixed once for every box', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  const car = targetCar();
  let lengths: number[];

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
    await placeBoxAt(page, car.position);
    await goToFrame(page, 21);
    await page.keyboard.press('c');
    const boxes = await waitUntil(
      'the second keyframe is saved',
      () => storedCuboids(page),
      (c) => c.length === 2,
    );
    lengths = boxes.map((b) => b.size[0]);
  });
  afterAll(() => profile.dispose());

  it('opens with T and shows both keyframes, with more points gathered than any one frame has', async () => {
    await page.keyboard.press('t');
    const view = page.getByTestId('track-view');
    const summary = view.getByTestId('track-view-summary');
    await summary.waitFor({ state: 'visible', timeout: 90_000 });
    const thumbnails = view.getByTestId('track-thumbnail');
    expect(await thumbnails.count()).toBe(2);
    const frames = await thumbnails.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-frame'))));
    expect(frames).toEqual([1, 21]);
    const each = await thumbnails.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-points'))));
    const total = Number(await summary.getAttribute('data-points'));
    expect(each[0]).toBeGreaterThan(50);
    expect(total).toBe(each[0]! + each[1]!);
    expect(total).toBeGreaterThan(each[0]!);
    expect(await summary.textContent()).toMatch(/points from 2 frames/);
    expect(await view.getByTestId('box-view').count()).toBe(2);
  });

  it('lengthens every stored box of the track by one drag of the front face, as one history entry', async () => {
    const view = page.getByTestId('track-view');
    const side = view.locator('[data-testid=box-view][data-kind=side]');
    await settle(page);
    await page.screenshot({ path: screenshotPath('track-view.png') });
    const historyBefore = await page.getByTestId('history-entry').count();
    await dragHandle(page, side.getByTestId('handle-side-h1k0'), 40, 0);
    const boxes = await waitUntil(
      'both boxes are longer',
      () => storedCuboids(page),
      (c) => c.length === 2 && c.every((b, i) => b.size[0] > lengths[i]! + 0.1),
    );
    expect(boxes[0]!.size[0]).toBeCloseTo(boxes[1]!.size[0], 9);
    expect(boxes.every((b) => b.keyframe)).toBe(true);
    // Every step of the drag went to the journal under one gesture, and the history has one entry for it.
    const steps = (await journalEntries(page)).filter((e) => e.name === 'adjustTrack');
    expect(steps.length).toBeGreaterThan(0);
    expect(new Set(steps.map((e) => (e as unknown as { gesture?: string }).gesture)).size).toBe(1);
    expect(steps.every((e) => e.patch.updated.filter(([, r]) => r.type === 'cuboid').length === 2)).toBe(true);
    // The track's one size is now one set by hand: no estimate replaces it unasked.
    const marked = steps.flatMap((e) => e.patch.updated.filter(([, r]) => r.type === 'track').map(([, r]) => r));
    expect(marked.map((r) => r['sizeSource'])).toEqual([{ kind: 'hand' }]);
    expect(await page.getByTestId('history-entry').count()).toBe(historyBefore + 1);
    expect(await page.getByTestId('history-entry').last().textContent()).toContain('Adjust whole track');
  });

  it('undoes the drag for both boxes at once', async () => {
    await page.keyboard.press('Control+z');
    const boxes = await waitUntil(
      'both boxes are back',
      () => storedCuboids(page),
      (c) => c.every((b, i) => b.size[0] === lengths[i]),
    );
    expect(boxes).toHaveLength(2);
  });

  it('goes to a frame from its thumbnail, and Esc closes the view keeping the selection', async () => {
    await page.getByTestId('track-view').locator('[data-testid=track-thumbnail][data-frame="1"]').click();
    await waitForFrame(page, 1);
    expect(await page.getByTestId('track-view').count()).toBe(0);
    await page.getByTestId('open-track-view').click();
    await page.getByTestId('track-view-summary').waitFor({ state: 'visible', timeout: 90_000 });
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('track-view').count()).toBe(0);
    expect(await page.getByTestId('track-panel').count()).toBe(1);
  });
});
