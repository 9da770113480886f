import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { goToFrame, keyframeTrackOn, placeBoxAt } from './track-flow';
import {
  journalEntries,
  openApp,
  openInBirdsEye,
  settle,
  storedCuboids,
  targetCar,
  waitForFrame,
  waitUntil,
} from './app-flow';
import {
  frameX,
  LABEL_WIDTH,
  presenceBand,
  ROW_HEIGHT,
  segmentBand,
  type TimelineLayout,
} from '../../src/ui/timeline/timeline-layout';
import { screenshotPath } from './screenshot-path';
import { DEMO_FRAME_COUNT } from '../../src/core/demo/index';

type Rgb = [number, number, number];
const CAR: Rgb = [0xf5, 0x9e, 0x0b];
const FRAMES = DEMO_FRAME_COUNT;

/** The timeline canvas's place on the page and its layout (not scrolled: the test has one track). */
async function timeline(page: Page): Promise<{ left: number; top: number; layout: TimelineLayout }> {
  const box = await page.getByTestId('timeline-canvas').boundingBox();
  if (!box) throw new Error('the timeline canvas is not shown');
  const layout = { width: box.width, height: box.height, labelWidth: LABEL_WIDTH, rowHeight: ROW_HEIGHT };
  return { left: box.x, top: box.y, layout: { ...layout, frameCount: FRAMES, scrollTop: 0 } };
}

/** A pixel of the timeline canvas at CSS coordinates inside it, as drawn. */
async function pixel(page: Page, x: number, y: number): Promise<Rgb> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=timeline-canvas]')!;
      const k = window.devicePixelRatio;
      const d = canvas.getContext('2d')!.getImageData(Math.round(px! * k), Math.round(py! * k), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!] as Rgb;
    },
    [x, y],
  );
}

/** Orange like the car class: red well above blue, green between (solid or blended over the dark row). */
const carLike = ([r, g, b]: Rgb) => r > b + 40 && r >= g && g > b;

interface StoredSegment {
  id: string;
  trackId?: string;
  kind: string;
  startFrame: number;
  endFrame: number;
}

/** The live segments the journal adds up to. */
async function storedSegments(page: Page): Promise<StoredSegment[]> {
  const live = new Map<string, StoredSegment>();
  for (const entry of await journalEntries(page)) {
    for (const r of entry.patch.removed) live.delete(r.id);
    for (const [, r] of entry.patch.updated) if (r.type === 'segment') live.set(r.id, r as unknown as StoredSegment);
    for (const r of entry.patch.added) if (r.type === 'segment') live.set(r.id, r as unknown as StoredSegment);
  }
  return [...live.values()];
}

