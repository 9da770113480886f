import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { egoToClient, openInBirdsEye, settle, waitUntil, type StoredRecord } from './app-flow';
import { SHARED_DATA } from './data-files';
import { storedLabels } from './export-flow';
import { DEMO_FRAME_COUNT } from '../../src/core/demo/index';

/**
 * A real OpenLABEL file written by another tool, its cuboids in a camera frame (KITTI tracking sequence 0014,
 * 106 frames), brought into the demo drive (100 frames) through the export dialog. What the user should see is
 * worked out here from the JSON alone: the boxes of the frames the drive has, the rest reported, every box upright.
 */
const FILE = join(SHARED_DATA, 'kitti-tracking-openlabel', 'openlabel100_kitti_tracking_0014.json');
const DEMO_FRAMES = DEMO_FRAME_COUNT;

interface Source {
  inScene: number;
  pastEnd: number;
  dontCare: number;
  /** Height (KITTI h, the camera-frame box's sy) of each object on frame 0, by object name. */
  heights: Map<string, number>;
}

function readSource(): Source {
  type Ol = { openlabel: { objects: Record<string, { name: string; object_data?: { cuboid?: unknown[] } }>; frames: Record<string, { objects?: Record<string, { object_data?: { cuboid?: { val: number[] }[] } }> }> } }; // prettier-ignore
  const { openlabel } = JSON.parse(readFileSync(FILE, 'utf8')) as Ol;
  const source: Source = { inScene: 0, pastEnd: 0, dontCare: 0, heights: new Map() };
  for (const [key, frame] of Object.entries(openlabel.frames)) {
    for (const [object, o] of Object.entries(frame.objects ?? {})) {
      const val = o.object_data?.cuboid?.[0]?.val;
      if (!val) continue;
      if (!(val[6]! > 0)) source.dontCare++;
      else if (Number(key) < DEMO_FRAMES) source.inScene++;
      else source.pastEnd++;
      if (key === '0' && val[6]! > 0) source.heights.set(openlabel.objects[object]!.name, val[7]!);
    }
  }
  // A cuboid in an object's own data (the vehicle's "Egocar") holds on every frame of the scene.
  const everywhere = Object.values(openlabel.objects).filter((o) => o.object_data?.cuboid?.length).length;
  source.inScene += everywhere * DEMO_FRAMES;
  source.pastEnd += everywhere * (Object.keys(openlabel.frames).length - DEMO_FRAMES);
  return source;
}

describe('import a label file from another tool into the open scene', () => {
  const profile = new Profile('WebGL2');
  const source = readSource();
  let page: Page;

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
  });
  afterAll(() => profile.dispose());

  it("adds the boxes of the scene's frames as one edit and sums up what it left out, one line per kind", async () => {
    await page.getByTestId('export-button').click();
    await page.getByTestId('label-import-file').setInputFiles(FILE);
    const done = page.getByTestId('label-import-done');
    await done.waitFor();
    expect(await done.textContent()).toContain(`Imported ${source.inScene} boxes`);
    const groups = page.getByTestId('label-import-problems').getByTestId('problem-group');
    const counts = Object.fromEntries(
      await Promise.all((await groups.all()).map(async (g) => [await g.getAttribute('data-code'), Number(await g.getAttribute('data-count'))])), // prettier-ignore
    );
    expect(counts).toMatchObject({ 'labels.frame.outside-scene': source.pastEnd, 'openlabel.cuboid.nonpositive-size': source.dontCare }); // prettier-ignore
    const stored = await waitUntil('the import is stored', () => storedLabels(page), (r) => r.filter((c) => c.type === 'cuboid').length >= source.inScene); // prettier-ignore
    const boxes = stored.filter((r) => r.type === 'cuboid');
    expect(boxes).toHaveLength(source.inScene);
    for (const b of boxes) expect(Math.max(Math.abs(b['pitch'] as number), Math.abs(b['roll'] as number))).toBeLessThan(0.03); // prettier-ignore
    await page.getByTestId('export-close').click();
  });

  it("shows a selected box upright in the box panel: pitch and roll near 0, KITTI's height as its height", async () => {
    const onFrame0 = (await storedLabels(page)).filter((r): r is StoredRecord & { position: number[] } => r.type === 'cuboid' && r['frameIndex'] === 0 && source.heights.has(String(r['trackId']))); // prettier-ignore
    // The nearest object that is not the vehicle itself, so the click lands on it in the bird's-eye view.
    const target = onFrame0.sort((a, b) => Math.hypot(a.position[0]!, a.position[1]!) - Math.hypot(b.position[0]!, b.position[1]!))[0]!; // prettier-ignore
    const [x, y] = await egoToClient(page, target.position as [number, number, number]);
    await page.mouse.click(x, y);
    await settle(page);
    const pitch = page.getByTestId('box-pitch');
    await pitch.waitFor();
    const value = async (id: string) => Number(await page.getByTestId(id).inputValue());
    expect(Math.abs(await value('box-pitch'))).toBeLessThan(2);
    expect(Math.abs(await value('box-roll'))).toBeLessThan(2);
    expect(await value('box-size-2')).toBeCloseTo(source.heights.get(String(target['trackId']))!, 1);
  });
});
