import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile, type BackendName } from './launch';
import { dragHandle } from './track-flow';
import {
  boxCount,
  egoToClient,
  openApp,
  openInBirdsEye,
  settle,
  storedCuboids,
  targetCar,
  type StoredCuboid,
  waitUntil,
} from './app-flow';
import { countChanged, decodePng } from './pixels';
import { screenshotPath } from './screenshot-path';

/** Pixels per metre of a box view: the distance between two opposite face handles over the box's size. */
async function pixelsPerMetre(page: Page, kind: string, a: string, b: string, metres: number): Promise<number> {
  const [pa, pb] = await Promise.all(
    [a, b].map(async (id) => (await page.getByTestId(`handle-${kind}-${id}`).boundingBox())!),
  );
  return Math.hypot(pa!.x - pb!.x, pa!.y - pb!.y) / metres;
}

/** Fit by click, resize in the side view, rotate in the top view, undo, redo, reload: on both renderers. */
describe.each(['WebGPU', 'WebGL2'] as const)('the side views on %s', (backend: BackendName) => {
  const profile = new Profile(backend);
  let page: Page;
  const car = targetCar();
  let fitted: StoredCuboid;

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
    expect(await page.getByTestId('backend').textContent()).toContain(backend);
  });
  afterAll(() => profile.dispose());

  it('fits a box with one click and shows it from the top, the side and the front', async () => {
    const [x, y] = await egoToClient(page, car.position);
    await page.keyboard.press('n');
    await page.mouse.click(x, y);
    await waitUntil(
      'the box is placed',
      () => boxCount(page),
      (n) => n === 1,
    );
    [fitted] = (await waitUntil(
      'it is saved',
      () => storedCuboids(page),
      (c) => c.length === 1,
    )) as [StoredCuboid];
    expect(await page.getByTestId('box-view').count()).toBe(3);
    await settle(page);
    // The car's points inside the box are drawn in the class colour (#f59e0b) in each view.
    for (const kind of ['top', 'side', 'front']) {
      const view = decodePng(await page.locator(`[data-testid=box-view][data-kind=${kind}] canvas`).screenshot());
      let orange = 0;
      for (let i = 0; i < view.data.length; i += 4) {
        const [r, g, b] = [view.data[i]!, view.data[i + 1]!, view.data[i + 2]!];
        if (r > 200 && g > 120 && g < 190 && b < 60) orange++;
      }
      expect(orange, `${kind} view`).toBeGreaterThan(30);
    }
  });

  it('lengthens the box by dragging its front face in the side view, the rear staying put', async () => {
    const scale = await pixelsPerMetre(page, 'side', 'h1k0', 'h-1k0', fitted.size[0]);
    const before = decodePng(await page.getByTestId('box-views').screenshot());
    await dragHandle(page, page.getByTestId('handle-side-h1k0'), 40, 0);
    const [c] = await waitUntil(
      'the longer box is saved',
      () => storedCuboids(page),
      ([c]) => c!.size[0] > fitted.size[0] + 0.1,
    );
    expect(c!.size[0] - fitted.size[0]).toBeCloseTo(40 / scale, 1);
    // The rear face stays where it was: the centre moved half the growth, along the heading.
    const rear = (b: StoredCuboid) =>
      [0, 1].map((i) => b.position[i]! - (b.size[0] / 2) * [Math.cos, Math.sin][i]!(b.yaw));
    rear(c!).forEach((v, i) => expect(v).toBeCloseTo(rear(fitted)[i]!, 2));
    expect(c!.size[1]).toBe(fitted.size[1]);
    await settle(page);
    expect(countChanged(before, decodePng(await page.getByTestId('box-views').screenshot()))).toBeGreaterThan(200);
  });

  it('turns the box with the heading handle in the top view, as one history entry', async () => {
    const [start] = await storedCuboids(page);
    const handle = page.getByTestId('handle-top-rotate');
    const centre = (await page.getByTestId('handle-top-h1k1').boundingBox())!;
    const opposite = (await page.getByTestId('handle-top-h-1k-1').boundingBox())!;
    const [cx, cy] = [(centre.x + opposite.x) / 2 + 4, (centre.y + opposite.y) / 2 + 4];
    const at = (await handle.boundingBox())!;
    const r = Math.hypot(at.x + at.width / 2 - cx, at.y + at.height / 2 - cy);
    // A quarter turn to the left: the handle goes from straight up to the left of the centre.
    await dragHandle(page, handle, -r - (at.x + at.width / 2 - cx), r);
    const [turned] = await waitUntil(
      'the turn is saved',
      () => storedCuboids(page),
      ([c]) => Math.abs(c!.yaw - start!.yaw) > 0.5,
    );
    const diff = Math.atan2(Math.sin(turned!.yaw - start!.yaw), Math.cos(turned!.yaw - start!.yaw));
    expect(diff).toBeCloseTo(Math.PI / 2, 1);
    await settle(page);
    if (backend === 'WebGPU') await page.screenshot({ path: screenshotPath('box-views.png') });
    expect(await page.getByTestId('history-entry').count()).toBe(3);
  });

  it('undoes twice, redoes once, and finds the same after a reload', async () => {
    const history = await storedCuboids(page);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await waitUntil(
      'back to the fitted box',
      () => storedCuboids(page),
      ([c]) => c!.size[0] === fitted.size[0],
    );
    await page.keyboard.press('Control+y');
    const [redone] = await waitUntil(
      'the resize is back, the turn is not',
      () => storedCuboids(page),
      ([c]) => c!.size[0] > fitted.size[0] && c!.yaw === fitted.yaw,
    );
    void history;
    await page.reload();
    await openApp(page, inject('baseURL'), backend);
    const [reloaded] = await storedCuboids(page);
    expect(reloaded).toEqual(redone);
    // The undo history came back with the labels: one more redo turns the box again.
    expect(await page.getByTestId('history-entry').count()).toBe(3);
    await page.keyboard.press('Control+y');
    await waitUntil(
      'the turn is redone',
      () => storedCuboids(page),
      ([c]) => Math.abs(c!.yaw - fitted.yaw) > 1,
    );
  });
});
