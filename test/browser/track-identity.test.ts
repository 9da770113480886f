import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { openApp, waitUntil, type StoredRecord } from './app-flow';
import { importFolder } from './import-flow';
import { SHARED_DATA } from './data-files';
import { exportAs, historyNames, storedLabels } from './export-flow';
import { LABEL_WIDTH, ROW_HEIGHT } from '../../src/ui/timeline/timeline-layout';
import { readKittiCalib, rectFromVelo } from '../../src/formats/calibration/kitti-calib';
import { createKittiCamera } from '../../src/formats/calibration/kitti-camera';

const KITTI = join(SHARED_DATA, 'kitti-object/training');
/** The dataset's ids, as a data team's manifest gives them (UUIDs, and one integer), with the class of each. */
const TRACKS = [
  { trackId: '3f9a2c1e-77b0-4c1d-9e2a-1a2b3c4d5e6f', classId: 'car', frames: [0, 1], at: [12, 3] },
  { trackId: '3f9a2c7b-0d41-4e8a-b2c9-6f5e4d3c2b1a', classId: 'car', frames: [0, 1], at: [18, -3] },
  { trackId: 'b71e0c55-9a3d-4f20-8c61-2e9f7d4a1b30', classId: 'pedestrian', frames: [0], at: [9, 5] },
  { trackId: '17', classId: 'truck', frames: [0, 1], at: [25, 4] },
  { trackId: 'e0c4d2a9-5b18-4e7f-a3c6-90d1f2e3b4a5', classId: 'car', frames: [1], at: [30, -6] },
];
/** The names the naming rule gives them: class and dataset id, a UUID cut where no other shares its start. */
const NAMES = ['Car 3f9a2c1…', 'Car 3f9a2c7…', 'Pedestrian b71e0c…', 'Truck 17', 'Car e0c4d2…'];

/** A scene manifest on KITTI frames 1 and 2 (one calibration), with the labels of TRACKS, in a new folder. */
function writeScene(dir: string): void {
  const calib = readKittiCalib(readFileSync(join(KITTI, 'calib/000001.txt'), 'utf8'), 'calib/000001.txt');
  const camera = createKittiCamera('image_2', calib.projections[2]!, rectFromVelo(calib), 1242, 375);
  for (const sub of ['velodyne', 'image_2']) mkdirSync(join(dir, sub));
  for (const i of [1, 2]) {
    copyFileSync(join(KITTI, `velodyne/00000${i}.bin`), join(dir, `velodyne/00000${i}.bin`));
    copyFileSync(join(KITTI, `image_2/00000${i}.png`), join(dir, `image_2/00000${i}.png`));
  }
  const labels = [0, 1].map((frame) => ({
    frame,
    cuboids: TRACKS.filter((t) => t.frames.includes(frame)).map((t) => ({
      trackId: t.trackId,
      classId: t.classId,
      position: [t.at[0]! + frame, t.at[1]!, -0.9],
      size: t.classId === 'pedestrian' ? [0.6, 0.6, 1.8] : [4.5, 1.9, 1.6],
      yaw: 0.1,
    })),
  }));
  const manifest = {
    format: 'frustum-scene',
    version: 1,
    name: 'Drive with dataset ids',
    lidars: [{ id: 'velodyne', name: 'Velodyne', egoFromLidar: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], layout: 'kitti' }], // prettier-ignore
    cameras: [{ ...camera, distortion: { model: 'none' } }],
    frames: [1, 2].map((i, k) => ({
      timestampUs: 1_000_000 + k * 100_000,
      lidar: [{ sensorId: 'velodyne', path: `velodyne/00000${i}.bin` }],
      cameras: [{ sensorId: 'image_2', path: `image_2/00000${i}.png` }],
    })),
    labels,
  };
  writeFileSync(join(dir, 'frustum-manifest.json'), JSON.stringify(manifest, null, 2));
}