describe('the timeline: a row per track, click to jump, time segments with draggable edges', () => {
  const profile = new Profile('WebGL2');
  let page: Page;
  const car = targetCar();

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
  });
  afterAll(() => profile.dispose());

  it('shows a track present from frame 1 to 21 in its class colour, and not after', async () => {
    await placeBoxAt(page, car.position);
    await keyframeTrackOn(page, 21, 2);
    await settle(page);
    expect(await page.getByTestId('timeline-canvas').getAttribute('data-rows')).toBe('1');
    const { layout } = await timeline(page);
    const [top, bottom] = presenceBand(layout, 0);
    const y = (top + bottom) / 2;
    // A quarter into each frame's column: clear of the keyframe tick in its middle.
    const at = (f: number) => frameX(layout, f + 0.25);
    for (let f = 0; f <= 20; f++) expect(carLike(await pixel(page, at(f), y)), `frame ${f + 1}`).toBe(true);
    for (const f of [21, 30, 49]) expect(carLike(await pixel(page, at(f), y)), `frame ${f + 1}`).toBe(false);
    // The two stored frames are solid class colour; the derived ones between are fainter.
    const solid = await pixel(page, at(0), y);
    expect(Math.abs(solid[0] - CAR[0]) + Math.abs(solid[1] - CAR[1]) + Math.abs(solid[2] - CAR[2])).toBeLessThan(30);
    expect((await pixel(page, at(10), y))[0]).toBeLessThan(solid[0] - 40);
  });

  it('goes to frame 11 and selects the track on a click in its row', async () => {
    await page.keyboard.press('Escape');
    await goToFrame(page, 35);
    const { left, top, layout } = await timeline(page);
    await page.mouse.click(left + frameX(layout, 10.5), top + ROW_HEIGHT * 1.3);
    await waitForFrame(page, 11, FRAMES);
    expect(await page.getByTestId('track-box-state').textContent()).toBe('interpolated here');
  });

  it('adds a segment on the track, drags its right edge as one undo step, and undoes it', async () => {
    await page.getByTestId('add-segment').click();
    const [made] = await waitUntil(
      'the segment is saved',
      () => storedSegments(page),
      (s) => s.length === 1,
    );
    const trackId = (await storedCuboids(page))[0]!.trackId;
    expect(made).toMatchObject({ trackId, kind: 'lane_change', startFrame: 10, endFrame: 20 });
    expect(await page.getByTestId('segment-frames').textContent()).toBe('Frames 11–21');
    await settle(page);
    const { left, top, layout } = await timeline(page);
    const [bandTop, bandBottom] = segmentBand(layout, 0);
    const y = top + (bandTop + bandBottom) / 2;
    await page.mouse.move(left + frameX(layout, 21) - 1, y);
    await page.mouse.down();
    await page.mouse.move(left + frameX(layout, 26), y, { steps: 5 });
    await page.mouse.move(left + frameX(layout, 31), y, { steps: 5 });
    await page.mouse.up();
    const [dragged] = await waitUntil(
      'the drag is saved',
      () => storedSegments(page),
      (s) => s[0]?.endFrame === 30,
    );
    expect(dragged).toMatchObject({ startFrame: 10, endFrame: 30 });
    expect(await page.getByTestId('segment-frames').textContent()).toBe('Frames 11–31');
    const history = await page.getByTestId('history-entry').allTextContents();
    expect(history.filter((h) => h.startsWith('Move segment edge'))).toHaveLength(1);
    await page.keyboard.press('Control+z');
    await waitUntil(
      'the undo is saved',
      () => storedSegments(page),
      (s) => s[0]?.endFrame === 20,
    );
  });

  it('keeps the segment after a reload and draws it on the track row', async () => {
    await page.reload();
    await openApp(page, inject('baseURL'), 'WebGL2');
    await settle(page);
    const segments = await storedSegments(page);
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ startFrame: 10, endFrame: 20 });
    const { layout } = await timeline(page);
    const [bandTop, bandBottom] = segmentBand(layout, 0);
    const [r, g, b] = await pixel(page, frameX(layout, 15.5), (bandTop + bandBottom) / 2);
    // Lane change is violet (#8b5cf6): blue and red above green.
    expect(b > g + 40 && r > g).toBe(true);
    const [, , after] = await pixel(page, frameX(layout, 25.5), (bandTop + bandBottom) / 2);
    expect(after).toBeLessThan(120);
  });

  it('marks a segment of the whole scene with M when no track is selected, listed in the ? sheet', async () => {
    await page.keyboard.press('Escape');
    // Five frames before the end: the new segment's 10 frames are cut at the scene's last.
    await goToFrame(page, FRAMES - 5);
    await page.keyboard.press('m');
    const segments = await waitUntil(
      'the scene segment is saved',
      () => storedSegments(page),
      (s) => s.length === 2,
    );
    const scene = segments.find((s) => s.trackId === undefined);
    expect(scene).toMatchObject({ startFrame: FRAMES - 6, endFrame: FRAMES - 1 });
    await page.keyboard.press('?');
    expect(await page.locator('[data-testid=hotkey-row][data-action=addSegment] kbd').textContent()).toBe('M');
    await page.keyboard.press('?');
    await settle(page);
    await page.screenshot({ path: screenshotPath('timeline.png') });
  });
});
