import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { LabelRepository } from '../../../src/storage/label-repository';
import { holdsWork, readProject, replaceProject } from '../../../src/storage/project-repository';
import { saveVersion, listVersions } from '../../../src/storage/version-repository';
import { listExports, recordExport } from '../../../src/storage/export-repository';
import { storeOntology } from '../../../src/storage/ontology-repository';
import { LabelsState } from '../../../src/state/labels.svelte';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import { updateCuboid } from '../../../src/core/edits/update-cuboid';
import { writeBundle } from '../../../src/formats/bundle/write-bundle';
import { readBundle } from '../../../src/formats/bundle/read-bundle';
import { createDemoScene } from '../../../src/core/demo/scene-record';
import { createEgoMotion } from '../../../src/core/demo/ego-motion';
import type { Ontology } from '../../../src/core/model/ontology';

const dbs: FrustumDb[] = [];
let n = 0;
const fresh = () => {
  const db = openDb(`project-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

const scene = { ...createDemoScene(3, 4, createEgoMotion(8)), ontologyId: 'cones' };
const cones: Ontology = { id: 'cones', name: 'Cones', version: 2, classes: [{ id: 'cone', color: '#ff8800', defaultSize: [0.4, 0.4, 0.7], attributes: [], guideline: '' }] }; // prettier-ignore
const lineage = { frustumVersion: '0.1.0', author: 'ann', time: '2026-01-01T00:00:00.000Z', inputs: [{ path: 'demo:3/scene', sha256: 'ab'.repeat(32) }], ontology: { id: 'cones', version: 2 }, prelabelModels: [] }; // prettier-ignore

/** A scene with edits (a drag as one gesture, an undo), a snapshot folded in, two versions and an export. */
async function makeProject(db: FrustumDb): Promise<LabelsState> {
  await db.scenes.put(scene);
  await storeOntology(db, cones, 'cones.json');
  const repo = new LabelRepository(db, scene.id);
  const labels = new LabelsState(await repo.load(), repo, 'ann');
  const place = (i: number) => createCuboid(labels.doc, { sceneId: scene.id, frameIndex: i % 4, classId: 'cone', position: [i, 0, 0.3], size: [0.4, 0.4, 0.7], yaw: 0, trackId: `t${i}`, cuboidId: `c${i}` }); // prettier-ignore
  for (let i = 0; i < 3; i++) labels.commit('createCuboid', place(i));
  await labels.flushed();
  await saveVersion(db, { sceneId: scene.id, records: labels.doc.values(), author: 'ann', message: 'three cones' });
  await repo.snapshot(labels.doc, (await db.journal.toCollection().lastKey()) as number);
  for (const x of [5, 6]) labels.commit('moveCuboid', updateCuboid(labels.doc, { cuboidId: 'c1', change: { position: [x, 0, 0.3] } }), 'drag-1'); // prettier-ignore
  labels.commit('createCuboid', place(7));
  labels.undo();
  await labels.flushed();
  await saveVersion(db, { sceneId: scene.id, records: labels.doc.values(), author: 'ann', message: 'moved one' });
  await recordExport(db, { id: 'e1', sceneId: scene.id, format: 'openlabel', fileName: 'a.json', time: 1, lineage, problems: [] }); // prettier-ignore
  return labels;
}

describe('a project through a bundle', () => {
  it('comes back the same in another browser: labels, undo history with its drag, versions, exports, ontology', async () => {
    const source = fresh();
    const labels = await makeProject(source);
    const project = await readProject(source, scene.id);
    expect(project.journal.map((l) => l.name)).toEqual(['createCuboid', 'createCuboid', 'createCuboid', 'moveCuboid', 'moveCuboid', 'createCuboid', 'undo']); // prettier-ignore
    const bundle = readBundle(writeBundle({ ...project, reviews: [], lineage, data: [] }), 'p.zip');

    const target = fresh();
    expect(await holdsWork(target, scene.id)).toBe(false);
    await replaceProject(target, bundle, { sceneId: scene.id, kind: 'demo', seed: 3 });
    const again = await readProject(target, scene.id);
    expect(JSON.stringify(again)).toBe(JSON.stringify(project));
    expect(await target.origins.get(scene.id)).toEqual({ sceneId: scene.id, kind: 'demo', seed: 3 });
    expect((await target.ontologies.get('cones'))?.ontology).toEqual(cones);

    const repo = new LabelRepository(target, scene.id);
    const reopened = new LabelsState(await repo.load(), repo, 'bob');
    expect([...reopened.doc.values()]).toEqual([...labels.doc.values()]);
    const names = (s: LabelsState) => [s.history.entries.done.map((e) => e.name), s.history.entries.undone.map((e) => e.name)]; // prettier-ignore
    expect(names(reopened)).toEqual(names(labels));
    expect(names(reopened)).toEqual([['createCuboid', 'createCuboid', 'createCuboid', 'moveCuboid'], ['createCuboid']]); // prettier-ignore
    // The drag is one undo step there too, and redo brings back the undone box.
    reopened.undo();
    expect(reopened.doc.get('c1')).toMatchObject({ position: [1, 0, 0.3] });
    reopened.jumpTo(5);
    expect(reopened.doc.has('c7')).toBe(true);
    expect(await holdsWork(target, scene.id)).toBe(true);
  });

  it('replaces whatever the other browser held for the scene, and nothing of other scenes', async () => {
    const source = fresh();
    await makeProject(source);
    const bundle = { ...(await readProject(source, scene.id)), reviews: [], lineage, data: [] };
    const target = fresh();
    await makeProject(target);
    await saveVersion(target, { sceneId: scene.id, records: [], author: 'bob', message: 'local only' });
    await saveVersion(target, { sceneId: 'elsewhere', records: [], author: 'bob', message: 'kept' });
    await replaceProject(target, bundle, { sceneId: scene.id, kind: 'demo', seed: 3 });
    expect((await listVersions(target, scene.id)).map((v) => v.message)).toEqual(['three cones', 'moved one']);
    expect((await listVersions(target, 'elsewhere')).map((v) => v.message)).toEqual(['kept']);
    expect(await listExports(target, scene.id)).toHaveLength(1);
    expect(JSON.stringify(await readProject(target, scene.id))).toBe(JSON.stringify(await readProject(source, scene.id))); // prettier-ignore
  });
});
