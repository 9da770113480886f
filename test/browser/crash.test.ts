import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { egoToClient, journalEntries, openApp, openInBirdsEye, storedCuboids, targetCar, waitUntil } from './app-flow';
import { placeBoxAt } from './track-flow';
import { applyPatch, type LabelDoc, type Patch } from '../../src/core/edits/patch';
import type { Cuboid } from '../../src/core/model/labels';

/** The burst: gestures of a held `W`, each press and its repeats one undo entry of four 5 cm steps. */
const GESTURES = 60;
const REPEATS = 4;
const STEP_M = 0.05;
/** Steps the page must have acknowledged as stored before the crash, so the crash lands mid-burst. */
const ACKNOWLEDGED_BEFORE_CRASH = 24;

interface SaveState {
  stored: number;
  pending: number;
}

/** What the status bar says of the journal: entries committed to disk by this page, and writes still going. */
function saveState(page: Page): Promise<SaveState> {
  return page.getByTestId('save-state').evaluate((el: HTMLElement) => ({
    stored: Number(el.dataset['stored']),
    pending: Number(el.dataset['pending']),
  }));
}

/**
 * Replays journal entries onto `doc` as the app does on load, and checks what `applyPatch` does not: that each
 * update starts from the record as the entries before it left it. A torn or lost entry breaks the chain.
 */
function replayWhole(doc: LabelDoc, entries: { patch: unknown }[]): void {
  entries.forEach(({ patch }, i) => {
    for (const [before] of (patch as Patch).updated)
      expect(doc.get(before.id), `entry ${i} starts where the one before it ended`).toEqual(before);
    applyPatch(doc, patch as Patch);
  });
}

describe('a crash mid-burst: the browser is killed, and every edit it acknowledged is there after a restart', () => {
  const profile = new Profile('WebGL2');
  const baseURL = inject('baseURL');
  let page: Page;
  let startEntries: number;
  let startHistory: number;
  let acknowledged: SaveState;

  beforeAll(async () => {
    page = await openInBirdsEye(profile, baseURL);
    await placeBoxAt(page, targetCar().position);
    await page.getByTestId('box-panel').waitFor();
    const settled = await waitUntil('the fit is stored', () => saveState(page), (s) => s.pending === 0 && s.stored > 0); // prettier-ignore
    startEntries = (await journalEntries(page)).length;
    expect(settled.stored).toBe(startEntries);
    startHistory = await page.getByTestId('history-entry').count();
  });
  afterAll(() => profile.dispose());

  it('kills the browser with writes in flight, right after the page acknowledged a count of them', async () => {
    const burst = (async () => {
      for (let g = 0; g < GESTURES; g++) {
        for (let r = 0; r < REPEATS; r++) await page.keyboard.down('w');
        await page.keyboard.up('w');
      }
    })().catch(() => undefined); // cut short by the crash
    // The signal: the status bar's count of committed entries, read the moment it changes, with writes pending.
    acknowledged = await page.getByTestId('save-state').evaluate(
      (el: HTMLElement, [start, enough]) =>
        new Promise<SaveState>((resolve) => {
          const observer = new MutationObserver(() => {
            const stored = Number(el.dataset['stored']) - start;
            const pending = Number(el.dataset['pending']);
            if (stored < enough || pending === 0) return;
            observer.disconnect();
            resolve({ stored, pending });
          });
          observer.observe(el, { attributes: true });
        }),
      [startEntries, ACKNOWLEDGED_BEFORE_CRASH] as const,
    );
    await profile.crash();
    await burst;
    expect(acknowledged.pending).toBeGreaterThan(0);
  });

  it('reopens the profile with every acknowledged step stored, each whole, none torn', async () => {
    page = await profile.open();
    await openApp(page, baseURL, 'WebGL2');
    const entries = await journalEntries(page);
    const steps = entries.slice(startEntries);
    // At least every acknowledged step, and no more than the burst pressed.
    expect(steps.length).toBeGreaterThanOrEqual(acknowledged.stored);
    expect(steps.length).toBeLessThanOrEqual(GESTURES * REPEATS);
    expect(new Set(steps.map((e) => e.name))).toEqual(new Set(['updateCuboid']));
    const doc: LabelDoc = new Map();
    replayWhole(doc, entries.slice(0, startEntries));
    const [start] = [...doc.values()].filter((r): r is Cuboid => r.type === 'cuboid');
    replayWhole(doc, steps);
    // Each step is one whole 5 cm move along the box's heading: never a box between two steps.
    for (const { patch } of steps) {
      expect(patch.updated).toHaveLength(1);
      const [before, after] = patch.updated[0] as unknown as [{ position: number[] }, { position: number[] }];
      const [dx, dy] = [0, 1].map((i) => after.position[i]! - before.position[i]!);
      expect(Math.hypot(dx!, dy!)).toBeCloseTo(STEP_M, 9);
      expect(Math.atan2(dy!, dx!)).toBeCloseTo(start!.yaw, 6);
    }
    const [box] = await storedCuboids(page);
    expect(box).toEqual([...doc.values()].find((r) => r.type === 'cuboid'));
    const travelled = Math.hypot(box!.position[0] - start!.position[0]!, box!.position[1] - start!.position[1]!);
    expect(travelled).toBeCloseTo(steps.length * STEP_M, 6);
    // The app loaded every entry (none skipped) and may edit: no alert, no read-only notice.
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('read-only').count()).toBe(0);
    // What the person sees is the stored box.
    await page.keyboard.press('Escape');
    const [x, y] = await egoToClient(page, box!.position);
    await page.mouse.click(x, y);
    await page.getByTestId('box-panel').waitFor();
    for (const i of [0, 1])
      expect(Number(await page.getByTestId(`box-position-${i}`).inputValue())).toBeCloseTo(box!.position[i]!, 3);
  });

  it('rebuilds the history: one entry a held key, and undo takes back the last gesture whole', async () => {
    const steps = (await journalEntries(page)).slice(startEntries);
    const gestures = Math.ceil(steps.length / REPEATS);
    expect(new Set(steps.map((e) => (e as { gesture?: string }).gesture)).size).toBe(gestures);
    expect(await page.getByTestId('history-entry').count()).toBe(startHistory + gestures);
    const before = (await storedCuboids(page))[0]!;
    const [last] = steps.at(-1)!.patch.updated;
    const [firstOfGesture] = steps[(gestures - 1) * REPEATS]!.patch.updated;
    expect(last![1]['position']).toEqual(before.position);
    await page.keyboard.press('Control+z');
    await waitUntil(
      'the last gesture is undone, whole',
      () => storedCuboids(page),
      ([c]) => JSON.stringify(c!.position) === JSON.stringify(firstOfGesture![0]['position']),
    );
    expect(await page.locator('[data-testid=history-entry][data-undone=true]').count()).toBe(1);
  });
});
