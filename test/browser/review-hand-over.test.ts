import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { egoToClient, openInBirdsEye, settle, targetCar, waitUntil } from './app-flow';
import { placeBoxAt } from './track-flow';
import { exportAs, storedLabels } from './export-flow';
import { screenshotPath } from './screenshot-path';

/** Sets the person's local name through the toolbar, as a person would once. */
async function setName(page: Page, name: string): Promise<void> {
  await page.getByTestId('person-button').click();
  await page.getByTestId('person-name').fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await waitUntil('the name is shown', () => page.getByTestId('person-button').textContent(), (t) => t?.includes(name) === true); // prettier-ignore
}

/** Exports the open scene as a bundle into `path`. */
async function handOver(page: Page, path: string): Promise<void> {
  await page.getByTestId('export-button').click();
  const download = await exportAs(page, 'bundle');
  await download.saveAs(path);
  await page.getByTestId('export-close').click();
}

/** Imports a bundle through the scenes dialog and waits until the merge says what it did. */
async function takeIn(page: Page, path: string, fileName: string): Promise<string> {
  await page.getByTestId('scenes-button').click();
  await page.getByTestId('bundle-input').setInputFiles(path);
  return waitUntil('the bundle is merged', async () => (await page.getByTestId('merged').textContent().catch(() => '')) ?? '', (m) => m.includes(fileName)); // prettier-ignore
}

/** Selects the car's box by clicking it in the 3D view. */
async function selectCar(page: Page): Promise<void> {
  const [x, y] = await egoToClient(page, targetCar().position);
  await page.mouse.click(x, y);
  await page.getByTestId('box-panel').waitFor();
}

const issueRow = (page: Page) => page.getByTestId('issues-panel').getByTestId('issue');

/**
 * The hand-over with no server, in two browser profiles: the annotator labels a car and sends a bundle; the
 * reviewer opens it in review mode, rejects the box as too loose and sends the review back; the annotator merges
 * it in, tightens the box, marks the issue fixed and sends it again; the reviewer merges that, verifies the fix
 * and accepts the box. The dashboard then counts one rework round for the annotator, and the rates that follow.
 */
