import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { egoToClient, openApp, settle, targetCar, waitUntil } from './app-flow';
import { exportAs, historyNames, storedLabels } from './export-flow';
import { validateOpenLabel } from '../../src/formats/labels/openlabel-validate';
import { readOpenLabel } from '../../src/formats/labels/openlabel-reader';
import { readBundle } from '../../src/formats/bundle/read-bundle';

/** ASAM's published schema, read where the shared test data keeps it (never copied into the project). */
const ASAM_SCHEMA = JSON.parse(
  readFileSync(
    new URL('../../../shared/data/openlabel/schema/openlabel_json_schema-v1.0.0.json', import.meta.url),
    'utf8',
  ),
) as object;

describe('export from the UI and bring a bundle back into a fresh browser', () => {
  const first = new Profile('WebGL2');
  const second = new Profile('WebGL2');
  const scratch = mkdtempSync(join(tmpdir(), 'frustum-export-'));
  const bundlePath = join(scratch, 'demo.frustum.zip');
  let page: Page;
  let versionId: string;
  const car = targetCar();

  beforeAll(async () => {
    page = await first.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
    await page.getByTestId('view-birds-eye').click();
    await settle(page);
  });
  afterAll(async () => {
    await first.dispose();
    await second.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('places a box and saves the labels as a version with a message', async () => {
    const [x, y] = await egoToClient(page, car.position);
    await page.keyboard.press('n');
    await page.mouse.click(x, y);
    await waitUntil('the box is saved', () => storedLabels(page), (r) => r.some((c) => c.type === 'cuboid')); // prettier-ignore
    await page.getByTestId('export-button').click();
    await page.getByTestId('version-message').fill('first car');
    await page.getByTestId('version-save').click();
    await page.getByTestId('version-row').first().waitFor();
    expect(await page.getByTestId('version-row').count()).toBe(1);
    expect(await page.getByTestId('version-row').textContent()).toContain('first car');
    versionId = (await page.getByTestId('version-row').getAttribute('data-id'))!;
  });

  it("exports OpenLABEL that our schema and ASAM's accept, holding the box and naming the saved version", async () => {
    const download = await exportAs(page, 'openlabel');
    expect(download.suggestedFilename()).toBe('Demo-drive-openlabel.json');
    const text = readFileSync((await download.path())!, 'utf8');
    validateOpenLabel(text, 'export.json');
    validateOpenLabel(text, 'export.json', ASAM_SCHEMA);
    const stored = (await storedLabels(page)).find((r) => r.type === 'cuboid')!;
    const read = readOpenLabel(text, 'export.json').set;
    expect(read.cuboids).toHaveLength(1);
    const box = read.cuboids[0]!;
    expect(box.frameIndex).toBe(0);
    box.position.forEach((v, i) => expect(v).toBeCloseTo((stored['position'] as number[])[i]!, 6));
    const lineage = (JSON.parse(text) as { openlabel: { metadata: { frustum: { lineage: Record<string, unknown> } } } }).openlabel.metadata.frustum.lineage; // prettier-ignore
    // The labels did not change since the version was saved: the export names it rather than a new one.
    expect(lineage).toMatchObject({ labelVersionId: versionId, author: 'local', ontology: { id: 'general-driving' } });
    expect((lineage['inputs'] as { path: string; sha256: string }[])[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('version-row').count()).toBe(1);
  });

  it('exports a bundle and lists both exports, each with its full lineage', async () => {
    await page.getByTestId('export-close').click();
    // A second edit after the version: the bundle's export makes a new version whose parent is the saved one.
    await page.keyboard.press('w');
    await waitUntil(
      'two history entries',
      () => historyNames(page),
      (h) => h.length === 2,
    );
    await page.getByTestId('export-button').click();
    const download = await exportAs(page, 'bundle');
    await download.saveAs(bundlePath);
    const bundle = readBundle(new Uint8Array(readFileSync(bundlePath)), 'demo.frustum.zip');
    expect(bundle.versions.map((v) => v.message)).toEqual(['first car', 'Exported as bundle']);
    expect(bundle.lineage.parentVersionId).toBe(versionId);
    // The checks' findings go with it: the box was placed with its occlusion left unsaid.
    expect(bundle.reviews.map((r) => [r.kind, r.sceneId, r.check])).toContainEqual(['auto', bundle.scene.id, 'attributeMissing']); // prettier-ignore
    expect(await page.getByTestId('version-row').count()).toBe(2);
    const rows = page.getByTestId('export-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-format')).toBe('bundle');
    await rows.first().locator('summary').first().click();
    const lineage = rows.first().getByTestId('lineage');
    expect(await lineage.locator('[data-field=parentVersionId]').textContent()).toBe(versionId);
    expect(await lineage.locator('[data-field=labelVersionId]').textContent()).toBe(bundle.lineage.labelVersionId);
  });

  it('re-imports the downloaded bundle into a fresh browser: same boxes, history and export list', async () => {
    const labels = await storedLabels(page);
    const history = await historyNames(page);
    await page.getByTestId('export-close').click();
    const fresh = await second.open();
    await openApp(fresh, inject('baseURL'), 'WebGL2');
    expect(await storedLabels(fresh)).toEqual([]);
    await fresh.getByTestId('scenes-button').click();
    await fresh.getByTestId('bundle-input').setInputFiles(bundlePath);
    await waitUntil(
      'the labels arrive',
      () => storedLabels(fresh),
      (r) => r.length === labels.length,
    );
    expect(await storedLabels(fresh)).toEqual(labels);
    await waitUntil('the history panel is rebuilt', () => historyNames(fresh), (h) => h.length === history.length); // prettier-ignore
    expect(await historyNames(fresh)).toEqual(history);
    await fresh.getByTestId('export-button').click();
    await fresh.getByTestId('export-row').first().waitFor();
    expect(await fresh.getByTestId('export-row').count()).toBe(2);
    expect(await fresh.getByTestId('version-row').count()).toBe(2);
    const row = fresh.getByTestId('export-row').first();
    await row.locator('summary').first().click();
    expect(await row.getByTestId('lineage').locator('[data-field=parentVersionId]').textContent()).toBe(versionId);
    // Undo reaches back through the imported history.
    await fresh.getByTestId('export-close').click();
    await fresh.keyboard.press('Control+z');
    await waitUntil('one entry undone', () => fresh.locator('[data-testid=history-entry][data-undone=true]').count(), (n) => n === 1); // prettier-ignore
  });
});
