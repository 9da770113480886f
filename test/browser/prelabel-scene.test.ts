import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { boxCount, openInBirdsEye, settle, waitUntil, type StoredRecord } from './app-flow';
import { exportAs, storedLabels } from './export-flow';
import { readOpenLabel } from '../../src/formats/labels/openlabel-reader';
import { validateOpenLabel } from '../../src/formats/labels/openlabel-validate';
import { screenshotPath } from './screenshot-path';

type Source = { kind: string; model?: string; confirmed?: boolean };
const cuboidsOf = (records: StoredRecord[]) => records.filter((r) => r.type === 'cuboid');
const tracksOf = (records: StoredRecord[]) => records.filter((r) => r.type === 'track');
const sourceOf = (r: StoredRecord) => r['source'] as Source;

describe('pre-labelling the demo drive in the browser', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  let before: StoredRecord[];
  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
  });
  afterAll(() => profile.dispose());

  it('detects and tracks the drive on the workers, with progress, and stores pending pre-labels', async () => {
    await page.getByTestId('prelabel-run').click();
    const status = await waitUntil(
      'the pre-labelling run ends',
      () =>
        page
          .getByTestId('prelabel-status')
          .textContent()
          .catch(() => null),
      (t) => !!t?.startsWith('Pre-labels:'),
      300_000,
    );
    before = await storedLabels(page);
    const boxes = cuboidsOf(before);
    expect(tracksOf(before).length).toBeGreaterThan(5);
    expect(boxes.every((c) => sourceOf(c).kind === 'prelabel' && sourceOf(c).model === 'frustum-classic')).toBe(true);
    expect(status).toContain(`${tracksOf(before).length} tracks, ${boxes.length} boxes added`);
    await settle(page);
    expect(await boxCount(page)).toBeGreaterThan(0);
    // In the camera too, every box on screen is drawn as a pre-label still to confirm (dotted).
    const projected = page.getByTestId('projected-box');
    expect(await projected.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=projected-box][data-pending=true]').count()).toBe(await projected.count());
  });

  it('confirms one track and rejects another from the box panel', async () => {
    await page.keyboard.press('Tab');
    await page.getByTestId('prelabel-review').waitFor();
    expect(await page.getByTestId('prelabel-origin').textContent()).toMatch(/Pre-label by frustum-classic \S+, score 0\.\d\d/); // prettier-ignore
    await settle(page);
    await page.screenshot({ path: screenshotPath('prelabel-demo.png') });
    await page.getByTestId('prelabel-confirm-track').click();
    const confirmed = await waitUntil(
      'one track is confirmed',
      () => storedLabels(page),
      (r) => cuboidsOf(r).some((c) => sourceOf(c).confirmed === true),
    );
    const confirmedTracks = new Set(cuboidsOf(confirmed).filter((c) => sourceOf(c).confirmed).map((c) => c['trackId'])); // prettier-ignore
    expect(confirmedTracks.size).toBe(1);
    const [kept] = [...confirmedTracks];
    expect(
      cuboidsOf(confirmed)
        .filter((c) => c['trackId'] === kept)
        .every((c) => sourceOf(c).confirmed),
    ).toBe(true);
    // The confirmed box reads as confirmed; the next box is another track's, still to be looked at.
    await page.keyboard.press('Tab');
    await page.getByTestId('prelabel-review').waitFor();
    await page.getByTestId('prelabel-reject-track').click();
    const after = await waitUntil(
      'a track is rejected',
      () => storedLabels(page),
      (r) => tracksOf(r).length === tracksOf(before).length - 1,
    );
    expect(tracksOf(after).some((t) => t.id === kept)).toBe(true);
    // The dashboard counts what the engine produced and what was confirmed.
    const confirmedBoxes = cuboidsOf(after).filter((c) => sourceOf(c).confirmed).length;
    await page.getByTestId('dashboard-button').click();
    const cells = await waitUntil(
      'the dashboard shows the engine',
      () => page.getByTestId('dashboard-prelabel-row').locator('td').allTextContents(),
      (t) => !!t[0]?.includes('frustum-classic'),
    );
    const n = (v: number) => v.toLocaleString('en');
    // Engine, produced, confirmed, corrected, still to confirm, corrected share.
    expect(cells.slice(1)).toEqual([n(cuboidsOf(after).length), n(confirmedBoxes), '0', n(cuboidsOf(after).length - confirmedBoxes), '0%']); // prettier-ignore
    await page.getByTestId('dashboard-close').click();
  });

  it('exports OpenLABEL with the engine in every box and what became of its boxes in the lineage', async () => {
    const stored = await storedLabels(page);
    await page.getByTestId('export-button').click();
    const download = await exportAs(page, 'openlabel');
    const text = readFileSync((await download.path())!, 'utf8');
    validateOpenLabel(text, 'export.json');
    const read = readOpenLabel(text, 'export.json').set;
    expect(read.tracks).toHaveLength(tracksOf(stored).length);
    // Every stored box (keyframes and the tracker's coasted boxes) names the engine; boxes derived between them
    // are exported as interpolated.
    const sources = read.cuboids.map((c) => c.source).filter((s) => s.kind !== 'interpolated');
    expect(sources).toHaveLength(cuboidsOf(stored).length);
    expect(sources.every((s) => s.kind === 'prelabel' && s.model === 'frustum-classic')).toBe(true);
    const confirmedCount = cuboidsOf(stored).filter((c) => sourceOf(c).confirmed).length;
    expect(sources.filter((s) => s.kind === 'prelabel' && s.confirmed).length).toBe(confirmedCount);
    const lineage = (JSON.parse(text) as { openlabel: { metadata: Record<string, unknown> } }).openlabel.metadata;
    expect(JSON.stringify(lineage)).toContain('frustum-classic');
    expect(JSON.stringify(lineage)).toContain(`"confirmed":${confirmedCount}`);
  });
});
