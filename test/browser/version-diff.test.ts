import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { placeBoxAt } from './track-flow';
import { journalEntries, openInBirdsEye, storedCuboids, targetCar, viewportImage, waitUntil } from './app-flow';
import { countUnlike, type Image } from './pixels';
import { screenshotPath } from './screenshot-path';

/** Pixels of the view drawn within a small distance of a colour: what a person sees of boxes drawn in it. */
const pixelsLike = (image: Image, rgb: [number, number, number]) =>
  image.width * image.height - countUnlike(image, rgb, 40);
/** The colour a changed box's pose in the version is drawn in. */
const ORANGE: [number, number, number] = [0xf9, 0x73, 0x16];

/**
 * A box is fitted and kept as a version, then moved 3 m. Compared with the current labels, the version lists the
 * box as changed in position and the 3D view draws where it was in orange; restoring the version puts the box
 * back (one edit, the diff then empty), and Undo takes the restore back.
 */
describe('a label version compared with the labels, and restored', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  let before: Image;
  let fittedX = 0;

  /** The field takes what is typed: 3 m on, give or take its rounding. */
  const moved = (x: number | undefined) => x !== undefined && Math.abs(x - (fittedX + 3)) < 0.01;
  const orangeNow = async () => pixelsLike(await viewportImage(page), ORANGE);
  const storedX = async () => (await storedCuboids(page))[0]?.position[0];
  const stored = () => waitUntil('the edits are stored', () => page.getByTestId('save-state').getAttribute('data-pending'), (p) => p === '0'); // prettier-ignore

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
    const [fitted] = await placeBoxAt(page, targetCar().position);
    fittedX = fitted!.position[0];
    await page.getByTestId('export-button').click();
    await page.getByTestId('version-message').fill('fitted');
    await page.getByTestId('version-save').click();
    await page.getByTestId('version-row').first().waitFor();
    await page.getByTestId('export-close').click();
    await page.getByTestId('box-position-0').fill(String(fittedX + 3));
    await page.getByTestId('box-position-0').press('Enter');
    await stored();
    await waitUntil('the move is stored', storedX, (x) => moved(x));
    // Out of the field (where keys are typing), Escape lets the box go: it is drawn in its own colour again.
    await page.getByTestId('box-position-0').blur();
    await page.keyboard.press('Escape');
    await page.getByTestId('box-panel').waitFor({ state: 'detached' });
    before = await viewportImage(page);
  });
  afterAll(() => profile.dispose());

  it('lists the moved box as changed in position', async () => {
    await page.getByTestId('export-button').click();
    await page.getByTestId('version-row').filter({ hasText: 'fitted' }).getByTestId('version-compare').click();
    await page.getByTestId('version-diff').waitFor();
    const counts = (await page.getByTestId('diff-counts').textContent()) ?? '';
    expect(counts).toContain('Tracks: 0 added, 0 removed, 0 changed');
    expect(counts).toContain('Stored boxes: 0 added, 0 removed, 1 changed');
    const rows = page.getByTestId('diff-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/^\s*\S.* · frame 1: changed: position\s*$/);
    expect(await rows.first().getAttribute('data-change')).toBe('changed');
    await page.screenshot({ path: screenshotPath('version-diff-list.png') });
  });

  it("draws the version's pose of the box in orange, over the labels, after the dialog is closed", async () => {
    await page.getByTestId('export-close').click();
    await waitUntil('the old pose is drawn', orangeNow, (n) => n - pixelsLike(before, ORANGE) > 40);
    await page.screenshot({ path: screenshotPath('version-diff.png') });
  });

  it('restores the version as one edit: the box is back, the diff empty, the orange gone', async () => {
    await page.getByTestId('export-button').click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('version-row').filter({ hasText: 'fitted' }).getByTestId('version-restore').click();
    expect(await page.getByTestId('version-restore-note').textContent()).toBe('Version restored. Undo takes it back.');
    await page.getByTestId('diff-same').waitFor();
    expect(await page.getByTestId('diff-row').count()).toBe(0);
    await stored();
    expect(await storedX()).toBe(fittedX);
    expect((await journalEntries(page)).at(-1)?.name).toBe('restoreVersion');
    await page.getByTestId('export-close').click();
    await waitUntil('the old pose is no longer drawn', orangeNow, (n) => Math.abs(n - pixelsLike(before, ORANGE)) < 10); // prettier-ignore
  });

  it('takes the restore back with Undo: the move returns and is listed again', async () => {
    await page.keyboard.press('Control+z');
    await waitUntil('the move is back', storedX, (x) => moved(x));
    await waitUntil('the old pose is drawn again', orangeNow, (n) => n - pixelsLike(before, ORANGE) > 40);
    await page.getByTestId('export-button').click();
    await page.getByTestId('diff-row').first().waitFor();
    expect(await page.getByTestId('diff-row').count()).toBe(1);
    // A click on the row shows its frame with the box selected.
    await page.getByTestId('diff-row').first().click();
    await page.getByTestId('diff-stop').click();
    await page.getByTestId('export-close').click();
    await page.getByTestId('box-panel').waitFor();
    expect(Number(await page.getByTestId('box-position-0').inputValue())).toBeCloseTo(fittedX + 3, 2);
    await waitUntil('the diff is no longer drawn', orangeNow, (n) => Math.abs(n - pixelsLike(before, ORANGE)) < 10); // prettier-ignore
  });
});
