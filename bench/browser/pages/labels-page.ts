import type { Patch } from '../../../src/core/edits/patch';
import type { Cuboid, LabelRecord, Track } from '../../../src/core/model/labels';
import { LabelsState } from '../../../src/state/labels.svelte';
import { openDb, type FrustumDb, type JournalEntry } from '../../../src/storage/db';
import { LabelRepository } from '../../../src/storage/label-repository';
import { createRandom as createSeededRandom } from '../../../src/core/math/random';
import { sample, collectGarbage, type PageSamples } from './sample';
import type { FrameTiming } from '../../../src/core/tracks/frame-motion';
import { fromTranslation } from '../../../src/core/math/mat4';

const DB_NAME = 'frustum-bench-labels';
const SCENE = 'bench-scene';
/** The raw anchor appends under another scene, so that the scene's journal holds only the app's entries. */
const RAW_SCENE = 'bench-raw-anchor';

let db: FrustumDb | undefined;
let rawDb: IDBDatabase | undefined;
let labels: LabelsState | undefined;
let repository: LabelRepository | undefined;
let scale = { frames: 0, tracks: 0 };
/** The sequence's frames: 10 Hz, the ego driving 1 m a frame (tracks are interpolated through these poses). */
let frameTimings: FrameTiming[] = [];

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`labels page: ${what} first`);
  return value;
}

function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when the transaction has committed (what Dexie waits for before an implicit write resolves). */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/** Main-thread tasks over 50 ms (the Long Tasks API) while `body` runs: how long the UI could not respond. */
export interface LongTasks {
  count: number;
  maxMs: number;
}

async function watchingLongTasks<T>(body: () => Promise<T>): Promise<[T, LongTasks]> {
  const seen: LongTasks = { count: 0, maxMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      seen.count++;
      seen.maxMs = Math.max(seen.maxMs, entry.duration);
    }
  });
  observer.observe({ type: 'longtask' });
  try {
    const result = await body();
    // Entries are delivered asynchronously: let the last ones arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const entry of observer.takeRecords()) {
      seen.count++;
      seen.maxMs = Math.max(seen.maxMs, entry.duration);
    }
    return [result, seen];
  } finally {
    observer.disconnect();
  }
}

const trackId = (t: number): string => `track-${t}`;
const cuboidId = (t: number, f: number): string => `cuboid-${t}-${f}`;

/**
 * A labelled sequence in the app's database, as the journal holds it: one entry a track (the track and its
 * cuboid on every frame, seeded positions along a drive), `frames × tracks` cuboids in all. Written in one
 * bulk transaction (set-up, untimed).
 */
async function fill(
  frames: number,
  tracks: number,
  keyEvery = 1,
): Promise<{ entries: number; records: number; bytes: number }> {
  rawDb?.close();
  db?.close();
  await idbRequest(indexedDB.deleteDatabase(DB_NAME));
  db = openDb(DB_NAME);
  const random = createSeededRandom(7);
  const entries: JournalEntry[] = [];
  let records = 0;
  for (let t = 0; t < tracks; t++) {
    const track: Track = {
      type: 'track',
      id: trackId(t),
      sceneId: SCENE,
      classId: ['car', 'pedestrian', 'cyclist', 'truck'][t % 4]!,
      attributes: { occluded: false },
      rigid: true,
    };
    const x = -60 + random() * 120;
    const y = -40 + random() * 80;
    const added: LabelRecord[] = [track];
    for (let f = 0; f < frames; f++) {
      // With keyframes every `keyEvery` frames, the boxes between are derived, not stored (as the app keeps them).
      const stored = f % keyEvery === 0 || f === frames - 1;
      const cuboid: Cuboid = {
        type: 'cuboid',
        id: cuboidId(t, f),
        sceneId: SCENE,
        trackId: track.id,
        frameIndex: f,
        position: [x + f * 0.5, y + random() * 0.1, 0.8],
        size: [4.5, 1.9, 1.6],
        yaw: random() * 0.2,
        pitch: 0,
        roll: 0,
        attributes: {},
        keyframe: f % 10 === 0,
        source: f % 10 === 0 ? { kind: 'manual' } : { kind: 'interpolated' },
      };
      if (stored) added.push(cuboid);
    }
    records += added.length;
    entries.push({
      sceneId: SCENE,
      time: Date.now(),
      author: 'bench',
      name: 'createTrack',
      patch: { added, updated: [], removed: [] },
    });
  }
  await db.journal.bulkAdd(entries);
  rawDb = await idbRequest(indexedDB.open(DB_NAME));
  scale = { frames, tracks };
  frameTimings = Array.from({ length: frames }, (_, f) => ({
    timestampUs: f * 100_000,
    worldFromEgo: fromTranslation(f, 0, 0),
  }));
  const bytes = new TextEncoder().encode(JSON.stringify(entries)).length;
  return { entries: entries.length, records, bytes };
}

export interface ReopenResult {
  load: PageSamples;
  loadLongTasks: LongTasks;
  getAll: PageSamples;
  records: number;
}

/** Reopening the scene's labels (`LabelRepository.load`: snapshot, then replay) against a raw getAll of the journal. */
async function reopen(samples: number): Promise<ReopenResult> {
  const database = need(db, 'fill()');
  let records = 0;
  const [load, loadLongTasks] = await watchingLongTasks(() =>
    sample(
      async () => {
        const { doc, skipped } = await new LabelRepository(database, SCENE).load();
        if (skipped > 0) throw new Error(`${skipped} journal entries did not apply`);
        records = doc.size;
        return doc;
      },
      { samples },
    ),
  );
  const getAll = await sample(
    async () => {
      const store = need(rawDb, 'fill()').transaction('journal', 'readonly').objectStore('journal');
      return idbRequest(store.getAll());
    },
    { samples },
  );
  return { load, loadLongTasks, getAll, records };
}

