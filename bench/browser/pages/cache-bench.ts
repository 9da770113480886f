import { openDb, type CachedFrame, type CachedPoints, type FrustumDb } from '../../../src/storage/db';
import { FrameCache, frameKey } from '../../../src/storage/frame-cache';
import type { PointCloud } from '../../../src/core/model/point-cloud';
import { sample, type PageSamples } from './sample';

/**
 * The IndexedDB side of the frame-switch cases: the app's frame cache (its own Dexie database on the profile's
 * disk) holding two clouds, and raw IndexedDB reads of the same records as anchors.
 */
const SCENE = 'bench-scene';
const SENSOR = 'lidar';
let db: FrustumDb | undefined;
let cache: FrameCache | undefined;
let rawDb: IDBDatabase | undefined;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`call ${what} first`);
  return value;
}

/** Stores the clouds in a fresh frame cache and opens a raw handle on the same database. */
export async function fillCache(frames: readonly PointCloud[]): Promise<void> {
  rawDb?.close();
  db?.close();
  await new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('frustum-bench');
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error);
  });
  db = openDb('frustum-bench');
  cache = new FrameCache(db, 2 ** 31);
  await cache.putMany(
    SCENE,
    frames.map((cloud, index) => {
      const payload: CachedPoints = { kind: 'points', ...cloud };
      return { sensorId: SENSOR, index, payload };
    }),
  );
  rawDb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('frustum-bench');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function rawGet(index: number): Promise<CachedPoints> {
  const store = need(rawDb, 'fillCache()').transaction('frames', 'readonly').objectStore('frames');
  const request = store.get(frameKey(SCENE, SENSOR, index));
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve((request.result as { payload: CachedPoints }).payload);
    request.onerror = () => reject(request.error);
  });
}

/** The cloud a cache read gave back, checked to be the one stored. */
export function checkCloud(payload: CachedPoints | { kind: string } | undefined, points: number): PointCloud {
  if (payload?.kind !== 'points' || (payload as CachedPoints).count !== points)
    throw new Error('the cache lost a frame');
  return payload as CachedPoints;
}

/** `FrameCache.get` of stored cloud `index % 2`, as the app reads it. */
export function getCached(index: number): Promise<CachedFrame['payload'] | undefined> {
  return need(cache, 'fillCache()').get(SCENE, SENSOR, index % 2);
}

/**
 * The from-cache budget's first term: a raw IndexedDB get of the same record. The cache holds decoded frames, so
 * a switch from it decodes nothing, and neither does its budget (PERFORMANCE.md).
 */
export function rawGetSeries(samples: number, points: number): Promise<PageSamples> {
  return sample(async (i) => checkCloud(await rawGet(i % 2), points), { samples });
}

/**
 * `FrameCache.get` alone against a raw IndexedDB get of the same record (the cache goal of PERFORMANCE.md), and
 * Dexie's `get` of it without the cache's LRU stamp (a diagnostic), each back to back.
 */
export function cacheGet(which: 'ours' | 'raw' | 'dexie', samples: number, points: number): Promise<PageSamples> {
  const table = need(db, 'fillCache()').frames;
  const get: Record<typeof which, (i: number) => Promise<CachedPoints | CachedFrame['payload'] | undefined>> = {
    ours: (i) => getCached(i),
    raw: (i) => rawGet(i % 2),
    dexie: async (i) => (await table.get(frameKey(SCENE, SENSOR, i % 2)))?.payload,
  };
  return sample(async (i) => checkCloud(await get[which](i), points), { samples });
}
