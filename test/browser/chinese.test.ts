import { afterAll, describe, expect, inject, it } from 'vitest';
import { Profile } from './launch';
import { screenshotPath } from './screenshot-path';
import { openApp, settle, targetCar } from './app-flow';
import { placeBoxAt } from './track-flow';
import { exportAs } from './export-flow';
import { ForeignWords } from './foreign-words';

/** A user's ontology written in English only: its names and texts are the user's data, shown as they are. */
const DEPOT = {
  format: 'frustum-ontology',
  id: 'depot-yard',
  name: 'Depot yard',
  version: 1,
  description: 'Vehicles in the depot, written by the yard team.',
  classes: [
    {
      id: 'car',
      name: 'Saloon',
      color: '#10b981',
      defaultSize: [4.5, 1.8, 1.5],
      guideline: 'Box the body only.',
      attributes: [
        { id: 'fleet', name: 'Fleet number', kind: 'text', dynamic: false, guideline: 'As painted on the roof.' },
        { id: 'state', name: 'Yard state', kind: 'enum', dynamic: true, values: ['charging', 'parked'] },
      ],
    },
  ],
  segmentKinds: [{ id: 'docking', name: 'Docking', color: '#8b5cf6' }],
};

describe('简体中文 is complete', () => {
  const profile = new Profile('WebGL2');
  afterAll(() => profile.dispose());

  it('shows no English word outside the user data in the toolbar, any panel, dialog or menu', async () => {
    const page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
    // Work done in English first: a box, and an export whose version the app names by itself.
    await page.getByTestId('view-birds-eye').click();
    await settle(page);
    await placeBoxAt(page, targetCar().position);
    await page.getByTestId('export-button').click();
    await exportAs(page, 'openlabel');
    await page.getByTestId('export-close').click();

    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('backend').textContent()).toBe('渲染器：WebGL2');
    // Out of the language switch, so that keys reach the app again.
    await page.getByTestId('backend').click();
    const words = new ForeignWords();

    await page.getByTestId('box-panel').waitFor();
    await page.getByTestId('track-panel').waitFor();
    await words.look(page, 'a box selected');
    // A refused value is said in Chinese too.
    await page.getByTestId('box-size-0').fill('0');
    await page.getByTestId('box-size-0').press('Enter');
    await expect
      .poll(() => page.getByTestId('box-panel').getByRole('alert').textContent())
      .toBe('未应用：尺寸必须大于 0');
    await page.getByTestId('backend').click();

    await page.getByTestId('guideline-button').click();
    await page.getByTestId('guideline-panel').waitFor();
    await page.keyboard.press('m');
    await page.getByTestId('segment-editor').waitFor();
    await words.look(page, 'guideline and time segment');

    await page.getByTestId('display-menu').locator('summary').click();
    await words.look(page, 'display menu');
    await page.getByTestId('display-menu').locator('summary').click();

    await page.getByTestId('open-track-view').click();
    await page.getByTestId('track-view-summary').waitFor();
    await words.look(page, 'track view');
    await page.getByTestId('track-view-close').click();

    await page.keyboard.press('?');
    const sheet = page.getByTestId('hotkey-sheet');
    await sheet.waitFor();
    await words.look(page, 'shortcut sheet');
    await sheet.locator('[data-testid=hotkey-row][data-action=nextFrame] button').click();
    await words.look(page, 'shortcut sheet, waiting for a key');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await sheet.waitFor({ state: 'detached' });

    await page.getByTestId('scenes-button').click();
    await page.getByTestId('scenes-dialog').waitFor();
    for (const id of ['kitti', 'nuscenes', 'general-driving']) {
      await page.getByTestId('ontology-select').selectOption(id);
      await expect.poll(() => page.getByTestId('ontology-select').inputValue()).toBe(id);
      await words.look(page, `scenes dialog, ontology ${id}`);
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('scenes-dialog').waitFor({ state: 'detached' });

    await page.getByTestId('export-button').click();
    await page.getByTestId('version-row').first().waitFor();
    await page.getByTestId('export-format').selectOption('bundle');
    await words.look(page, 'export dialog');
    // OpenLABEL keeps time segments, so this export has no writer problems (chinese-problems.test.ts has some).
    await exportAs(page, 'openlabel');
    const past = page.getByTestId('export-row').first();
    await past.locator('summary').first().click();
    await past.getByTestId('lineage-inputs').locator('summary').click();
    await words.look(page, 'export dialog, an export opened');

    await page.getByTestId('export-close').click();

    // Review: the name asked first, a round by acceptance sampling, a rejection with its issue, the dashboard.
    await page.getByTestId('backend').click();
    await page.keyboard.press('Tab');
    await page.getByTestId('box-panel').waitFor();
    await page.getByTestId('mode-review').click();
    await page.getByTestId('person-name').fill('李审');
    await words.look(page, 'the name asked before review');
    await page.getByTestId('person-name').press('Enter');
    await page.getByTestId('review-panel').waitFor();
    await page.getByTestId('start-round').click();
    await page.getByTestId('round-acceptance').waitFor();
    await page.getByTestId('verdict-box').getByRole('button').nth(1).click();
    await page.getByTestId('issue-form').waitFor();
    await words.look(page, 'review mode, a round and the rejection form');
    await page.getByTestId('issue-submit').click();
    await page.getByTestId('issues-panel').getByTestId('issue').waitFor();
    await page.getByTestId('close-round').click();
    await page.getByTestId('lot-outcome').waitFor();
    await words.look(page, 'review mode, an issue and a closed round');
    await page.screenshot({ path: screenshotPath('review-mode-zh-CN.png') });
    await page.getByTestId('dashboard-button').click();
    await page.getByTestId('dashboard-people').waitFor();
    await words.look(page, 'dashboard');
    await page.screenshot({ path: screenshotPath('dashboard-zh-CN.png') });
    await page.getByTestId('dashboard-close').click();
    await page.getByTestId('mode-annotate').click();

    // A loaded ontology in English: everything it names is marked as the user's, the app's words round it are not.
    await page.getByTestId('scenes-button').click();
    await page.getByTestId('ontology-file').setInputFiles({
      name: 'depot-yard.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(DEPOT)),
    });
    await page.getByTestId('ontology-loaded').waitFor();
    await words.look(page, 'scenes dialog, a loaded ontology');
    await page.keyboard.press('Escape');
    await page.getByTestId('scenes-dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('Tab');
    await page.getByTestId('box-panel').waitFor();
    expect(await page.getByTestId('guideline-class').textContent()).toContain('Saloon');
    expect(await page.getByTestId('attributes-track').textContent()).toContain('Fleet number');
    await words.look(page, 'a loaded ontology, a box selected');

    expect(words.list()).toEqual([]);
    // What the app names itself reads in Chinese, keys as Chinese keyboards and tools name them.
    expect(await page.getByTestId('scene-name').textContent()).toBe('演示路段');
    const keys = (action: string) => page.locator(`[data-testid=hotkey-row][data-action=${action}] kbd`).allTextContents(); // prettier-ignore
    await page.keyboard.press('?');
    expect(await keys('nextFrame')).toEqual(['→']);
    expect(await keys('cancel')).toEqual(['Esc']);
    expect(await keys('deleteBox')).toEqual(['删除', '退格']);
    expect(await keys('togglePlay')).toEqual(['空格']);
    expect(await keys('redo')).toEqual(['Ctrl + Shift + Z', 'Ctrl + Y']);
    await page.keyboard.press('?');
    await page.getByTestId('export-button').click();
    await page.getByTestId('version-row').first().waitFor();
    expect(await page.getByTestId('version-row').locator('.message').allTextContents()).toEqual([
      '导出为 OpenLABEL',
      '导出为 OpenLABEL',
    ]);
  });
});
