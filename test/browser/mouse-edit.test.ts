import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { egoToClient, openInBirdsEye, storedCuboids, targetCar, waitUntil } from './app-flow';
import { bevIou } from '../../src/core/fit/bev-iou';

describe('boxes by mouse in the 3D view: a dragged rectangle fits one, a drag moves it', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  const car = targetCar();

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
  });
  afterAll(() => profile.dispose());

  it('fits a box to the car a rectangle is drawn round', async () => {
    // A rectangle a metre clear of the car on every side, drawn corner to corner.
    const reach = Math.hypot(car.size[0], car.size[1]) / 2 + 1;
    const [x0, y0] = await egoToClient(page, [car.position[0] + reach, car.position[1] + reach, 0]);
    const [x1, y1] = await egoToClient(page, [car.position[0] - reach, car.position[1] - reach, 0]);
    await page.keyboard.press('n');
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 6, y0 + ((y1 - y0) * i) / 6);
    expect(await page.getByTestId('fit-rect').isVisible()).toBe(true);
    await page.mouse.up();
    const [box] = await waitUntil(
      'the box is saved',
      () => storedCuboids(page),
      (c) => c.length === 1,
    );
    expect(bevIou(box!, car)).toBeGreaterThan(0.7);
    // The drag drew a rectangle; it did not pan the view: the car is where it was on screen.
    const [cx] = await egoToClient(page, car.position);
    expect(Math.abs(cx - (x0 + x1) / 2)).toBeLessThan(3);
  });

  it('moves the selected box by dragging it, as one history entry', async () => {
    const [start] = await storedCuboids(page);
    const [x, y] = await egoToClient(page, start!.position);
    const [tx, ty] = await egoToClient(page, [start!.position[0] + 2, start!.position[1] - 1, start!.position[2]]);
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x + ((tx - x) * i) / 10, y + ((ty - y) * i) / 10);
    await page.mouse.up();
    const [moved] = await waitUntil(
      'the move is saved',
      () => storedCuboids(page),
      ([c]) => c!.position[0] > start!.position[0] + 1.5,
    );
    // Within a pixel or so of where the pointer let go (the bird's-eye view shows ~60 m over ~500 px).
    expect(moved!.position[0] - start!.position[0]).toBeCloseTo(2, 0);
    expect(moved!.position[1] - start!.position[1]).toBeCloseTo(-1, 0);
    expect(moved!.position[2]).toBe(start!.position[2]);
    const names = await page.getByTestId('history-entry').allTextContents();
    expect(names.map((n) => n.replace(/\d.*$/, '').trim())).toEqual(['New box', 'Move box']);
  });

  it('turns the selected box with Shift and a drag, about its centre', async () => {
    const [start] = await storedCuboids(page);
    const [cx, cy, cz] = start!.position;
    // From a point ahead of the centre along the heading to a point to its left: a quarter turn.
    const ahead = [cx + 1.5 * Math.cos(start!.yaw), cy + 1.5 * Math.sin(start!.yaw), cz] as const;
    const left = [cx - 1.5 * Math.sin(start!.yaw), cy + 1.5 * Math.cos(start!.yaw), cz] as const;
    const [[x0, y0], [x1, y1]] = [await egoToClient(page, ahead), await egoToClient(page, left)];
    await page.keyboard.down('Shift');
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * i) / 10);
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const [turned] = await waitUntil(
      'the turn is saved',
      () => storedCuboids(page),
      ([c]) => Math.abs(c!.yaw - start!.yaw) > 1,
    );
    expect(Math.atan2(Math.sin(turned!.yaw - start!.yaw), Math.cos(turned!.yaw - start!.yaw))).toBeCloseTo(
      Math.PI / 2,
      1,
    );
    expect(turned!.position).toEqual(start!.position);
  });

  it('resizes the selected box by dragging a face of its footprint, the opposite face staying put', async () => {
    const [start] = await storedCuboids(page);
    const [cx, cy, cz] = start!.position;
    const [c, s] = [Math.cos(start!.yaw), Math.sin(start!.yaw)];
    const half = start!.size[0] / 2;
    const face = [cx + half * c, cy + half * s, cz] as const;
    const beyond = [cx + (half + 1) * c, cy + (half + 1) * s, cz] as const;
    const [[x0, y0], [x1, y1]] = [await egoToClient(page, face), await egoToClient(page, beyond)];
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * i) / 10);
    await page.mouse.up();
    const [longer] = await waitUntil(
      'the longer box is saved',
      () => storedCuboids(page),
      ([b]) => b!.size[0] > start!.size[0] + 0.5,
    );
    expect(longer!.size[0] - start!.size[0]).toBeCloseTo(1, 1);
    expect(longer!.size[1]).toBe(start!.size[1]);
    const rear = (b: typeof start) => [b!.position[0] - (b!.size[0] / 2) * c, b!.position[1] - (b!.size[0] / 2) * s];
    rear(longer).forEach((v, i) => expect(v).toBeCloseTo(rear(start)[i]!, 1));
  });
});