describe('review handed over by bundle between two browsers', () => {
  const annotator = new Profile('WebGL2');
  const reviewer = new Profile('WebGL2');
  const scratch = mkdtempSync(join(tmpdir(), 'frustum-review-'));
  let ann: Page;
  let rev: Page;

  beforeAll(async () => {
    [ann, rev] = await Promise.all([openInBirdsEye(annotator, inject('baseURL')), openInBirdsEye(reviewer, inject('baseURL'))]); // prettier-ignore
    await setName(ann, 'Ann');
    await setName(rev, 'Rita');
  });
  afterAll(async () => {
    await annotator.dispose();
    await reviewer.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the reviewer rejects with a defect, the annotator fixes, the reviewer verifies: one rework round', async () => {
    // The annotator's box, made by Ann.
    await placeBoxAt(ann, targetCar().position);
    expect((await storedLabels(ann)).find((r) => r.type === 'cuboid')).toMatchObject({ madeBy: 'Ann' });
    await handOver(ann, join(scratch, 'to-review.zip'));

    // The reviewer opens it (a scene new there: taken as it is) and reviews in review mode.
    await rev.getByTestId('scenes-button').click();
    await rev.getByTestId('bundle-input').setInputFiles(join(scratch, 'to-review.zip'));
    await waitUntil('the box arrives', async () => (await storedLabels(rev)).filter((r) => r.type === 'cuboid').length, (n) => n === 1); // prettier-ignore
    await rev.getByTestId('mode-review').click();
    await settle(rev);
    await selectCar(rev);
    // Labels are read-only in review: a delete key does nothing but say so.
    await rev.keyboard.press('Delete');
    await waitUntil('the refusal is said', () => rev.getByTestId('review-read-only').textContent(), (t) => t?.includes('edits refused: 1') === true); // prettier-ignore
    expect((await storedLabels(rev)).filter((r) => r.type === 'cuboid')).toHaveLength(1);
    // The team's own defect type joins the taxonomy the issue form offers.
    await rev.getByTestId('taxonomy').locator('summary').click();
    await rev.getByTestId('taxonomy-new-defects').fill('Ghost points');
    await rev.getByTestId('taxonomy-new-defects').press('Enter');
    await rev.getByRole('button', { name: 'Reject box' }).click();
    expect(await rev.getByTestId('issue-defect').locator('option').allTextContents()).toContain('Ghost points');
    await rev.getByTestId('issue-defect').selectOption('too-loose');
    await rev.getByTestId('issue-severity').selectOption('major');
    await rev.getByTestId('issue-comment').fill('30 cm of air at the rear');
    await rev.getByTestId('issue-submit').click();
    await waitUntil('the box shows rejected', () => rev.getByTestId('verdict-box').getAttribute('data-verdict'), (v) => v === 'rejected'); // prettier-ignore
    expect(await issueRow(rev).getAttribute('data-state')).toBe('open');
    // The issue is pinned where the box is, in the 3D view and in the side views of the box.
    await rev.getByTestId('issue-pin').waitFor();
    expect(await rev.getByTestId('view-issue-pin').count()).toBe(3);
    await rev.screenshot({ path: screenshotPath('review-mode.png') });
    await handOver(rev, join(scratch, 'reviewed.zip'));

    // The annotator merges the review in: the issue arrives, nothing of Ann's is replaced.
    // The rejection and its issue.
    expect(await takeIn(ann, join(scratch, 'reviewed.zip'), 'reviewed.zip')).toContain('2 added');
    await waitUntil(
      'the issue is listed',
      () => issueRow(ann).count(),
      (n) => n === 1,
    );
    expect(await issueRow(ann).textContent()).toContain('30 cm of air at the rear');
    // Ann tightens the box and marks the issue fixed.
    await selectCar(ann);
    const length = Number(await ann.getByTestId('box-size-0').inputValue());
    await ann.getByTestId('box-size-0').fill(String(length - 0.3));
    await ann.getByTestId('box-size-0').press('Enter');
    await issueRow(ann).getByRole('button', { name: 'Mark fixed' }).click();
    await waitUntil(
      'the issue is fixed',
      () => issueRow(ann).getAttribute('data-state'),
      (s) => s === 'fixed',
    );
    await handOver(ann, join(scratch, 'fixed.zip'));

    // The reviewer merges the fix: the box changed since it was rejected, so that verdict is stale; verify, accept.
    await takeIn(rev, join(scratch, 'fixed.zip'), 'fixed.zip');
    await waitUntil(
      'the fix arrives',
      () => issueRow(rev).getAttribute('data-state'),
      (s) => s === 'fixed',
    );
    await selectCar(rev);
    expect(await rev.getByTestId('verdict-box').getAttribute('data-verdict')).toBe('stale');
    await issueRow(rev).getByRole('button', { name: 'Verify' }).click();
    await waitUntil('the issue is verified', () => issueRow(rev).getAttribute('data-state'), (s) => s === 'verified'); // prettier-ignore
    await rev.getByRole('button', { name: 'Accept box' }).click();
    await waitUntil('the box shows accepted', () => rev.getByTestId('verdict-box').getAttribute('data-verdict'), (v) => v === 'accepted'); // prettier-ignore
    // A verified issue has no pin left to settle.
    expect(await rev.getByTestId('issue-pin').count()).toBe(0);

    // The dashboard: Ann made one box, had one issue with one rework round, and her box is accepted.
    await rev.getByTestId('dashboard-button').click();
    const cell = (figure: string, column: string) =>
      rev.locator(`[data-testid=dashboard-people] tr[data-figure="dashboard.${figure}"] td[data-column="${column}"]`);
    await cell('reworkRounds', 'Ann').waitFor();
    expect(await cell('reworkRounds', 'Ann').textContent()).toBe('1');
    expect(await cell('issues', 'Ann').textContent()).toBe('1');
    expect(await cell('accepted', 'Ann').textContent()).toBe('1');
    expect(await cell('rejected', 'Ann').textContent()).toBe('0');
    expect(await cell('acceptanceRate', 'Ann').textContent()).toBe('100%');
    expect(await cell('issuesPer100', 'Ann').textContent()).toBe('100');
    expect(await cell('issuesPinned', 'Rita').textContent()).toBe('1');
    await rev.screenshot({ path: screenshotPath('dashboard.png') });
  });
});