export interface EditResult {
  edit: number[];
  autosave: number[];
  undo: number[];
  undoAutosave: number[];
  pendingAfter: number;
}

/** A one-cuboid move of the cuboid of track t on frame f: the patch the move gizmo commits. */
function movePatch(doc: Map<string, LabelRecord>, t: number, f: number): Patch {
  const before = doc.get(cuboidId(t, f)) as Cuboid | undefined;
  if (!before) throw new Error(`no cuboid ${cuboidId(t, f)}`);
  const after: Cuboid = { ...before, position: [before.position[0] + 0.1, before.position[1], before.position[2]] };
  return { added: [], updated: [[before, after]], removed: [] };
}

/**
 * Edits as the app makes them: `LabelsState.commit` of a one-cuboid move (synchronous: applies the patch,
 * pushes history, queues the journal append), then its autosave (commit until `flushed()` resolves: the append
 * is on disk), then `undo` and its own autosave. 2 warm-up rounds; every round moves another cuboid.
 */
async function edits(samples: number): Promise<EditResult> {
  const database = need(db, 'fill()');
  repository = new LabelRepository(database, SCENE);
  labels = new LabelsState(await repository.load(), repository, 'bench', frameTimings);
  const state = labels;
  const result: EditResult = { edit: [], autosave: [], undo: [], undoAutosave: [], pendingAfter: 0 };
  collectGarbage();
  for (let round = -2; round < samples; round++) {
    const i = round + 2;
    const f = (i * 53) % scale.frames;
    const track = trackId((i * 37) % scale.tracks);
    const box = state.cuboidsOn(f).find((c) => c.trackId === track);
    if (!box) throw new Error(`no box of ${track} on frame ${f}`);
    const position = [box.position[0] + 0.1, box.position[1], box.position[2]] as const;
    // Timed as the screen sees it: the edit, then the frame's boxes asked for again to draw them.
    const t0 = performance.now();
    state.editCuboid('moveCuboid', box, { position });
    state.cuboidsOn(f);
    const t1 = performance.now();
    await state.flushed();
    const t2 = performance.now();
    state.undo();
    state.cuboidsOn(f);
    const t3 = performance.now();
    await state.flushed();
    const t4 = performance.now();
    if (state.storageError) throw new Error(`autosave failed: ${state.storageError}`);
    if (round >= 0) {
      result.edit.push(t1 - t0);
      result.autosave.push(t2 - t0);
      result.undo.push(t3 - t2);
      result.undoAutosave.push(t4 - t2);
    }
  }
  result.pendingAfter = state.pendingWrites;
  return result;
}

/** The anchors of an edit: a raw IndexedDB add of the same journal record (until committed), an empty call. */
async function anchors(samples: number): Promise<{ rawAdd: PageSamples; emptyCall: PageSamples }> {
  const database = need(rawDb, 'fill()');
  const doc = need(labels, 'edits()').doc;
  const rawAdd = await sample(
    async (i) => {
      const entry: JournalEntry = {
        sceneId: RAW_SCENE,
        time: Date.now(),
        author: 'bench',
        name: 'moveCuboid',
        patch: movePatch(doc, (i * 37) % scale.tracks, (i * 53) % scale.frames),
      };
      const transaction = database.transaction('journal', 'readwrite');
      transaction.objectStore('journal').add(entry);
      await committed(transaction);
    },
    { samples },
  );
  const target = { noop(): void {} };
  const emptyCall = await sample(() => target.noop(), { samples, minSampleMs: 2 });
  return { rawAdd, emptyCall };
}

export interface SnapshotResult {
  ours: PageSamples;
  oursLongTasks: LongTasks;
  rawPut: PageSamples;
  records: number;
}

/**
 * What every 500th autosave adds (LabelRepository's SNAPSHOT_EVERY): `snapshot` writes the whole doc as one
 * record and deletes the journal it folds in. Against a raw put of the same snapshot record. Runs last: it
 * empties the journal.
 */
async function snapshots(samples: number): Promise<SnapshotResult> {
  const state = need(labels, 'edits()');
  const repo = need(repository, 'edits()');
  const database = need(rawDb, 'fill()');
  const seqs = await idbRequest(database.transaction('journal').objectStore('journal').getAllKeys());
  const lastSeq = Math.max(...(seqs as number[]));
  const [ours, oursLongTasks] = await watchingLongTasks(() =>
    sample(() => repo.snapshot(state.doc, lastSeq), { samples }),
  );
  const record = { sceneId: `${SCENE}-raw`, seq: lastSeq, records: [...state.doc.values()] };
  const rawPut = await sample(
    async () => {
      const transaction = database.transaction('snapshots', 'readwrite');
      transaction.objectStore('snapshots').put(record);
      await committed(transaction);
    },
    { samples },
  );
  return { ours, oursLongTasks, rawPut, records: state.doc.size };
}

const api = { fill, reopen, edits, anchors, snapshots, isolated: () => crossOriginIsolated };
export type LabelsPageApi = typeof api;
(window as unknown as { bench: LabelsPageApi }).bench = api;
