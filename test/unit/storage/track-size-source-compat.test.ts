import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { LabelRepository } from '../../../src/storage/label-repository';
import { LabelsState } from '../../../src/state/labels.svelte';
import { readSizeSource, refitInTrack } from '../../../src/core/fit/index';
import type { Cuboid, LabelRecord, Track } from '../../../src/core/model/labels';
import { readBundle } from '../../../src/formats/bundle/read-bundle';
import { writeBundle } from '../../../src/formats/bundle/write-bundle';
import type { FrustumBundle } from '../../../src/formats/bundle/frustum-bundle';
import { generalDriving } from '../../../src/core/model/default-ontology';
import { testLineage } from '../formats/labels/label-set-fixtures';
import { randomLabelSet } from '../formats/labels/random-label-set';
import { pastDatabase } from './past-database';

/** Records as the version before track size sources wrote them: a rigid track, its boxes, no `sizeSource`. */
const oldTrack = { type: 'track', id: 't1', sceneId: 's1', classId: 'car', attributes: {}, rigid: true };
const oldBox = (frameIndex: number) => ({
  type: 'cuboid', id: `c${frameIndex}`, sceneId: 's1', trackId: 't1', frameIndex, position: [10, 2, 0.75],
  size: [4.6, 1.9, 1.5], yaw: 0, pitch: 0, roll: 0, attributes: {}, keyframe: true, source: { kind: 'manual' },
}); // prettier-ignore

let db: FrustumDb | undefined;
afterEach(() => db?.close());

describe('labels stored before tracks recorded where their size came from', () => {
  it('open from a database that version wrote (snapshot and journal), and keep their size until asked', async () => {
    const name = 'size-source-compat';
    // The previous version's stores, written with its records: a snapshot of the track and one box, a journal
    // line adding a second box.
    const previous = pastDatabase(name, 5);
    await previous.table('snapshots').put({ sceneId: 's1', seq: 0, records: [oldTrack, oldBox(0)] });
    await previous.table('journal').add({ sceneId: 's1', time: 1, author: 'a', name: 'propagateCuboid', patch: { added: [oldBox(1)], updated: [], removed: [] } }); // prettier-ignore
    previous.close();

    db = openDb(name);
    const repository = new LabelRepository(db, 's1');
    const loaded = await repository.load();
    expect(loaded.skipped).toBe(0);
    const labels = new LabelsState(loaded, repository, 'tester');
    const track = labels.tracks.track('t1')!;
    expect(track.sizeSource).toBeUndefined();
    expect(readSizeSource(track.sizeSource)).toBeUndefined();
    // A refit on however dense a frame keeps a size of unknown origin: it may be the dataset's or the user's.
    const fit = { position: [10, 2, 0.6] as const, size: [3.9, 1.7, 1.2] as const, yaw: 0.1, points: 5000 };
    expect(refitInTrack(fit, { size: oldBox(0).size as [number, number, number], sizeSource: track.sizeSource }, 0, [0, 0]).sizeChanged).toBe(false); // prettier-ignore

    // A size set by hand now is recorded, and reopens so.
    labels.editCuboid('updateCuboid', labels.doc.get('c1') as Cuboid, { size: [4.7, 1.9, 1.5] });
    await labels.flushed();
    const again = await new LabelRepository(db, 's1').load();
    expect((again.doc.get('t1') as Track).sizeSource).toEqual({ kind: 'hand' });
    expect((again.doc.get('c0') as Cuboid).size).toEqual([4.7, 1.9, 1.5]);
  });

  it('read from a bundle that version wrote, and a bundle written now keeps each source exactly', () => {
    const bundle = (records: unknown[]): FrustumBundle => ({
      scene: randomLabelSet(1).scene,
      ontology: generalDriving,
      records: records as LabelRecord[],
      versions: [],
      journal: [{ time: 1, author: 'a', name: 'importLabels', patch: { added: records as LabelRecord[], updated: [], removed: [] } }], // prettier-ignore
      workLog: [],
      reviews: [],
      exports: [],
      lineage: testLineage(),
      data: [],
    });
    const old = readBundle(writeBundle(bundle([oldTrack, oldBox(0)])), 'old.zip');
    expect((old.records[0] as Track).sizeSource).toBeUndefined();
    const sources = [{ kind: 'hand' }, { kind: 'default' }, { kind: 'fit', frameIndex: 3, points: 480 }, { kind: 'points', frames: 3, points: 1240 }]; // prettier-ignore
    for (const sizeSource of sources) {
      const read = readBundle(writeBundle(bundle([{ ...oldTrack, sizeSource }, oldBox(0)])), 'new.zip');
      expect((read.records[0] as Track).sizeSource).toEqual(sizeSource);
      expect(readSizeSource((read.records[0] as Track).sizeSource)).toEqual(sizeSource);
    }
    // A source this version does not know (a newer one's, or a hand-edited file) opens as one of unknown origin.
    const odd = readBundle(writeBundle(bundle([{ ...oldTrack, sizeSource: { kind: 'lidar-and-radar' } }, oldBox(0)])), 'odd.zip'); // prettier-ignore
    expect(readSizeSource((odd.records[0] as Track).sizeSource)).toBeUndefined();
  });
});
