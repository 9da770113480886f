import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { LabelRepository } from '../../../src/storage/label-repository';
import { FrameCache, cacheBytesFromEstimate } from '../../../src/storage/frame-cache';
import { applyPatch, invertPatch, type LabelDoc } from '../../../src/core/edits/patch';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import { updateCuboid } from '../../../src/core/edits/update-cuboid';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { Cuboid } from '../../../src/core/model/labels';
import { pastDatabase } from './past-database';

let db: FrustumDb;
let n = 0;
const fresh = () => (db = openDb(`test-${++n}`));
afterEach(() => db?.close());

const place = (doc: LabelDoc, i: number) =>
  createCuboid(doc, {
    sceneId: 's1',
    frameIndex: i % 3,
    classId: 'car',
    position: [i, 0, 0.8],
    size: [4, 2, 1.5],
    yaw: 0.1 * i,
    trackId: `t${i}`,
    cuboidId: `c${i}`,
  });

describe('LabelRepository', () => {
  it('rebuilds the labels from the journal after reopening, undo included', async () => {
    fresh();
    const repo = new LabelRepository(db, 's1');
    const { doc } = await repo.load();
    expect(doc.size).toBe(0);
    const patches = [0, 1, 2].map((i) => {
      const p = place(doc, i);
      applyPatch(doc, p);
      return p;
    });
    for (const p of patches) await repo.append('createCuboid', p, 'tester');
    const undo = invertPatch(patches[1]!);
    applyPatch(doc, undo);
    await repo.append('undo', undo, 'tester');

    const { doc: reopened } = await new LabelRepository(openDb(db.name), 's1').load();
    expect([...reopened.keys()].sort()).toEqual(['c0', 'c2', 't0', 't2']);
    expect(reopened.get('c2')).toEqual(doc.get('c2'));
    expect((await new LabelRepository(db, 'other-scene').load()).doc).toEqual(new Map());
  });

  it('a snapshot folds the journal without changing what loads, keeping its tail for undo', async () => {
    fresh();
    // A tail of 200 lines here (the app keeps more), so that the test needs only a few hundred appends.
    const repo = new LabelRepository(db, 's1', 200);
    const { doc } = await repo.load();
    let seq = 0;
    for (let i = 0; i < 205; i++) {
      const p = place(doc, i);
      applyPatch(doc, p);
      seq = await repo.append('createCuboid', p, 'tester');
    }
    await repo.snapshot(doc, seq);
    // The last 200 stay for the next session's undo history; the 5 before them are in the snapshot only.
    expect(await db.journal.count()).toBe(200);
    const p = place(doc, 999);
    applyPatch(doc, p);
    await repo.append('createCuboid', p, 'tester');
    const loaded = await new LabelRepository(db, 's1').load();
    expect(loaded.doc.size).toBe(2 * 206);
    expect(loaded.doc.get('c999')).toEqual(doc.get('c999'));
    expect(loaded.lines.length).toBe(201);
    expect(loaded.lines[0]!.patch.added.some((r) => r.id === 'c5')).toBe(true);
  });

  it('keeps the undo history across a reopen: a drag is one entry, undone edits can be redone', async () => {
    fresh();
    const repo = new LabelRepository(db, 's1');
    const labels = new LabelsState(await repo.load(), repo, 'tester');
    labels.commit('createCuboid', place(labels.doc, 1));
    for (const x of [2, 3, 4]) {
      const change = { position: [x, 0, 0.8] as [number, number, number] };
      labels.commit('moveCuboid', updateCuboid(labels.doc, { cuboidId: 'c1', change }), 'drag-1');
    }
    labels.commit('createCuboid', place(labels.doc, 2));
    labels.undo();
    await labels.flushed();
    const reopened = new LabelsState(await new LabelRepository(db, 's1').load(), repo, 'tester');
    expect(reopened.history.entries.done.map((e) => e.name)).toEqual(['createCuboid', 'moveCuboid']);
    expect(reopened.history.entries.undone.map((e) => e.name)).toEqual(['createCuboid']);
    // The times the panel shows are the times the edits were made, before and after the reload alike.
    const times = (l: LabelsState) => [...l.history.entries.done, ...l.history.entries.undone].map((e) => e.time);
    expect(times(reopened)).toEqual(times(labels));
    reopened.undo();
    expect((reopened.doc.get('c1') as Cuboid).position[0]).toBe(1);
    reopened.jumpTo(3);
    expect(reopened.doc.has('c2')).toBe(true);
    expect((reopened.doc.get('c1') as Cuboid).position[0]).toBe(4);
  });

  it('skips a journal entry that does not fit, counts it, and loads everything else', async () => {
    fresh();
    const repo = new LabelRepository(db, 's1');
    const { doc } = await repo.load();
    const first = place(doc, 1);
    applyPatch(doc, first);
    await repo.append('createCuboid', first, 'tester');
    await repo.append('createCuboid', first, 'tester'); // a duplicate, as a crash mid-write could leave
    const second = place(doc, 2);
    applyPatch(doc, second);
    await repo.append('createCuboid', second, 'tester');
    const loaded = await new LabelRepository(db, 's1').load();
    expect(loaded.skipped).toBe(1);
    expect([...loaded.doc.keys()].sort()).toEqual(['c1', 'c2', 't1', 't2']);
  });
});