/** The tooltip the timeline shows over a track row's label: the track's whole name, as drawn there. */
async function rowName(page: Page, row: number): Promise<string> {
  const box = (await page.getByTestId('timeline-canvas').boundingBox())!;
  // Off the canvas first, so that the move onto the label is a pointer move even where the pointer already was.
  await page.mouse.move(box.x + LABEL_WIDTH / 2, box.y - 30);
  await page.mouse.move(box.x + LABEL_WIDTH / 2, box.y + ROW_HEIGHT * (row + 1.5));
  return (await page.getByTestId('timeline-canvas').getAttribute('title')) ?? '';
}

/** Types into the timeline's search box and waits for the rows it leaves. */
async function search(page: Page, query: string, rows: number): Promise<void> {
  await page.getByTestId('timeline-search').fill(query);
  await waitUntil(`${rows} rows for "${query}"`, () => rowCount(page), (n) => n === rows); // prettier-ignore
}

const rowCount = async (page: Page) => Number(await page.getByTestId('timeline-canvas').getAttribute('data-rows'));
const tracksOf = (records: StoredRecord[]) => records.filter((r) => r.type === 'track');
/** The dataset id and name of each stored track, sorted: what must survive a round trip. */
const identities = (records: StoredRecord[]) =>
  tracksOf(records)
    .map((t) => `${String(t['externalId'])} / ${String(t['name'] ?? '')}`)
    .sort();

