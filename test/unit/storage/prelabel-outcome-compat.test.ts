import 'fake-indexeddb/auto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { LabelRepository } from '../../../src/storage/label-repository';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { Cuboid, LabelRecord } from '../../../src/core/model/labels';
import { confirmPrelabels } from '../../../src/core/edits/confirm-prelabels';
import { readBundle } from '../../../src/formats/bundle/read-bundle';
import { writeBundle } from '../../../src/formats/bundle/write-bundle';
import { BUNDLE_VERSION, type FrustumBundle } from '../../../src/formats/bundle/frustum-bundle';
import { generalDriving } from '../../../src/core/model/default-ontology';
import { testLineage } from '../formats/labels/label-set-fixtures';
import { randomLabelSet } from '../formats/labels/random-label-set';
import { pastDatabase } from './past-database';

/** Records as the version before confirmations wrote them: a track of two pre-label boxes. */
const track = { type: 'track', id: 't1', sceneId: 's1', classId: 'car', attributes: {}, rigid: true };
const box = (frameIndex: number) => ({
  type: 'cuboid', id: `c${frameIndex}`, sceneId: 's1', trackId: 't1', frameIndex, position: [10, 2, 0.75],
  size: [4.6, 1.9, 1.5], yaw: 0, pitch: 0, roll: 0, attributes: {}, keyframe: true,
  source: { kind: 'prelabel', model: 'frustum-classic', version: '1.0.0+00000000', score: 0.8 },
}); // prettier-ignore

let db: FrustumDb | undefined;
afterEach(() => db?.close());

describe('pre-labels stored before confirmations were recorded', () => {
  it('open from a database the previous version (schema 9) wrote as pending, and confirm and edit from there', async () => {
    const name = 'prelabel-outcome-compat';
    const previous = pastDatabase(name, 9);
    await previous.table('snapshots').put({ sceneId: 's1', seq: 0, records: [track, box(0), box(1)] });
    previous.close();

    db = openDb(name);
    expect(db.verno).toBe(10);
    const repository = new LabelRepository(db, 's1');
    const labels = new LabelsState(await repository.load(), repository, 'tester');
    labels.commit('confirmPrelabel', confirmPrelabels(labels.doc, { cuboidIds: ['c0'] }));
    labels.editCuboid('updateCuboid', labels.doc.get('c1') as Cuboid, { yaw: 0.2 });
    await labels.flushed();
    const again = (await new LabelRepository(db, 's1').load()).doc;
    expect((again.get('c0') as Cuboid).source).toEqual({ ...box(0).source, confirmed: true });
    expect((again.get('c1') as Cuboid).source).toEqual({ kind: 'manual', from: { model: 'frustum-classic', version: '1.0.0+00000000' } }); // prettier-ignore
  });

  it('a bundle keeps them (format 6), and a version 5 bundle reads its pre-labels as pending', () => {
    const bundle = (records: unknown[]): FrustumBundle => ({
      scene: randomLabelSet(1).scene,
      ontology: generalDriving,
      records: records as LabelRecord[],
      versions: [],
      journal: [{ time: 1, author: 'a', name: 'prelabelScene', patch: { added: records as LabelRecord[], updated: [], removed: [] } }], // prettier-ignore
      workLog: [],
      reviews: [],
      exports: [],
      lineage: testLineage(),
      data: [],
    });
    expect(BUNDLE_VERSION).toBe(6);
    const confirmed = { ...box(0), source: { ...box(0).source, confirmed: true } };
    const edited = { ...box(1), source: { kind: 'manual', from: { model: 'frustum-classic', version: '1' } } };
    const read = readBundle(writeBundle(bundle([track, confirmed, edited])), 'new.zip');
    expect(read.records).toEqual([track, confirmed, edited]);

    const entries = unzipSync(writeBundle(bundle([track, box(0), box(1)])));
    const index = JSON.parse(strFromU8(entries['bundle.json']!)) as { version: number };
    entries['bundle.json'] = strToU8(JSON.stringify({ ...index, version: 5 }));
    const old = readBundle(zipSync(entries), 'v5.zip');
    expect(old.records.filter((r): r is Cuboid => r.type === 'cuboid').map((c) => c.source)).toEqual([box(0).source, box(1).source]); // prettier-ignore
  });
});
