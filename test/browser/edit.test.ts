import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import {
  boxCount,
  egoToClient,
  journalEntries,
  openApp,
  openInBirdsEye,
  storedCuboids,
  targetCar,
  waitUntil,
} from './app-flow';

describe('editing a box from the keyboard and the box panel', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  const car = targetCar();

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
    const [x, y] = await egoToClient(page, car.position);
    await page.keyboard.press('n');
    await page.mouse.click(x, y);
    await waitUntil(
      'the box is placed',
      () => boxCount(page),
      (n) => n === 1,
    );
  });
  afterAll(() => profile.dispose());

  it('selects the box with a click and moves it with a held key as one undo step', async () => {
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('box-panel').count()).toBe(0);
    const [x, y] = await egoToClient(page, car.position);
    await page.mouse.click(x, y);
    await page.getByTestId('box-panel').waitFor();
    const [start] = await storedCuboids(page);
    for (let i = 0; i < 10; i++) await page.keyboard.down('w');
    await page.keyboard.up('w');
    // Ten 5 cm steps forward along the box's own heading.
    const [dx, dy] = [0.5 * Math.cos(start!.yaw), 0.5 * Math.sin(start!.yaw)];
    await waitUntil(
      'the move is saved',
      () => storedCuboids(page),
      ([c]) => Math.hypot(c!.position[0] - start!.position[0] - dx, c!.position[1] - start!.position[1] - dy) < 1e-6,
    );
    expect(Number(await page.getByTestId('box-position-0').inputValue())).toBeCloseTo(start!.position[0] + dx, 3);
    await page.keyboard.press('Control+z');
    await waitUntil(
      'one undo restores it',
      () => storedCuboids(page),
      ([c]) => c!.position[0] === start!.position[0],
    );
    await page.keyboard.press('Shift+Q');
    await waitUntil(
      'a coarse turn',
      () => storedCuboids(page),
      ([c]) => Math.abs(c!.yaw - start!.yaw - Math.PI / 18) < 1e-9,
    );
  });

  it('stands the box on the ground with G, and fits it to the points again with V', async () => {
    const [before] = await storedCuboids(page);
    await page.keyboard.press('r');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+R');
    // 5 cm + 5 × 50 cm up, saved before the snap is asked for.
    const [raised] = await waitUntil(
      'the raise is saved',
      () => storedCuboids(page),
      ([c]) => c!.position[2] > before!.position[2] + 2.55 - 1e-6,
    );
    await page.keyboard.press('g');
    await waitUntil(
      'it stands on the ground again',
      () => storedCuboids(page),
      ([c]) => c!.position[2] < raised!.position[2] - 2,
    );
    const [grounded] = await storedCuboids(page);
    // The demo's road is the ego ground plane: the bottom of the box within 15 cm of z = 0.
    expect(Math.abs(grounded!.position[2] - grounded!.size[2] / 2)).toBeLessThan(0.15);
    // Half a metre off the car, then fitted again to its points.
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('v');
    await waitUntil(
      'it is back on the car',
      () => storedCuboids(page),
      ([c]) => Math.hypot(c!.position[0] - car.position[0], c!.position[1] - car.position[1]) < 0.3,
    );
  });

  it('changes the class of the track and refuses a size of zero, saying so', async () => {
    await page.getByTestId('box-class').selectOption('truck');
    await page.getByTestId('box-size-1').fill('0');
    await page.getByTestId('box-size-1').press('Enter');
    await page.getByTestId('box-panel').getByRole('alert').waitFor();
    const [c] = await storedCuboids(page);
    expect(c!.size[1]).toBeGreaterThan(0);
    const classChanges = async () =>
      (await journalEntries(page))
        .filter((e) => e.name === 'updateTrack')
        .map((e) => e.patch.updated[0]![1]['classId']);
    expect(await waitUntil('the class change is saved', classChanges, (c) => c.length > 0)).toEqual(['truck']);
  });

  it('lists every shortcut on ?, and a rebinding takes effect and is remembered', async () => {
    // Shortcuts never steal keys from a text field: leave the size field first.
    await page.getByTestId('frame-label').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const sheet = page.getByTestId('hotkey-sheet');
    await sheet.waitFor();
    expect(await page.getByTestId('hotkey-row').count()).toBeGreaterThan(20);
    await page.locator('[data-action=placeBox] button').click();
    await page.keyboard.press('m');
    expect(await page.locator('[data-action=placeBox] kbd').textContent()).toBe('M');
    await page.keyboard.press('?');
    await sheet.waitFor({ state: 'detached' });
    await page.reload();
    await openApp(page, inject('baseURL'), 'WebGL2');
    await page.keyboard.press('m');
    await page.getByTestId('viewport').locator('.hint').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    expect(await page.getByTestId('viewport').locator('.hint').count()).toBe(0);
  });
});
