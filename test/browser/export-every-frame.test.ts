import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { Profile, type BackendName } from './launch';
import { openInBirdsEye, targetCar } from './app-flow';
import { exportAs } from './export-flow';
import { keyframeTrackOn, placeBoxAt } from './track-flow';
import { readBundle } from '../../src/formats/bundle/read-bundle';
import { readCsv } from '../../src/formats/labels/csv-reader';
import { readNuscenesStyle } from '../../src/formats/labels/nuscenes-reader';
import { readOpenLabel } from '../../src/formats/labels/openlabel-reader';
import { materializeCuboids } from '../../src/core/tracks/materialize-cuboids';

/**
 * A track keyed on frames 1 and 11 only, as a user keys it, must leave in every format with a box on every
 * frame from 1 to 11: the nine between are derived in the app, and a file in another format knows nothing of
 * interpolation. Each download is read back here with the format's own structure.
 */
const FRAMES = Array.from({ length: 11 }, (_, i) => i);

describe.each(['WebGPU', 'WebGL2'] as const)('exports on %s: every frame between keyframes', (backend: BackendName) => {
  const profile = new Profile(backend);
  let page: Page;
  const download = async (format: string) => {
    const file = await exportAs(page, format);
    return new Uint8Array(readFileSync((await file.path())!));
  };

  beforeAll(async () => {
    page = await openInBirdsEye(profile, inject('baseURL'));
    expect(await page.getByTestId('backend').textContent()).toContain(backend);
    await placeBoxAt(page, targetCar().position);
    await keyframeTrackOn(page, 11, 2);
    await page.getByTestId('export-button').click();
  });
  afterAll(() => profile.dispose());

  it('OpenLABEL, nuScenes-style JSON and CSV: one box on each of frames 1–11', async () => {
    const openlabel = readOpenLabel(strFromU8(await download('openlabel')), 'a.json').set.cuboids;
    expect(openlabel.map((c) => c.frameIndex)).toEqual(FRAMES);
    // Nine of them are marked as derived, the two keyframes as set by hand.
    expect(openlabel.filter((c) => c.keyframe).map((c) => c.frameIndex)).toEqual([0, 10]);
    const nuscenes = readNuscenesStyle(strFromU8(await download('nuscenes')), 'a.json').set.cuboids;
    expect(nuscenes.map((c) => c.frameIndex)).toEqual(FRAMES);
    const zip = unzipSync(await download('csv'));
    const csvName = Object.keys(zip).find((p) => p.endsWith('.csv'))!;
    expect(readCsv(strFromU8(zip[csvName]!), csvName).set.cuboids.map((c) => c.frameIndex)).toEqual(FRAMES);
  });

  it('KITTI object and tracking: a row on each of frames 1–11', async () => {
    const object = unzipSync(await download('kitti'));
    const rowsOn = (frame: number) => strFromU8(object[`label_2/${String(frame).padStart(6, '0')}.txt`]!).trim();
    for (const f of FRAMES) expect(rowsOn(f).split('\n')).toHaveLength(1);
    expect(rowsOn(11)).toBe('');
    const tracking = unzipSync(await download('kitti-tracking'));
    const labels = Object.entries(tracking).find(([p]) => p.startsWith('label_02/'))![1];
    const frames = strFromU8(labels)
      .trim()
      .split('\n')
      .map((row) => Number(row.split(' ')[0]));
    expect(frames).toEqual(FRAMES);
  });

  it('a bundle keeps the two keyframes, from which the boxes between are derived again', async () => {
    const bundle = readBundle(await download('bundle'), 'a.zip');
    const stored = bundle.records.filter((r) => r.type === 'cuboid');
    expect(stored.map((c) => c.frameIndex)).toEqual([0, 10]);
    const all = materializeCuboids(bundle.records, bundle.scene.frames);
    expect(all.map((c) => c.frameIndex)).toEqual(FRAMES);
  });
});
