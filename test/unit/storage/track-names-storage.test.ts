import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import { renameTrack } from '../../../src/core/edits/rename-track';
import type { Track } from '../../../src/core/model/labels';
import { trackDisplayNames } from '../../../src/core/model/track-names';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { LabelRepository } from '../../../src/storage/label-repository';
import { LabelsState } from '../../../src/state/labels.svelte';

let db: FrustumDb | undefined;
afterEach(() => db?.close());

/** A track and its box as the version before names stored them: no name, dataset id or number. */
function oldTrack(i: number, classId: string) {
  const track = { type: 'track', id: `0${9 - i}-old`, sceneId: 's1', classId, attributes: {}, rigid: true };
  const box = { type: 'cuboid', id: `c${i}`, sceneId: 's1', trackId: track.id, frameIndex: 0, position: [i * 5, 0, 0.8], size: [4, 2, 1.5], yaw: 0, pitch: 0, roll: 0, attributes: {}, keyframe: true, source: { kind: 'manual' } }; // prettier-ignore
  return [track, box];
}

const names = (labels: LabelsState) =>
  Object.fromEntries(trackDisplayNames(labels.tracks.tracks, (c) => (c === 'car' ? 'Car' : 'Truck')));

describe('tracks stored before names existed', () => {
  it('open from a journal written then, shown by per-class numbers; new and renamed tracks are kept', async () => {
    db = openDb('names-old-journal');
    // The journal lines exactly as the previous version appended them.
    for (const [i, classId] of [
      [0, 'car'],
      [1, 'truck'],
      [2, 'car'],
    ] as const) {
      await db.journal.add({ sceneId: 's1', time: i, author: 'a', name: 'createCuboid', patch: { added: oldTrack(i, classId) as never, updated: [], removed: [] } }); // prettier-ignore
    }
    const repo = new LabelRepository(db, 's1');
    const labels = new LabelsState(await repo.load(), repo, 'tester');
    expect(labels.skippedOnLoad).toBe(0);
    // Numbered per class in id order, not in the order they were made: 07-old is Car 1, 09-old Car 2.
    expect(names(labels)).toEqual({ '09-old': 'Car 2', '08-old': 'Truck 1', '07-old': 'Car 1' });
    labels.commit('createCuboid', createCuboid(labels.doc, { sceneId: 's1', frameIndex: 1, classId: 'car', position: [0, 9, 0.8], size: [4, 2, 1.5], yaw: 0, trackId: '00-new', cuboidId: 'c9' })); // prettier-ignore
    labels.commit('renameTrack', renameTrack(labels.doc, { trackId: '08-old', name: 'Red truck' }));
    await labels.flushed();
    const reopened = new LabelsState(await new LabelRepository(openDb(db.name), 's1').load(), repo, 'tester');
    expect((reopened.doc.get('00-new') as Track).number).toBe(3);
    expect(names(reopened)).toEqual({ '09-old': 'Car 2', '08-old': 'Red truck', '07-old': 'Car 1', '00-new': 'Car 3' }); // prettier-ignore
    reopened.undo();
    expect(names(reopened)['08-old']).toBe('Truck 1');
  });
});
