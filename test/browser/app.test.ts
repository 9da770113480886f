import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Profile, type BackendName } from './launch';
import {
  boxCount,
  egoToClient,
  openApp,
  pointCount,
  settle,
  storedCuboids,
  storedFrameKeys,
  targetCar,
  viewportImage,
} from './app-flow';
import { countChanged, countChangedNear, countUnlike } from './pixels';
import { bevIou } from '../../src/core/fit/index';
import { screenshotPath } from './screenshot-path';
import { DEMO_FRAME_COUNT } from '../../src/core/demo/index';

const BACKGROUND: [number, number, number] = [0x0b, 0x0f, 0x17];

describe.each(['WebGPU', 'WebGL2'] as const)('Frustum on %s', (backend: BackendName) => {
  const baseURL = inject('baseURL');
  const profile = new Profile(backend);
  let page: Page;

  beforeAll(async () => {
    page = await profile.open();
    await openApp(page, baseURL, backend);
  });
  afterAll(() => profile.dispose());

  it('boots on the demo drive and draws the sweep with the backend it reports', async () => {
    expect(await page.getByTestId('backend').textContent()).toContain(backend);
    const points = await pointCount(page);
    expect(points).toBeGreaterThan(90_000);
    expect(points).toBeLessThan(140_000);
    await settle(page);
    const byHeight = await viewportImage(page);
    expect(countUnlike(byHeight, BACKGROUND)).toBeGreaterThan(5_000);
    // Only points change colour with the colour mode: pixels that change are pixels where points are.
    await page.getByTestId('color-mode').selectOption('intensity');
    await settle(page);
    const byIntensity = await viewportImage(page);
    expect(countChanged(byHeight, byIntensity)).toBeGreaterThan(3_000);
    await page.getByTestId('color-mode').selectOption('height');
    expect(await page.getByTestId('frame-label').textContent()).toBe(`Frame 1 / ${DEMO_FRAME_COUNT}`);
  });

  it('places a box with N and a click on a car in the bird’s-eye view, and keeps it across reload and relaunch', async () => {
    const car = targetCar();
    await page.getByTestId('view-birds-eye').click();
    await settle(page);
    const [x, y] = await egoToClient(page, car.position);
    const before = await viewportImage(page);
    const box = (await page.getByTestId('viewport').boundingBox())!;

    await page.keyboard.press('n');
    await page.mouse.click(x, y);
    await expect.poll(() => boxCount(page)).toBe(1);
    await settle(page);
    const after = await viewportImage(page);
    expect(countChangedNear(before, after, Math.round(x - box.x), Math.round(y - box.y), 40)).toBeGreaterThan(30);

    await expect.poll(() => storedCuboids(page)).toHaveLength(1);
    const [stored] = await storedCuboids(page);
    expect(Math.hypot(stored!.position[0] - car.position[0], stored!.position[1] - car.position[1])).toBeLessThan(0.5);
    // One click fits the box to the car's points: it matches the ground truth seen from above.
    expect(bevIou(stored!, car)).toBeGreaterThanOrEqual(0.7);
    // Standing on the ground: the box's bottom within 30 cm of the car's.
    expect(Math.abs(stored!.position[2] - stored!.size[2] / 2 - (car.position[2] - car.size[2] / 2))).toBeLessThan(0.3);

    if (backend === 'WebGPU') {
      await page.getByTestId('view-orbit').click();
      await settle(page);
      writeFileSync(screenshotPath('frustum.png'), await page.screenshot());
    }

    await page.reload();
    await openApp(page, baseURL, backend);
    await expect.poll(() => boxCount(page)).toBe(1);

    await profile.kill();
    page = await profile.open();
    await openApp(page, baseURL, backend);
    await expect.poll(() => boxCount(page)).toBe(1);
    expect((await storedCuboids(page))[0]?.position).toEqual(stored!.position);
  });

  it('steps to the next frame with the arrow key, showing its number, time and sweep', async () => {
    const first = await pointCount(page);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('frame-label').textContent(), { timeout: 60_000 })
      .toBe(`Frame 2 / ${DEMO_FRAME_COUNT}`);
    expect(await page.getByTestId('frame-time').textContent()).toBe('0.1 s');
    await expect.poll(() => pointCount(page), { timeout: 60_000 }).not.toBe(first);
    expect(await boxCount(page)).toBe(0);
  });

  it('opens the next visit from the frame cache, with no worker to generate frames', async () => {
    expect(await storedFrameKeys(page)).toEqual(expect.arrayContaining(['demo-7|lidar-top|0', 'demo-7|cam-front|0']));
    // The service worker registered on the earlier visits goes, and no new one may register.
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    });
    await profile.kill();
    // With the service worker kept out, the demo worker's script can only come from the network, where it is
    // refused: a frame on screen came from the cache. (A service worker would answer from its precache, which
    // page.route never sees.)
    page = await profile.open('en-US', { serviceWorkers: 'block' });
    await page.route('**/*demo.worker*', (route) => route.abort());
    await openApp(page, baseURL, backend);
    expect(await pointCount(page)).toBeGreaterThan(90_000);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  });
});
