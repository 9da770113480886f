import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile, type BackendName } from './launch';
import { goToFrame } from './track-flow';
import {
  boxCount,
  egoToClient,
  openApp,
  openInBirdsEye,
  settle,
  storedCuboids,
  targetCar,
  viewportImage,
  waitUntil,
} from './app-flow';
import { countChangedNear } from './pixels';
import { createDemoDrive, DEMO_SEED } from '../../src/core/demo/index';
import { invertRigid, multiply, transformPoint } from '../../src/core/math/mat4';

/** Keyframes on frames 1 and 21, frame 11 interpolated, edited, kept: on both renderers. */
describe.each(['WebGPU', 'WebGL2'] as const)('a track through the drive on %s', (backend: BackendName) => {
  const profile = new Profile(backend);
  let page: Page;
  const car = targetCar();

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
    expect(await page.getByTestId('backend').textContent()).toContain(backend);
  });
  afterAll(() => profile.dispose());

  it('labels the car on frame 1, then gives its track a box on frame 21', async () => {
    const [x, y] = await egoToClient(page, car.position);
    await page.keyboard.press('n');
    await page.mouse.click(x, y);
    await waitUntil(
      'the box is saved',
      () => storedCuboids(page),
      (c) => c.length === 1,
    );
    await goToFrame(page, 21);
    // The track stays selected with no box on this frame.
    expect(await page.getByTestId('track-box-state').textContent()).toBe('no box on this frame');
    await page.keyboard.press('c');
    const boxes = await waitUntil(
      'the second keyframe is saved',
      () => storedCuboids(page),
      (c) => c.length === 2,
    );
    expect(boxes.map((b) => b.frameIndex).sort((a, b) => a - b)).toEqual([0, 20]);
    expect(await page.getByTestId('track-box-state').textContent()).toBe('keyframe here');
  });

  it("draws the vehicle's path and the track's path through the drive when asked", async () => {
    await settle(page);
    const before = await viewportImage(page);
    const summary = page.getByTestId('display-menu').locator('summary');
    await summary.click();
    await page.getByTestId('trajectories').click();
    await summary.click();
    await settle(page);
    const after = await viewportImage(page);
    // Where the vehicle was on frame 11, seen from frame 21: 10 frames back along its path.
    const frames = createDemoDrive(DEMO_SEED).scene.frames;
    const back = transformPoint(multiply(invertRigid(frames[20]!.worldFromEgo!), frames[10]!.worldFromEgo!), [0, 0, 0]);
    const [x, y] = await egoToClient(page, back);
    const box = (await page.getByTestId('viewport').boundingBox())!;
    expect(countChangedNear(before, after, Math.round(x - box.x), Math.round(y - box.y), 4)).toBeGreaterThan(0);
    await summary.click();
    await page.getByTestId('trajectories').click();
    await summary.click();
  });

  it('shows frame 11 interpolated, drawn dashed in the camera, and an edit there makes it a keyframe', async () => {
    await goToFrame(page, 11);
    expect(await page.getByTestId('track-box-state').textContent()).toBe('interpolated here');
    expect(await boxCount(page)).toBe(1);
    const projected = page.locator('[data-testid=projected-box][data-derived=true]');
    expect(await projected.count()).toBe(1);
    await page.keyboard.press('w');
    const boxes = await waitUntil(
      'the edit is saved',
      () => storedCuboids(page),
      (c) => c.length === 3,
    );
    const middle = boxes.find((b) => b.frameIndex === 10)!;
    expect(middle).toMatchObject({ keyframe: true, source: { kind: 'manual' } });
    expect(await page.getByTestId('track-box-state').textContent()).toBe('keyframe here');
    expect(await projected.count()).toBe(0);
  });

  it('finds frame 11 a keyframe after a reload', async () => {
    await page.reload();
    await openApp(page, inject('baseURL'), backend);
    await page.getByTestId('view-birds-eye').click();
    await goToFrame(page, 11);
    const middle = (await storedCuboids(page)).find((b) => b.frameIndex === 10)!;
    const [x, y] = await egoToClient(page, middle.position);
    await page.mouse.click(x, y);
    await waitUntil(
      'the box is selected',
      () => page.getByTestId('track-box-state').textContent(),
      (t) => t === 'keyframe here',
    );
    // Frame 16 lies between the keyframes on 11 and 21: derived again.
    await goToFrame(page, 16);
    expect(await page.getByTestId('track-box-state').textContent()).toBe('interpolated here');
  });

  it('plays at the sensor rate and pauses', async () => {
    await page.getByTestId('play').click();
    await waitUntil(
      'playback moves on',
      () => page.getByTestId('frame-label').textContent(),
      (t) => Number(t?.match(/Frame (\d+)/)?.[1]) >= 20,
    );
    await page.keyboard.press(' ');
    // A frame already asked for when the key was pressed may still land; nothing after it.
    await page.waitForTimeout(300);
    const stopped = await page.getByTestId('frame-label').textContent();
    await page.waitForTimeout(600);
    expect(await page.getByTestId('frame-label').textContent()).toBe(stopped);
  });
});
