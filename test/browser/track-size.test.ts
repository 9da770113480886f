import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { goToFrame, placeBoxAt } from './track-flow';
import { journalEntries, openInBirdsEye, storedCuboids, targetCar, waitUntil, type StoredCuboid } from './app-flow';
import { createDemoDrive, DEMO_SEED } from '../../src/core/demo/index';
import { normalizeAngle } from '../../src/core/math/angle';
import { yawOf } from '../../src/core/math/mat4';

/** The track record the journal adds up to (one track in these tests). */
async function storedTrack(page: Page): Promise<Record<string, unknown> | undefined> {
  let track: Record<string, unknown> | undefined;
  for (const entry of await journalEntries(page)) {
    for (const [, r] of entry.patch.updated) if (r.type === 'track') track = r;
    for (const r of entry.patch.added) if (r.type === 'track') track = r;
  }
  return track;
}

/** The box panel's size fields, as the user reads them (metres). */
async function panelSize(page: Page): Promise<number[]> {
  return Promise.all([0, 1, 2].map(async (i) => Number(await page.getByTestId(`box-size-${i}`).inputValue())));
}

/** Until the box panel no longer says it is reading the track's frames, and every edit is saved. */
async function sizeSettled(page: Page): Promise<string> {
  const line = page.getByTestId('box-size-source');
  await waitUntil(
    'the track size estimate is in',
    () => line.getAttribute('data-reading'),
    (r) => r === 'false',
  );
  return (await page.getByTestId('box-size-source-text').textContent()) ?? '';
}

/**
 * The demo drive's car parked across the street, fitted on frame 1 where it shows about 860 points, then given a
 * box on frame 61, where it shows about 340 (the vehicle is pulling away from the zebra): that frame's own fit is
 * narrower and lower, and must not become the track's size; it also points the car the other way, which must not
 * become its heading.
 */
describe('a rigid track’s size only improves: a sparse frame never shrinks it, a size set by hand wins', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  const car = targetCar(true);
  let placed: StoredCuboid;

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
    [placed] = (await placeBoxAt(page, car.position)) as [StoredCuboid];
  });
  afterAll(() => profile.dispose());

  it('says the size is this frame’s fit', async () => {
    expect(await sizeSettled(page)).toMatch(/^Size: this frame's fit, [\d,]+ points/);
    expect((await storedTrack(page))?.['sizeSource']).toMatchObject({ kind: 'fit', frameIndex: 0 });
  });

  it('a re-fit on a sparse frame moves and turns that box, but the track keeps its size', async () => {
    await goToFrame(page, 61);
    // Shift+C: a box for the track here, fitted to the points.
    await page.keyboard.press('Shift+C');
    await waitUntil(
      'the refit is saved',
      async () => (await journalEntries(page)).map((e) => e.name),
      (names) => names.includes('refitCuboid'),
    );
    const line = await sizeSettled(page);
    const boxes = await storedCuboids(page);
    expect(boxes.map((b) => b.frameIndex).sort((a, b) => a - b)).toEqual([0, 60]);
    const sparse = boxes.find((b) => b.frameIndex === 60)!;
    const copied = (await journalEntries(page)).find((e) => e.name === 'copyTrackHere')!.patch.added[0]!;
    // The fit moved or turned the copied box onto this frame's points.
    expect(JSON.stringify([sparse.position, sparse.yaw])).not.toBe(JSON.stringify([copied['position'], copied['yaw']])); // prettier-ignore
    // No side of either box got smaller than the dense frame's fit (an estimate from both frames may grow it).
    for (const b of boxes) b.size.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(placed.size[i]! - 0.005));
    expect(boxes[0]!.size).toEqual(boxes[1]!.size);
    expect((await panelSize(page)).map((v, i) => v - placed.size[i]!).every((d) => d > -0.005)).toBe(true);
    expect(line).toMatch(/^Size: (frame 1's fit|from 2 frames), [\d,]+ points/);
  });

  it('and keeps the parked car’s heading in the world: a sparse frame’s fit does not turn it', async () => {
    // The box panel's yaw is in frame 61's ego frame, the dense box's in frame 1's: compared in the world.
    const frames = createDemoDrive(DEMO_SEED).scene.frames;
    const shown = Number(await page.getByTestId('box-yaw').inputValue()) * (Math.PI / 180);
    const turn = normalizeAngle(shown + yawOf(frames[60]!.worldFromEgo!) - (placed.yaw + yawOf(frames[0]!.worldFromEgo!))); // prettier-ignore
    expect(Math.abs(turn) * (180 / Math.PI)).toBeLessThan(1);
  });

  it('a size set by hand in the box panel wins over a refit, until the user asks for a re-estimate', async () => {
    const length = page.getByTestId('box-size-0');
    await length.fill('5.2');
    await length.press('Enter');
    // Out of the field, so that the next key goes to the app.
    await length.blur();
    expect(await sizeSettled(page)).toBe('Size: set by hand');
    await page.keyboard.press('v');
    await waitUntil(
      'the second refit is saved',
      async () => (await journalEntries(page)).filter((e) => e.name === 'refitCuboid').length,
      (n) => n === 2,
    );
    const refitted = await storedCuboids(page);
    expect(refitted.map((b) => b.size[0])).toEqual([5.2, 5.2]);
    await page.getByTestId('box-reestimate').click();
    const line = await waitUntil(
      'the re-estimate is in',
      () => page.getByTestId('box-size-source-text').textContent(),
      (t) => !!t?.startsWith('Size: from 2 frames'),
    );
    expect(line).toMatch(/^Size: from 2 frames, [\d,]+ points/);
    const estimated = await waitUntil(
      'the estimate is saved',
      () => storedCuboids(page),
      (c) => c.every((b) => b.size[0] < 5.1),
    );
    // Both frames saw the car's whole side: the estimate is its length.
    expect(Math.abs(estimated[0]!.size[0] - car.size[0])).toBeLessThan(0.2);
    expect(await page.getByTestId('history-entry').last().textContent()).toContain('Estimate track size');
  });

  it('undoes the re-estimate in one step, back to the size set by hand', async () => {
    expect((await storedTrack(page))?.['sizeSource']).toMatchObject({ kind: 'points', frames: 2 });
    await page.keyboard.press('Control+z');
    await waitUntil(
      'the hand size is back on both boxes',
      () => storedCuboids(page),
      (c) => c.every((b) => b.size[0] === 5.2),
    );
    expect(await page.getByTestId('box-size-source-text').textContent()).toBe('Size: set by hand');
    expect((await storedTrack(page))?.['sizeSource']).toEqual({ kind: 'hand' });
  });
});
