import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { LabelRepository } from '../../../src/storage/label-repository';
import { LabelsState } from '../../../src/state/labels.svelte';
import { updateCuboid } from '../../../src/core/edits/update-cuboid';
import { pastDatabase } from './past-database';

/** Records as the version before people were named wrote them: no `madeBy`, `changedBy` or `changedAt`. */
const oldTrack = { type: 'track', id: 't1', sceneId: 's1', classId: 'car', attributes: {}, rigid: true };
const oldBox = (frameIndex: number) => ({
  type: 'cuboid', id: `c${frameIndex}`, sceneId: 's1', trackId: 't1', frameIndex, position: [10, 2, 0.75],
  size: [4.6, 1.9, 1.5], yaw: 0, pitch: 0, roll: 0, attributes: {}, keyframe: true, source: { kind: 'manual' },
}); // prettier-ignore

let db: FrustumDb | undefined;
afterEach(() => db?.close());

describe('labels stored before people were named', () => {
  it('open from a database the previous version wrote; an edit names its person, an untouched box names none', async () => {
    const name = 'authorship-compat';
    const previous = pastDatabase(name, 8);
    await previous.table('snapshots').put({ sceneId: 's1', seq: 0, records: [oldTrack, oldBox(0)] });
    await previous.table('journal').add({ sceneId: 's1', time: 1, author: 'local', name: 'propagateCuboid', patch: { added: [oldBox(4)], updated: [], removed: [] } }); // prettier-ignore
    previous.close();

    db = openDb(name);
    const repository = new LabelRepository(db, 's1');
    const loaded = await repository.load();
    expect(loaded.skipped).toBe(0);
    let person = 'mei';
    const labels = new LabelsState(loaded, repository, () => person);
    expect(labels.doc.get('c4')).toEqual(oldBox(4));
    labels.commit('moveCuboid', updateCuboid(labels.doc, { cuboidId: 'c0', change: { position: [11, 2, 0.75] } }));
    person = 'li';
    labels.commit('moveCuboid', updateCuboid(labels.doc, { cuboidId: 'c4', change: { position: [12, 2, 0.75] } }));
    await labels.flushed();
    // Who made them is not known (they predate names); who changed them is, and the journal says the same.
    expect(labels.doc.get('c0')).toMatchObject({ changedBy: 'mei' });
    expect(labels.doc.get('c4')).toMatchObject({ changedBy: 'li' });
    expect(labels.doc.get('c0')).not.toHaveProperty('madeBy', expect.anything());
    const journal = await db.journal.toArray();
    expect(journal.slice(-2).map((e) => e.author)).toEqual(['mei', 'li']);

    const reopened = new LabelsState(await repository.load(), repository, 'x');
    expect(reopened.doc.get('c4')).toEqual(labels.doc.get('c4'));
  });
});