describe("a manifest scene's tracks: names that differ, and the dataset's ids through export and back", () => {
  const profile = new Profile('WebGL2');
  const scratch = mkdtempSync(join(tmpdir(), 'frustum-identity-'));
  let page: Page;
  let original: string[];

  beforeAll(async () => {
    const scene = join(scratch, 'drive');
    mkdirSync(scene);
    writeScene(scene);
    page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
    await importFolder(page, scene);
  });
  afterAll(async () => {
    await profile.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('names every track by its class and dataset id in the timeline, all different, and finds them by search', async () => {
    await waitUntil('one row per track', () => rowCount(page), (n) => n === TRACKS.length); // prettier-ignore
    const shown = [];
    for (let row = 0; row < TRACKS.length; row++) shown.push(await rowName(page, row));
    expect(shown.sort()).toEqual([...NAMES].sort());
    await search(page, '3f9a2c', 2);
    expect(await rowName(page, 0)).toMatch(/^Car 3f9a2c[17]…$/);
    await search(page, 'TRUCK', 1);
    expect(await rowName(page, 0)).toBe('Truck 17');
    // A dataset id pasted whole finds its track, though the name shows only its start.
    await search(page, TRACKS[2]!.trackId, 1);
    expect(await rowName(page, 0)).toBe('Pedestrian b71e0c…');
    await search(page, '', TRACKS.length);
    original = identities(await storedLabels(page));
    expect(original).toEqual(TRACKS.map((t) => `${t.trackId} / `).sort());
  });

  it('shows the name and dataset id in the track panel; a rename is one undo step, seen in the timeline', async () => {
    await search(page, 'truck', 1);
    const box = (await page.getByTestId('timeline-canvas').boundingBox())!;
    await page.mouse.click(box.x + LABEL_WIDTH / 2, box.y + ROW_HEIGHT * 1.5);
    const name = page.getByTestId('track-name');
    await waitUntil(
      'the truck is selected',
      () => name.getAttribute('placeholder'),
      (p) => p === 'Truck 17',
    );
    expect(await page.getByTestId('track-dataset-id').textContent()).toBe('17');
    expect(await page.getByTestId('other-track').locator('option').allTextContents()).toEqual([
      'Another track…',
      ...NAMES.filter((n) => n !== 'Truck 17').sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    ]);
    await name.fill('Lead truck');
    await name.press('Enter');
    await search(page, 'lead', 1);
    expect(await rowName(page, 0)).toBe('Lead truck');
    const stored = await waitUntil('the name is stored', () => storedLabels(page), (r) => tracksOf(r).some((t) => t['name'] === 'Lead truck')); // prettier-ignore
    expect(tracksOf(stored).find((t) => t['name'] === 'Lead truck')!['externalId']).toBe('17');
    expect((await historyNames(page)).some((h) => h.includes('Rename track'))).toBe(true);
    // A name another track shows is refused, and said.
    await name.fill('Car e0c4d2…');
    await name.press('Enter');
    await page.getByTestId('track-name-refused').waitFor();
    expect(await name.inputValue()).toBe('Lead truck');
    await name.blur();
    await page.keyboard.press('Control+z');
    await search(page, '17', 1);
    await waitUntil(
      'the truck is named by its id again',
      () => rowName(page, 0),
      (n) => n === 'Truck 17',
    );
    await page.getByTestId('timeline-search').blur();
    await page.keyboard.press('Control+y');
    await waitUntil(
      'the name is back',
      () => rowName(page, 0),
      (n) => n === 'Lead truck',
    );
    await search(page, '', TRACKS.length);
    original = identities(await storedLabels(page));
    expect(original).toContain('17 / Lead truck');
  });

  /** Exports in `format`, imports the download back into the scene, and gives the file and the tracks it added. */
  async function roundTrip(format: string): Promise<{ bytes: Uint8Array; added: string[] }> {
    const before = tracksOf(await storedLabels(page)).length;
    await page.getByTestId('export-button').click();
    const download = await exportAs(page, format);
    const path = join(scratch, download.suggestedFilename());
    await download.saveAs(path);
    await page.getByTestId('label-import-file').setInputFiles(path);
    await page.getByTestId('label-import-done').waitFor();
    const stored = await waitUntil('the import is stored', () => storedLabels(page), (r) => tracksOf(r).length === before * 2); // prettier-ignore
    // The import adds copies beside the scene's tracks, their ids suffixed: those are the ones read back.
    const added = identities(stored.filter((r) => r.type === 'track' && /~\d+$/.test(r.id)));
    await page.getByTestId('export-close').click();
    await page.keyboard.press('Control+z');
    await waitUntil(
      'the import is undone',
      () => storedLabels(page),
      (r) => tracksOf(r).length === before,
    );
    return { bytes: new Uint8Array(readFileSync(path)), added };
  }

  it('writes the dataset ids into OpenLABEL as object uids and reads them back', async () => {
    const { bytes, added } = await roundTrip('openlabel');
    const objects = (JSON.parse(strFromU8(bytes)) as { openlabel: { objects: Record<string, { name: string }> } }).openlabel.objects; // prettier-ignore
    expect(Object.keys(objects).sort()).toEqual(TRACKS.map((t) => t.trackId).sort());
    expect(objects['17']!.name).toBe('Lead truck');
    expect(added).toEqual(original);
  });

  it('keeps the integer id as the KITTI track_id and the rest in the sidecar, read back from the zip', async () => {
    const { bytes, added } = await roundTrip('kitti-tracking');
    const files = unzipSync(bytes);
    const rows = strFromU8(files['label_02/0000.txt']!).trim().split('\n');
    expect(rows.filter((r) => r.split(' ')[2] === 'Truck').map((r) => r.split(' ')[1])).toEqual(['17', '17']);
    const sidecar = JSON.parse(strFromU8(files['frustum-lineage.json']!)) as { tracks: Record<string, { externalId: string }> }; // prettier-ignore
    expect(Object.values(sidecar.tracks).map((t) => t.externalId).sort()).toEqual(TRACKS.map((t) => t.trackId).sort()); // prettier-ignore
    expect(added).toEqual(original);
  });

  it('writes an external_id column into the CSV and reads it back', async () => {
    const { bytes, added } = await roundTrip('csv');
    // The CSV comes zipped with its lineage sidecar; the import read the zip as it was downloaded.
    const csv = Object.entries(unzipSync(bytes)).find(([path]) => path.endsWith('.csv'))![1];
    const [header, ...rows] = strFromU8(csv)
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const column = header!.split(',').indexOf('external_id');
    expect(column).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.split(',')[column]))).toEqual(new Set(TRACKS.map((t) => t.trackId)));
    expect(added).toEqual(original);
  });
});
