import type { Locator, Page } from 'playwright-core';
import { egoToClient, settle, storedCuboids, waitForFrame, waitUntil, type StoredCuboid } from './app-flow';

/** Moves to a frame (1-based, as the frame bar shows it) with the slider, as a person would drag it. */
export async function goToFrame(page: Page, shown: number): Promise<void> {
  await page.getByTestId('frame-slider').fill(String(shown - 1));
  await waitForFrame(page, shown);
  await settle(page);
}

/** Presses on a handle's centre and drags it by (dx, dy) pixels in small steps, as a hand would. */
export async function dragHandle(page: Page, handle: Locator, dx: number, dy: number): Promise<void> {
  const box = await handle.boundingBox();
  if (!box) throw new Error('the handle is not on screen');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8);
  await page.mouse.up();
}

/** `N` and a click on an ego-frame point in the view shown; resolves once the journal holds `count` boxes. */
export async function placeBoxAt(
  page: Page,
  position: readonly [number, number, number],
  count = 1,
): Promise<StoredCuboid[]> {
  const [x, y] = await egoToClient(page, position);
  await page.keyboard.press('n');
  await page.mouse.click(x, y);
  return waitUntil(
    'the box is saved',
    () => storedCuboids(page),
    (c) => c.length === count,
  );
}

/**
 * The selected box's track gets a box on frame `shown` too (the slider, then `C`), leaving that frame on
 * screen; resolves with the stored boxes once that keyframe is saved.
 */
export async function keyframeTrackOn(page: Page, shown: number, count: number): Promise<StoredCuboid[]> {
  await goToFrame(page, shown);
  await page.keyboard.press('c');
  return waitUntil(
    `the keyframe on frame ${shown} is saved`,
    () => storedCuboids(page),
    (c) => c.length === count,
  );
}