describe('FrameCache', () => {
  const points = (count: number) => ({
    kind: 'points' as const,
    count,
    positions: new Float32Array(count * 3).map((_, i) => i),
    attributes: { intensity: new Float32Array(count).fill(0.5) },
    bounds: { min: [0, 0, 0] as [number, number, number], max: [1, 1, 1] as [number, number, number] },
  });

  it('round-trips typed arrays and evicts the least recently used beyond the bound', async () => {
    fresh();
    const cache = new FrameCache(db, 3 * 1600); // three frames of 100 points (1,600 bytes each)
    for (let i = 0; i < 3; i++) await cache.putMany('s', [{ sensorId: 'l', index: i, payload: points(100) }]);
    const got = await cache.get('s', 'l', 0);
    expect(got?.kind).toBe('points');
    expect(got?.kind === 'points' && Array.from(got.positions.slice(0, 4))).toEqual([0, 1, 2, 3]);
    await new Promise((r) => setTimeout(r, 5));
    await cache.putMany('s', [{ sensorId: 'l', index: 3, payload: points(100) }]);
    expect(await cache.get('s', 'l', 1)).toBeUndefined();
    expect(await cache.get('s', 'l', 0)).toBeDefined();
    expect(await db.frames.count()).toBe(3);
  });

  it('stamps reads in the small use store, never rewriting the frame, and forgets a scene whole', async () => {
    fresh();
    const cache = new FrameCache(db, 1e9);
    await cache.putMany('s', [{ sensorId: 'l', index: 0, payload: points(10) }]);
    const stored = (await db.frames.get('s|l|0'))!.lastUsed;
    const stamped = (await db.frameUse.get('s|l|0'))!.lastUsed;
    await new Promise((r) => setTimeout(r, 5));
    await cache.get('s', 'l', 0);
    await new Promise((r) => setTimeout(r, 5));
    expect((await db.frames.get('s|l|0'))!.lastUsed).toBe(stored);
    expect((await db.frameUse.get('s|l|0'))!.lastUsed).toBeGreaterThan(stamped);
    await cache.putMany('t', [{ sensorId: 'l', index: 0, payload: points(10) }]);
    await cache.dropScene('s');
    expect(await db.frames.toCollection().primaryKeys()).toEqual(['t|l|0']);
    expect(await db.frameUse.toCollection().primaryKeys()).toEqual(['t|l|0']);
  });

  it('keeps a frame stored by a prefetch while it evicts', async () => {
    fresh();
    const cache = new FrameCache(db, 1e9);
    await cache.putMany('s', [{ sensorId: 'l', index: 0, payload: points(10) }]);
    // Another put (a prefetch) starts just as eviction lists the stored frames: the moment one can land between
    // reading the use records and reading the frames' keys. Its transaction is opened at once, as a second
    // caller's would be.
    const toCollection = db.frames.toCollection.bind(db.frames);
    let prefetch: Promise<void> | undefined;
    db.frames.toCollection = () => {
      prefetch ??= new Promise((resolve, reject) => {
        const tx = db.backendDB().transaction(['frames', 'frameUse'], 'readwrite');
        const row = { key: 's|l|1', sceneId: 's', bytes: 160, lastUsed: Date.now(), payload: points(10) };
        tx.objectStore('frames').put(row);
        tx.objectStore('frameUse').put({ key: row.key, bytes: row.bytes, lastUsed: row.lastUsed });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      return toCollection();
    };
    await cache.evict();
    await prefetch;
    expect(await db.frames.toCollection().primaryKeys()).toEqual(['s|l|0', 's|l|1']);
  });

  it('a failed write (a full disk) is reported as false, never thrown', async () => {
    fresh();
    const cache = new FrameCache(db, 1e9);
    db.close();
    expect(await cache.putMany('s', [{ sensorId: 'l', index: 0, payload: points(10) }])).toBe(false);
  });

  it('sizes the bound from the storage estimate within limits', () => {
    const MiB = 1024 * 1024;
    expect(cacheBytesFromEstimate({ quota: 1000 * MiB, usage: 0 })).toBe(200 * MiB);
    expect(cacheBytesFromEstimate(undefined)).toBe(64 * MiB);
    expect(cacheBytesFromEstimate({ quota: 100_000 * MiB, usage: 0 })).toBe(2048 * MiB);
  });
});

describe('schema migration', () => {
  it('upgrades a v1 database, keeping its scenes and journal and recording the demo origin', async () => {
    const name = `migrate-${++n}`;
    const v1 = pastDatabase(name, 1);
    await v1.table('scenes').put({ id: 'demo-7', name: 'Demo drive', source: { kind: 'demo', seed: 7 } });
    await v1.table('journal').add({
      sceneId: 'demo-7',
      time: 1,
      author: 'a',
      name: 'createCuboid',
      patch: { added: [], updated: [], removed: [] },
    });
    v1.close();
    db = openDb(name);
    expect(await db.origins.get('demo-7')).toEqual({ sceneId: 'demo-7', kind: 'demo', seed: 7 });
    expect(await db.journal.count()).toBe(1);
    expect((await db.scenes.get('demo-7'))?.name).toBe('Demo drive');
  });
});

describe('LabelsState with its journal', () => {
  it('snapshots only the labels as of the entry written: edits made in the same moment still load after', async () => {
    fresh();
    // A snapshot every 3 entries, so that one falls due while later edits are still queued behind it.
    const repo = new LabelRepository(db, 's1', 2000, 3);
    const labels = new LabelsState(await repo.load(), repo, 'tester');
    for (let i = 0; i < 7; i++) labels.commit('createCuboid', place(labels.doc, i));
    await labels.flushed();
    expect(await db.snapshots.count()).toBe(1);
    const reopened = new LabelsState(await new LabelRepository(db, 's1').load(), repo, 'tester');
    expect(reopened.skippedOnLoad).toBe(0);
    expect(reopened.doc.size).toBe(14);
    expect(reopened.history.entries.done.length).toBe(7);
  });

  it('does not merge a new key press into the last entry a reload rebuilt', async () => {
    fresh();
    const repo = new LabelRepository(db, 's1');
    const labels = new LabelsState(await repo.load(), repo, 'tester');
    labels.commit('createCuboid', place(labels.doc, 1));
    const move = (x: number) => updateCuboid(labels.doc, { cuboidId: 'c1', change: { position: [x, 0, 0.8] } });
    labels.commit('moveCuboid', move(2), 'key-moveForward-1');
    await labels.flushed();
    const reopened = new LabelsState(await new LabelRepository(db, 's1').load(), repo, 'tester');
    const again = updateCuboid(reopened.doc, { cuboidId: 'c1', change: { position: [3, 0, 0.8] } });
    reopened.commit('moveCuboid', again, 'key-moveForward-1');
    expect(reopened.history.entries.done.map((e) => e.name)).toEqual(['createCuboid', 'moveCuboid', 'moveCuboid']);
  });
});
