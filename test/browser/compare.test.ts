import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { placeBoxAt } from './track-flow';
import { openInBirdsEye, settle, targetCar, viewportImage, waitUntil } from './app-flow';
import { countUnlike, type Image } from './pixels';
import { screenshotPath } from './screenshot-path';

/** Pixels of the view drawn within a small distance of a colour: what a person sees of boxes drawn in it. */
const pixelsLike = (image: Image, rgb: [number, number, number]) =>
  image.width * image.height - countUnlike(image, rgb, 40);
const RED: [number, number, number] = [0xef, 0x44, 0x44];
const ORANGE: [number, number, number] = [0xf9, 0x73, 0x16];

/**
 * A box is fitted and kept as a version, then moved 3 m: compared with that version, the reference's box is
 * missed (drawn red where it was) and the moved one is extra (drawn orange); the figures and the list say so,
 * a click on the listed frame shows it, and stopping the comparison takes its colours away.
 */
describe('comparing the labels with a saved version', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  let before: Image;

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
    await placeBoxAt(page, targetCar().position);
    await page.getByTestId('export-button').click();
    await page.getByTestId('version-message').fill('fitted');
    await page.getByTestId('version-save').click();
    await page.getByTestId('version-row').first().waitFor();
    await page.getByTestId('export-close').click();
    const x = Number(await page.getByTestId('box-position-0').inputValue());
    await page.getByTestId('box-position-0').fill(String(x + 3));
    await page.getByTestId('box-position-0').press('Enter');
    await waitUntil('the move is stored', () => page.getByTestId('save-state').getAttribute('data-pending'), (p) => p === '0'); // prettier-ignore
    // Out of the field (where keys are typing), Escape lets the box go: it is drawn in its own colour again.
    await page.getByTestId('box-position-0').blur();
    await page.keyboard.press('Escape');
    await page.getByTestId('box-panel').waitFor({ state: 'detached' });
    await settle(page);
    before = await viewportImage(page);
  });
  afterAll(() => profile.dispose());

  it('reports the moved box as one missed and one extra, and lists its frame', async () => {
    const select = page.getByTestId('compare-version');
    await select.focus();
    const option = select.locator('option', { hasText: 'fitted' });
    await option.waitFor({ state: 'attached' });
    await select.selectOption((await option.getAttribute('value'))!);
    await page.getByTestId('compare-start').click();
    await page.getByTestId('compare-figures').waitFor();
    const figures = (await page.getByTestId('compare-figures').textContent()) ?? '';
    // One box each side, unmatched at IoU 0.5 and 0.7: precision, recall and F1 all 0.
    expect(figures.match(/0\.000/g)?.length).toBe(6);
    expect(await page.getByTestId('compare-source').textContent()).toContain('fitted');
    const rows = page.getByTestId('compare-frame');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toBe('Frame 1: 1 missed, 1 extra, 0 switched');
  });

  it('draws the missed reference box in red and the extra box in orange, until the comparison stops', async () => {
    await settle(page);
    const during = await viewportImage(page);
    await page.screenshot({ path: screenshotPath('compare.png') });
    expect(pixelsLike(during, RED) - pixelsLike(before, RED)).toBeGreaterThan(40);
    expect(pixelsLike(during, ORANGE) - pixelsLike(before, ORANGE)).toBeGreaterThan(40);
    await page.getByTestId('compare-stop').click();
    await settle(page);
    const after = await viewportImage(page);
    expect(Math.abs(pixelsLike(after, RED) - pixelsLike(before, RED))).toBeLessThan(10);
  });
});
