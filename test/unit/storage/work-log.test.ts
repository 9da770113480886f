import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { LabelRepository, readWork } from '../../../src/storage/label-repository';
import { readProject, replaceProject } from '../../../src/storage/project-repository';
import { LabelsState } from '../../../src/state/labels.svelte';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import { createDemoScene } from '../../../src/core/demo/scene-record';
import { createEgoMotion } from '../../../src/core/demo/ego-motion';
import { readBundle } from '../../../src/formats/bundle/read-bundle';
import { writeBundle } from '../../../src/formats/bundle/write-bundle';
import { pastDatabase } from './past-database';

let db: FrustumDb | undefined;
const others: FrustumDb[] = [];
afterEach(() => {
  db?.close();
  others.splice(0).forEach((d) => d.close());
});

const scene = createDemoScene(4, 5, createEgoMotion(6));
const lineage = { frustumVersion: '0.1.0', author: 'x', time: '2026-01-01T00:00:00.000Z', inputs: [], ontology: { id: 'general', version: 1 }, prelabelModels: [] }; // prettier-ignore

describe('the work log: work the journal no longer holds, for the dashboard', () => {
  it('keeps the lines a snapshot folds out of the journal, so the count of work survives, and a bundle carries them', async () => {
    db = openDb('work-log-fold');
    await db.scenes.put(scene);
    // A snapshot every 4 lines keeping 2 of the folded ones for undo: the rest leave the journal.
    const repository = new LabelRepository(db, scene.id, 2, 4);
    const labels = new LabelsState(await repository.load(), repository, 'mei');
    for (let i = 0; i < 9; i++) {
      labels.commit('createCuboid', createCuboid(labels.doc, { sceneId: scene.id, frameIndex: i % 5, classId: 'car', position: [i, 0, 0.8], size: [4, 2, 1.5], yaw: 0, trackId: `t${i}`, cuboidId: `c${i}` })); // prettier-ignore
      await labels.flushed();
    }
    expect(await db.journal.count()).toBeLessThan(9);
    expect(await db.workLog.count()).toBeGreaterThan(0);
    const work = await readWork(db, scene.id);
    expect(work.map((l) => l.patch.added.find((r) => r.type === 'cuboid')?.id)).toEqual([
      'c0',
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
      'c6',
      'c7',
      'c8',
    ]);

    // A bundle carries the folded work beside the journal, and another browser stores it as it was.
    const bundle = readBundle(writeBundle({ ...(await readProject(db, scene.id)), reviews: [], lineage, data: [] }), 'w.zip'); // prettier-ignore
    expect(bundle.workLog.length + bundle.journal.length).toBe(9);
    const other = openDb('work-log-other');
    others.push(other);
    await replaceProject(other, bundle, { sceneId: scene.id, kind: 'demo', seed: 4 });
    expect((await readWork(other, scene.id)).map((l) => l.time)).toEqual(work.map((l) => l.time));
  });

  it('opens from a database the previous version wrote (no work log): the journal is all the work', async () => {
    const previous = pastDatabase('work-log-compat', 8);
    const line = { sceneId: 's1', time: 5, author: 'li', name: 'createCuboid', patch: { added: [], updated: [], removed: [] } }; // prettier-ignore
    await previous.table('journal').add(line);
    previous.close();
    db = openDb('work-log-compat');
    expect(await db.workLog.count()).toBe(0);
    expect(await readWork(db, 's1')).toEqual([{ time: 5, author: 'li', name: 'createCuboid', patch: line.patch }]);
  });
});
