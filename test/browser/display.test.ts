import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile, type BackendName } from './launch';
import { boxCount, egoToClient, openApp, settle, targetCar, viewportImage, waitUntil } from './app-flow';
import { commonColor, countChanged, countUnlike, type Image } from './pixels';

/** The general-driving ontology's car colour, #f59e0b, as drawn (colour management is off). */
const CAR: [number, number, number] = [0xf5, 0x9e, 0x0b];

/** Pixels within `tolerance` (sum of channel differences) of `rgb`, inside a square of `radius` round (cx, cy). */
function countLikeNear(image: Image, rgb: [number, number, number], cx: number, cy: number, radius: number): number {
  let n = 0;
  for (let y = Math.max(0, cy - radius); y < Math.min(image.height, cy + radius); y++) {
    for (let x = Math.max(0, cx - radius); x < Math.min(image.width, cx + radius); x++) {
      const i = (y * image.width + x) * 4;
      const d =
        Math.abs(image.data[i]! - rgb[0]) +
        Math.abs(image.data[i + 1]! - rgb[1]) +
        Math.abs(image.data[i + 2]! - rgb[2]);
      if (d <= 40) n++;
    }
  }
  return n;
}

/** Pixels unlike the background outside a square of `radius` round (cx, cy). */
function countDrawnAway(image: Image, background: [number, number, number], cx: number, cy: number, radius: number) {
  const all = countUnlike(image, background);
  let inside = 0;
  for (let y = Math.max(0, cy - radius); y < Math.min(image.height, cy + radius); y++) {
    for (let x = Math.max(0, cx - radius); x < Math.min(image.width, cx + radius); x++) {
      const i = (y * image.width + x) * 4;
      const d =
        Math.abs(image.data[i]! - background[0]) +
        Math.abs(image.data[i + 1]! - background[1]) +
        Math.abs(image.data[i + 2]! - background[2]);
      if (d > 24) inside++;
    }
  }
  return all - inside;
}

async function pointsInside(page: Page): Promise<number | undefined> {
  const text = (await page.getByTestId('box-points-inside').textContent()) ?? '';
  const digits = text.replace(/[^\d]/g, '');
  return digits ? Number(digits) : undefined;
}

