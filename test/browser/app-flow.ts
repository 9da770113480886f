import type { Page } from 'playwright-core';
import { decodePng, type Image } from './pixels';
import type { BackendName, Profile } from './launch';
import { createDemoDrive, DEMO_SEED, groundTruthAt, groundTruthObjectIndex } from '../../src/core/demo/index';
import type { Cuboid } from '../../src/core/model/labels';

/** Opens the app and waits until the demo frame is on screen: backend reported, points counted, image shown. */
export async function openApp(page: Page, baseURL: string, backend: BackendName): Promise<void> {
  await page.goto(baseURL);
  await waitUntil(
    'the backend is reported',
    () => page.getByTestId('backend').textContent(),
    (t) => !!t?.includes(backend),
  );
  await waitUntil(
    'the sweep is loaded',
    () => pointCount(page),
    (n) => n > 50_000,
  );
  await page.getByTestId('camera-image').waitFor({ state: 'visible', timeout: 60_000 });
}

/** A fresh page of the profile with the app open on the demo drive, in the bird's-eye view, drawn. */
export async function openInBirdsEye(profile: Profile, baseURL: string): Promise<Page> {
  const page = await profile.open();
  await openApp(page, baseURL, profile.backend);
  await page.getByTestId('view-birds-eye').click();
  await settle(page);
  return page;
}

/** Polls `read` until `done` holds; usable in hooks, where `expect.poll` is not. */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeout = 90_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting until ${what} (last seen: ${JSON.stringify(last)})`);
}

/** Waits until the frame bar shows frame `shown` (1-based), exactly "Frame shown / total" where `total` is given. */
export async function waitForFrame(page: Page, shown: number, total?: number): Promise<void> {
  await waitUntil(
    `frame ${shown} is shown`,
    () => page.getByTestId('frame-label').textContent(),
    (t) => (total === undefined ? !!t?.startsWith(`Frame ${shown} /`) : t === `Frame ${shown} / ${total}`),
  );
}

export async function pointCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('point-count').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, '')) || 0;
}

export async function boxCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('box-count').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, '')) || 0;
}

export async function viewportImage(page: Page): Promise<Image> {
  return decodePng(await page.getByTestId('viewport').screenshot());
}

/** Waits for two animation frames so an on-demand draw has reached the screen. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300);
}

/** The client position where the viewer draws an ego-frame point. */
export async function egoToClient(page: Page, p: readonly [number, number, number]): Promise<[number, number]> {
  return page.evaluate(
    (point) => {
      const view = (window as unknown as { frustumView: { egoToClient(p: number[]): [number, number] } }).frustumView;
      return view.egoToClient(point);
    },
    [...p],
  );
}

export interface StoredCuboid {
  position: [number, number, number];
  size: [number, number, number];
  yaw: number;
  trackId: string;
  frameIndex: number;
  keyframe: boolean;
  source: { kind: string };
}

/** A journal entry as stored: the edit's name and its patch of plain records. */
export interface StoredEntry {
  name: string;
  patch: { added: StoredRecord[]; updated: [StoredRecord, StoredRecord][]; removed: StoredRecord[] };
}

export type StoredRecord = { type: string; id: string } & Record<string, unknown>;

/** Every entry of the app's IndexedDB journal, read as any script on the page could. */
export async function journalEntries(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(
    () =>
      new Promise<StoredEntry[]>((resolve, reject) => {
        const open = indexedDB.open('frustum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('journal').objectStore('journal').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as StoredEntry[]);
          };
        };
      }),
  );
}

/** The live cuboids the journal adds up to (snapshots aside: tests stay below the snapshot interval). */
export async function storedCuboids(page: Page): Promise<StoredCuboid[]> {
  const live = new Map<string, StoredCuboid>();
  for (const entry of await journalEntries(page)) {
    for (const r of entry.patch.removed) live.delete(r.id);
    for (const [, r] of entry.patch.updated) if (r.type === 'cuboid') live.set(r.id, r as unknown as StoredCuboid);
    for (const r of entry.patch.added) if (r.type === 'cuboid') live.set(r.id, r as unknown as StoredCuboid);
  }
  return [...live.values()];
}

/** Keys of the decoded frames the app cached in IndexedDB. */
export async function storedFrameKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('frustum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('frames').objectStore('frames').getAllKeys();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as string[]);
          };
        };
      }),
  );
}

/**
 * The ground-truth parked car of frame 0 nearest to a spot comfortably inside the default bird's-eye view: it
 * stays put in the world while the vehicle drives, stops and turns, so its box on any frame is known. `across`:
 * the one across the street instead, which the vehicle sees less of once it has turned.
 */
export function targetCar(across = false): Cuboid {
  const drive = createDemoDrive(DEMO_SEED);
  const { tracks, cuboids } = groundTruthAt(drive, 0);
  const parked = (trackId: string) => drive.objects[groundTruthObjectIndex(trackId)]?.path.kind === 'still';
  const carTracks = new Set(tracks.filter((t) => t.classId === 'car' && parked(t.id)).map((t) => t.id));
  const [spotX, spotY] = across ? [12, 14] : [12, 0];
  const cars = cuboids.filter(
    (c) =>
      carTracks.has(c.trackId) &&
      c.position[0] > 4 &&
      c.position[0] < 30 &&
      Math.abs(c.position[1]) < 15 &&
      (!across || c.position[1] > 8),
  );
  const away = (c: Cuboid) => Math.hypot(c.position[0] - spotX, c.position[1] - spotY);
  cars.sort((a, b) => away(a) - away(b));
  if (!cars[0]) throw new Error('the demo drive has no parked car in view on frame 0');
  return cars[0];
}
