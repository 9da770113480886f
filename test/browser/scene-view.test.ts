import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import {
  egoToClient,
  openApp,
  openInBirdsEye,
  settle,
  storedCuboids,
  targetCar,
  waitForFrame,
  waitUntil,
} from './app-flow';
import { placeBoxAt } from './track-flow';
import { DEMO_FRAME_COUNT } from '../../src/core/demo/index';

/** What the box panel's fields hold: the selected box's centre, size and angles. */
const boxPanelValues = (page: Page) =>
  page.$$eval('[data-testid=box-panel] input', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));

describe('a reload brings the scene back as it was left', () => {
  const profile = new Profile('WebGL2');
  let page: Page;

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
  });
  afterAll(() => profile.dispose());

  it('restores the frame, the bird’s-eye view with its camera, and the selected box', async () => {
    // The car across the street sits high in the view, so the side views that come with its selection leave the
    // view where it is. (Where they move it down to show a box, that offset is not part of what a reload brings
    // back, and the view comes back 10–34 px off.)
    const [first] = await placeBoxAt(page, targetCar(true).position);
    // Copy the box along to frame 4 (P: copy to the next frame and go there), keeping it selected.
    for (let shown = 2; shown <= 4; shown++) {
      await page.keyboard.press('p');
      await waitForFrame(page, shown, DEMO_FRAME_COUNT);
    }
    const boxes = await waitUntil(
      'the copies are saved',
      () => storedCuboids(page),
      (c) => c.length === 4,
    );
    const selected = boxes.find((b) => b.frameIndex === 3)!;
    expect(selected.trackId).toBe(first!.trackId);
    // Zoom the bird's-eye view in and pan it (a drag away from the box), so the box is drawn elsewhere.
    await settle(page);
    const fresh = await egoToClient(page, selected.position);
    // Grabbed in the upper left of the view, well away from the box (near its middle) and the side views.
    const view = (await page.getByTestId('viewport').boundingBox())!;
    const [x, y] = [view.x + view.width * 0.2, view.y + view.height * 0.3];
    await page.mouse.move(x, y);
    for (let i = 0; i < 2; i++) await page.mouse.wheel(0, -200);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(x - 10 * i, y - 15 * i);
    await page.mouse.up();
    await settle(page);
    const zoomed = await egoToClient(page, selected.position);
    expect(Math.hypot(zoomed[0] - fresh[0], zoomed[1] - fresh[1])).toBeGreaterThan(40);
    const panel = await boxPanelValues(page);

    await page.reload();
    await openApp(page, inject('baseURL'), 'WebGL2');
    await settle(page);
    expect(await page.getByTestId('frame-label').textContent()).toBe(`Frame 4 / ${DEMO_FRAME_COUNT}`);
    expect(await page.getByTestId('viewport').getAttribute('data-shown-frame')).toBe('3');
    expect(await page.getByTestId('view-birds-eye').getAttribute('class')).toContain('active');
    expect(await page.getByTestId('track-box-state').textContent()).toBe('keyframe here');
    expect(await boxPanelValues(page)).toEqual(panel);
    expect(await page.getByTestId('box-views').count()).toBe(1);
    const restored = await egoToClient(page, selected.position);
    expect(Math.hypot(restored[0] - zoomed[0], restored[1] - zoomed[1])).toBeLessThan(1);
  });

  it('opens in the orbit view on the frame and selection left there, once those change', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('view-orbit').click();
    await page.getByTestId('frame-slider').fill('8');
    await waitUntil(
      'frame 9',
      () => page.getByTestId('viewport').getAttribute('data-shown-frame'),
      (f) => f === '8',
    );
    await page.reload();
    await openApp(page, inject('baseURL'), 'WebGL2');
    expect(await page.getByTestId('frame-label').textContent()).toBe(`Frame 9 / ${DEMO_FRAME_COUNT}`);
    expect(await page.getByTestId('view-orbit').getAttribute('class')).toContain('active');
    expect(await page.getByTestId('track-panel').count()).toBe(0);
    expect(await page.getByTestId('box-views').count()).toBe(0);
  });
});