describe.each(['WebGPU', 'WebGL2'] as const)('display options on %s', (backend: BackendName) => {
  const profile = new Profile(backend);
  const car = targetCar();
  let page: Page;
  /** Where the car is drawn, relative to the viewport's top-left corner (bird's-eye view). */
  let at: [number, number];
  /** Scripts of the workers the page started. */
  const workers: string[] = [];

  /** Opens the Display menu, does `act` in it, and closes it again. */
  async function inMenu(act: () => Promise<void>): Promise<void> {
    const summary = page.getByTestId('display-menu').locator('summary');
    await summary.click();
    await act();
    await summary.click();
    await settle(page);
  }
  const toggle = (testid: string) => inMenu(() => page.getByTestId(testid).click());
  const pointSize = (px: number) =>
    inMenu(() =>
      page.getByTestId('point-size').evaluate((input, value) => {
        (input as HTMLInputElement).value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, px),
    );

  beforeAll(async () => {
    page = await profile.open();
    page.on('worker', (worker) => workers.push(worker.url()));
    await openApp(page, inject('baseURL'), backend);
    await page.getByTestId('view-birds-eye').click();
    await settle(page);
    const [x, y] = await egoToClient(page, car.position);
    const view = (await page.getByTestId('viewport').boundingBox())!;
    at = [Math.round(x - view.x), Math.round(y - view.y)];
  });
  afterAll(() => profile.dispose());

  it('turns the background light, colours by distance, and draws larger points', async () => {
    const dark = await viewportImage(page);
    const darkBackground = commonColor(dark);
    expect(darkBackground.reduce((a, b) => a + b)).toBeLessThan(120);
    await toggle('light-background');
    const light = await viewportImage(page);
    const lightBackground = commonColor(light);
    expect(lightBackground.reduce((a, b) => a + b)).toBeGreaterThan(600);
    const onePixel = countUnlike(light, lightBackground);
    expect(onePixel).toBeGreaterThan(5_000);

    await page.getByTestId('color-mode').selectOption('distance');
    await settle(page);
    const byDistance = await viewportImage(page);
    expect(countChanged(light, byDistance)).toBeGreaterThan(3_000);

    await pointSize(3);
    const threePixels = await viewportImage(page);
    // Each point now covers a 3 × 3 square: far more of the view is drawn on, in the same colours.
    expect(countUnlike(threePixels, lightBackground)).toBeGreaterThan(onePixel * 1.5);
    await pointSize(1);
    await page.getByTestId('color-mode').selectOption('height');
    await settle(page);
  });

  it('counts the points inside the selected box live, and follows a nudge', async () => {
    // The frame's ground and grid index are built off the main thread as soon as it lands.
    expect(workers.some((url) => url.includes('sweep-index'))).toBe(true);
    await page.keyboard.press('n');
    await page.mouse.click(...(await egoToClient(page, car.position)));
    await waitUntil(
      'the box is placed',
      () => boxCount(page),
      (n) => n === 1,
    );
    const first = await waitUntil(
      'the count is shown',
      () => pointsInside(page),
      (n) => n !== undefined,
    );
    // A car a dozen metres from a 64-beam LiDAR returns hundreds of points; the sweep has ~120k.
    expect(first).toBeGreaterThan(30);
    expect(first).toBeLessThan(5_000);
    // A metre forward along its heading (20 × 5 cm, one held key: one undo step) takes the box partly off the car.
    for (let i = 0; i < 20; i++) await page.keyboard.down('w');
    await page.keyboard.up('w');
    const moved = await waitUntil(
      'the count follows',
      () => pointsInside(page),
      (n) => n !== first,
    );
    expect(moved).toBeLessThan(first!);
    await page.keyboard.press('Control+z');
    await waitUntil(
      'undo restores the count',
      () => pointsInside(page),
      (n) => n === first,
    );
  });

  it('highlights the points in the selected box, and colours every box’s points by its class', async () => {
    await settle(page);
    const highlighted = await viewportImage(page);
    await toggle('highlight-inside');
    const plain = await viewportImage(page);
    // The selected box's outline is white, so amber near it comes from its points only.
    expect(countLikeNear(highlighted, CAR, ...at, 30)).toBeGreaterThan(countLikeNear(plain, CAR, ...at, 30) + 15);
    await toggle('highlight-inside');

    // Deselected, the box's points are coloured through the per-point label attribute, not the selection.
    await page.keyboard.press('Escape');
    await settle(page);
    const byHeight = await viewportImage(page);
    await page.getByTestId('color-mode').selectOption('label');
    await settle(page);
    const byLabel = await viewportImage(page);
    expect(countLikeNear(byLabel, CAR, ...at, 30)).toBeGreaterThan(countLikeNear(byHeight, CAR, ...at, 30) + 15);
    // Points in no box turn a neutral grey: the view changes far from the car too.
    expect(countChanged(byHeight, byLabel)).toBeGreaterThan(3_000);
    await page.getByTestId('color-mode').selectOption('height');
  });

  it('hides the range rings, and isolates the selected box: points far from it are hidden, and come back', async () => {
    await page.mouse.click(...(await egoToClient(page, car.position)));
    await page.getByTestId('box-panel').waitFor();
    await settle(page);
    const withRings = await viewportImage(page);
    const background = commonColor(withRings);
    await toggle('range-rings');
    const all = await viewportImage(page);
    expect(countChanged(withRings, all)).toBeGreaterThan(300);
    const farBefore = countDrawnAway(all, background, ...at, 60);
    // Enough of the sweep in view (the side views of the selected box take the lower part of the area).
    expect(farBefore).toBeGreaterThan(3_000);
    await page.keyboard.press('o');
    await settle(page);
    const isolated = await viewportImage(page);
    expect(countDrawnAway(isolated, background, ...at, 60)).toBeLessThan(farBefore * 0.05);
    // The box and its points stay.
    expect(countUnlike(isolated, background)).toBeGreaterThan(30);
    await page.keyboard.press('o');
    await settle(page);
    expect(countDrawnAway(await viewportImage(page), background, ...at, 60)).toBeGreaterThan(farBefore * 0.9);
  });
});
