import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { boxCount, egoToClient, journalEntries, openApp, settle, targetCar, waitUntil } from './app-flow';

/** A user's ontology: one class with an attribute of every kind, static and dynamic, and a second class. */
const depot = {
  format: 'frustum-ontology',
  id: 'test-depot',
  name: 'Test depot',
  version: 1,
  classes: [
    {
      id: 'sedan',
      name: 'Sedan',
      names: { 'zh-CN': '三厢车' },
      color: '#10b981',
      defaultSize: [4.5, 1.8, 1.5],
      guideline: 'Four-door saloons only; box the body.',
      attributes: [
        { id: 'emergency_lights', name: 'Emergency lights', kind: 'boolean', dynamic: false },
        { id: 'fleet', name: 'Fleet number', kind: 'text', dynamic: false },
        { id: 'parked', name: 'Parked', kind: 'enum', dynamic: true, values: ['yes', 'no'] },
        { id: 'doors_open', name: 'Doors open', kind: 'number', dynamic: true, min: 0, max: 4 },
      ],
    },
    { id: 'kerb_robot', name: 'Kerb robot', color: '#e879f9', defaultSize: [0.8, 0.6, 0.9] },
  ],
};

type Row = { id: string; type?: string } & Record<string, unknown>;

/** Every record of one IndexedDB store of the app, read as any script on the page could. */
function readStore(page: Page, store: string): Promise<Row[]> {
  return page.evaluate(
    (name) =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('frustum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as Row[]);
          };
        };
      }),
    store,
  );
}

/** The live label records (tracks and cuboids) the journal adds up to. */
async function liveRecords(page: Page): Promise<Row[]> {
  const live = new Map<string, Row>();
  for (const entry of await journalEntries(page)) {
    for (const r of entry.patch.removed) live.delete(r.id);
    for (const [, r] of entry.patch.updated) live.set(r.id, r);
    for (const r of entry.patch.added) live.set(r.id, r);
  }
  return [...live.values()];
}

const optionTexts = (page: Page, testId: string) => page.getByTestId(testId).locator('option').allTextContents();

describe('a user ontology, from its file to the stored labels', () => {
  const profile = new Profile('WebGL2');
  const dir = mkdtempSync(join(tmpdir(), 'frustum-ontology-'));
  let page: Page;

  beforeAll(async () => {
    writeFileSync(join(dir, 'depot.json'), JSON.stringify(depot, null, 2));
    const broken = { ...depot, classes: [{ ...depot.classes[1], color: 'teal' }] };
    writeFileSync(join(dir, 'broken-classes.json'), JSON.stringify(broken));
    page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
  });
  afterAll(async () => {
    await profile.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the file through the scenes dialog and offers its classes', async () => {
    await page.getByTestId('scenes-button').click();
    await page.getByTestId('ontology-file').setInputFiles(join(dir, 'depot.json'));
    await page.getByTestId('ontology-loaded').waitFor();
    expect(await page.getByTestId('ontology-select').inputValue()).toBe('test-depot');
    await page.getByTestId('scenes-dialog').getByRole('button', { name: 'Close' }).click();
    expect(await optionTexts(page, 'class')).toEqual(['Sedan', 'Kerb robot']);
    expect(await page.getByTestId('class').inputValue()).toBe('sedan');
  });

  it('places a box and sets a static and a dynamic attribute, refusing a number out of range', async () => {
    await page.getByTestId('view-birds-eye').click();
    await settle(page);
    const [x, y] = await egoToClient(page, targetCar().position);
    await page.keyboard.press('n');
    await page.mouse.click(x, y);
    await waitUntil(
      'the box is placed',
      () => boxCount(page),
      (n) => n === 1,
    );
    await page.getByTestId('box-panel').waitFor();
    expect(await page.getByTestId('box-class').inputValue()).toBe('sedan');

    await page.getByTestId('attribute-emergency_lights').check();
    await page.getByTestId('attribute-parked').selectOption('yes');
    await page.getByTestId('attribute-doors_open').fill('7');
    await page.getByTestId('attribute-doors_open').press('Enter');
    expect(await page.getByTestId('attribute-problem').textContent()).toBe('Doors open not set: it must be at most 4');
    await page.getByTestId('attribute-doors_open').fill('2');
    await page.getByTestId('attribute-doors_open').press('Enter');
    await page.getByTestId('attribute-problem').waitFor({ state: 'detached' });

    // The guideline panel follows the selected box's class.
    await page.getByTestId('frame-label').click();
    await page.keyboard.press('i');
    expect(await page.getByTestId('guideline-class').textContent()).toContain('Sedan');
    expect(await page.getByTestId('guideline-text').textContent()).toBe(depot.classes[0]!.guideline);
  });

  it('keeps the ontology, the choice and the attributes in IndexedDB across a reload', async () => {
    const attributesSaved = async () => {
      const records = await liveRecords(page);
      return {
        track: records.find((r) => r.type === 'track')?.['attributes'],
        cuboid: records.find((r) => r.type === 'cuboid')?.['attributes'],
      };
    };
    await waitUntil(
      'the attributes are saved',
      attributesSaved,
      (a) => (a.cuboid as Row | undefined)?.['doors_open'] === 2,
    );
    await page.reload();
    await openApp(page, inject('baseURL'), 'WebGL2');
    expect(await attributesSaved()).toEqual({
      track: { emergency_lights: true },
      cuboid: { parked: 'yes', doors_open: 2 },
    });
    const [stored] = await readStore(page, 'ontologies');
    expect(stored).toMatchObject({ id: 'test-depot', fileName: 'depot.json', ontology: { name: 'Test depot' } });
    const scenes = await readStore(page, 'scenes');
    expect(scenes.map((s) => s['ontologyId'])).toContain('test-depot');
    expect(await optionTexts(page, 'class')).toEqual(['Sedan', 'Kerb robot']);
  });

  it('keeps a box whose class another ontology lacks, named by its id', async () => {
    await page.getByTestId('scenes-button').click();
    await page.getByTestId('ontology-select').selectOption('kitti');
    await page.getByTestId('scenes-dialog').getByRole('button', { name: 'Close' }).click();
    expect(await optionTexts(page, 'class')).toContain('Person sitting');
    expect(await boxCount(page)).toBe(1);
    await page.keyboard.press('Tab');
    await page.getByTestId('box-panel').waitFor();
    expect(await page.getByTestId('box-class').inputValue()).toBe('sedan');
    expect(await page.getByTestId('attributes-kept').textContent()).toContain('emergency_lights');
  });

  it('refuses a broken file, naming it and the place to fix', async () => {
    await page.getByTestId('scenes-button').click();
    await page.getByTestId('ontology-file').setInputFiles(join(dir, 'broken-classes.json'));
    const error = page.getByTestId('ontology-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('broken-classes.json is not a valid ontology');
    // Each fault at its JSON path, what is wrong said by the app, the value as the file has it.
    expect(text).toMatch(/\/classes\/0\/color\s+teal is not a colour written #rrggbb\./);
    expect(await page.getByTestId('ontology-select').inputValue()).toBe('kitti');
  });
});
