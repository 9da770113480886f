import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { screenshotPath } from './screenshot-path';
import { goToFrame, placeBoxAt } from './track-flow';
import { journalEntries, openApp, openInBirdsEye, targetCar, waitUntil } from './app-flow';

type StoredIssue = { id: string; check: string; status: string; frames: [number, number] };

/** The review issues the app keeps in IndexedDB, read as any script on the page could. */
async function storedIssues(page: Page): Promise<StoredIssue[]> {
  return page.evaluate(
    () =>
      new Promise<StoredIssue[]>((resolve, reject) => {
        const open = indexedDB.open('frustum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('issues').objectStore('issues').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as StoredIssue[]);
          };
        };
      }),
  );
}

/** Finished runs of the checks, as the panel exposes them. */
async function runs(page: Page): Promise<number> {
  return Number(await page.getByTestId('checks-state').getAttribute('data-runs'));
}

/** Waits for a run of the checks that started after every write so far was stored. */
async function checkedAfterEdit(page: Page, before: number): Promise<void> {
  await waitUntil(
    'every edit is stored',
    () => page.getByTestId('save-state').getAttribute('data-pending'),
    (p) => p === '0',
  );
  await waitUntil(
    'the checks ran again',
    () => page.getByTestId('checks-state').getAttribute('data-running').then(async (r) => [r, await runs(page)] as const), // prettier-ignore
    ([running, n]) => running === 'false' && n > before,
  );
}

const sizeFindings = (page: Page) => page.locator('[data-testid="finding"][data-check="size"]');

/**
 * A box made too long for a car is found by the checks, in a worker, after the edit is stored; a click on the
 * finding shows its frame with the box selected; fixing the size closes it. A dismissal with a reason sets
 * another aside, is journaled, and holds after a reload.
 */
describe('automatic checks in the app: find, show, fix, dismiss', () => {
  const profile = new Profile('WebGL2');
  let page: Page;

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
    await placeBoxAt(page, targetCar().position);
  });
  afterAll(() => profile.dispose());

  it('a fitted car raises no size finding', async () => {
    await checkedAfterEdit(page, 0);
    expect(await sizeFindings(page).count()).toBe(0);
  });

  it('a 12 m car is found, and a click on the finding shows its box', async () => {
    const before = await runs(page);
    await page.getByTestId('box-size-0').fill('12');
    await page.getByTestId('box-size-0').press('Enter');
    await checkedAfterEdit(page, before);
    await expect.poll(() => sizeFindings(page).count()).toBe(1);
    const finding = sizeFindings(page).first();
    expect(await finding.textContent()).toContain('Size outside the class’s range');
    expect(await finding.textContent()).toContain('12 (limit 6.2)');
    const stored = await storedIssues(page);
    expect(stored.filter((i) => i.check === 'size').map((i) => i.status)).toEqual(['open']);
    await page.screenshot({ path: screenshotPath('checks.png') });

    // Elsewhere in the scene with nothing selected, the finding brings the box back.
    await goToFrame(page, 5);
    await page.keyboard.press('Escape');
    await finding.locator('button.finding').click();
    await expect.poll(() => page.getByTestId('frame-label').textContent()).toMatch(/^Frame 1 \//);
    await expect.poll(() => page.getByTestId('box-size-0').inputValue()).toBe('12');
  });

  it('fixing the box closes the finding', async () => {
    const before = await runs(page);
    await page.getByTestId('box-size-0').fill('4.4');
    await page.getByTestId('box-size-0').press('Enter');
    await checkedAfterEdit(page, before);
    expect(await sizeFindings(page).count()).toBe(0);
    const stored = (await storedIssues(page)).filter((i) => i.check === 'size');
    expect(stored.map((i) => i.status)).toEqual(['closed']);
  });

  it('a dismissal with a reason sets a finding aside, is journaled, and holds after a reload', async () => {
    const before = await runs(page);
    await page.getByTestId('box-size-2').fill('4');
    await page.getByTestId('box-size-2').press('Enter');
    await checkedAfterEdit(page, before);
    await expect.poll(() => sizeFindings(page).count()).toBe(1);
    const id = await sizeFindings(page).first().getAttribute('data-finding');
    await sizeFindings(page).first().getByRole('button', { name: 'Dismiss…' }).click();
    const confirm = page.getByRole('button', { name: 'Dismiss', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Why is this not a problem?').fill('a car carrier, really this tall');
    await confirm.click();
    await expect.poll(() => sizeFindings(page).count()).toBe(0);
    const dismissal = (await journalEntries(page)).find((e) => e.name === 'dismissFinding');
    expect(dismissal?.patch.added[0]).toMatchObject({ type: 'dismissal', findingId: id, reason: 'a car carrier, really this tall' }); // prettier-ignore

    await page.reload();
    await openApp(page, inject('baseURL'), profile.backend);
    await waitUntil('the checks ran after the reload', () => runs(page), (n) => n > 0); // prettier-ignore
    expect(await sizeFindings(page).count()).toBe(0);
    const kept = page.getByTestId('dismissed-finding');
    expect(await kept.count()).toBe(1);
    expect(await kept.first().getAttribute('data-finding')).toBe(id);
    expect(await kept.first().textContent()).toContain('a car carrier, really this tall');
  });
});
