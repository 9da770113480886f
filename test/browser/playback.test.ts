import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { openApp, waitUntil } from './app-flow';

/** How much slower Chromium runs the page's scripts: a labeller's laptop busy with a video call and a build. */
const THROTTLE = 12;
/** Frames (1-based, as the frame bar counts) to watch playback go through. */
const WATCH_UNTIL = 14;
/** Frames stepped through (and so held in memory) before playing. */
const LOOK_AHEAD = 4;

/**
 * Records every frame the 3D view really draws, in order: the viewport's `data-shown-frame` is set after each
 * draw whose sweep changed, so a frame replaced before it was drawn never appears here.
 */
async function recordShownFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const view = document.querySelector('[data-testid=viewport]')!;
    const shown: number[] = [];
    (window as unknown as { shownFrames: number[] }).shownFrames = shown;
    new MutationObserver((records) => {
      for (const r of records) {
        const value = (r.target as HTMLElement).dataset['shownFrame'];
        if (value) shown.push(Number(value));
      }
    }).observe(view, { attributes: true, attributeFilter: ['data-shown-frame'] });
  });
}

/** Waits until the 3D view has drawn frame `index` (0-based). */
async function shownFrame(page: Page, index: number): Promise<void> {
  await waitUntil(
    `frame ${index + 1} is drawn`,
    () => page.getByTestId('viewport').getAttribute('data-shown-frame'),
    (f) => f === String(index),
  );
}

const shownFrames = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { shownFrames: number[] }).shownFrames]);

describe('playback on a loaded machine', () => {
  const profile = new Profile('WebGL2');
  let page: Page;

  beforeAll(async () => {
    page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
  });
  afterAll(() => profile.dispose());

  it('shows every frame in order, waiting for a late one rather than skipping it', async () => {
    // Look ahead a few frames and come back, as a labeller does before pressing play: those frames are
    // still held in memory, so each is ready the moment playback asks for it.
    for (let i = 1; i <= LOOK_AHEAD; i++) {
      await page.keyboard.press('ArrowRight');
      await shownFrame(page, i);
    }
    await page.getByTestId('frame-slider').fill('0');
    await shownFrame(page, 0);
    // Points drawn into the camera image: more work on the main thread for every frame shown.
    await page.getByTestId('project-points').check();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    try {
      await recordShownFrames(page);
      await page.getByTestId('play').click();
      await waitUntil(
        `playback reaches frame ${WATCH_UNTIL}`,
        () => shownFrames(page),
        (s) => s.includes(WATCH_UNTIL - 1),
        120_000,
      );
      await page.keyboard.press(' ');
      await waitUntil(
        'playback pauses',
        () => page.getByTestId('play').getAttribute('aria-label'),
        (label) => label === 'Play',
      );
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    const shown = await shownFrames(page);
    // Frame 1 was on screen when play was pressed; from there each draw shows the next frame, none left out.
    const expected = Array.from({ length: shown.length }, (_, i) => i + 1);
    expect(shown).toEqual(expected);
    expect(shown.length).toBeGreaterThanOrEqual(WATCH_UNTIL - 1);
  });
});
