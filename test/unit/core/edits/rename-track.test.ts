import { describe, expect, it } from 'vitest';
import { createCuboid } from '../../../../src/core/edits/create-cuboid';
import { applyPatch, invertPatch, isEmptyPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import { renameTrack, TrackNameTakenError } from '../../../../src/core/edits/rename-track';
import { updateTrack } from '../../../../src/core/edits/update-track';
import type { Track } from '../../../../src/core/model/labels';

const track = (id: string, extra: Partial<Track> = {}): Track => ({ type: 'track', id, sceneId: 's', classId: 'car', attributes: {}, rigid: true, ...extra }); // prettier-ignore
const doc = (...tracks: Track[]): LabelDoc => new Map(tracks.map((t) => [t.id, t]));
const place = (d: LabelDoc, n: number, classId = 'car') =>
  createCuboid(d, { sceneId: 's', frameIndex: 0, classId, position: [n, 0, 0.8], size: [4, 2, 1.5], yaw: 0, trackId: `t${n}`, cuboidId: `c${n}` }); // prettier-ignore

describe('renameTrack', () => {
  it('names a track as one undoable edit, trimmed, and an empty name gives the naming rule back', () => {
    const d = doc(track('a', { externalId: '17' }));
    const before = JSON.stringify([...d]);
    const rename = renameTrack(d, { trackId: 'a', name: '  Blue van ' });
    applyPatch(d, rename);
    expect(d.get('a')).toEqual(track('a', { externalId: '17', name: 'Blue van' }));
    applyPatch(d, invertPatch(rename));
    expect(JSON.stringify([...d])).toBe(before);
    applyPatch(d, rename);
    expect(isEmptyPatch(renameTrack(d, { trackId: 'a', name: 'Blue van' }))).toBe(true);
    applyPatch(d, renameTrack(d, { trackId: 'a', name: '' }));
    // The name field is gone, not left empty: the dataset's id names it again.
    expect(d.get('a')).toEqual(track('a', { externalId: '17' }));
  });

  it('refuses a name another track has or shows, naming that track', () => {
    const d = doc(track('a', { name: 'Lead car' }), track('b'));
    expect(() => renameTrack(d, { trackId: 'b', name: 'Lead car' })).toThrow(TrackNameTakenError);
    const shown = new Map([['a', 'Lead car'], ['b', 'Car 1']]); // prettier-ignore
    expect(() => renameTrack(d, { trackId: 'a', name: 'Car 1', shown })).toThrow(/track b/);
    expect(() => renameTrack(d, { trackId: 'x', name: 'y' })).toThrow(/no track x/);
  });
});

describe('track numbers given by edits', () => {
  it('a placed box makes a track with the next number of its class; a class change takes the next of the new one', () => {
    const d: LabelDoc = new Map();
    for (const n of [1, 2]) applyPatch(d, place(d, n));
    applyPatch(d, place(d, 3, 'truck'));
    expect([1, 2, 3].map((n) => (d.get(`t${n}`) as Track).number)).toEqual([1, 2, 1]);
    const change = updateTrack(d, { trackId: 't1', classId: 'truck' });
    applyPatch(d, change);
    expect((d.get('t1') as Track).number).toBe(2);
    applyPatch(d, invertPatch(change));
    expect(d.get('t1')).toMatchObject({ classId: 'car', number: 1 });
    // A track with no stored number (stored before numbers existed) keeps none: the rule numbers it.
    const old = doc(track('o'));
    applyPatch(old, updateTrack(old, { trackId: 'o', classId: 'truck' }));
    expect((old.get('o') as Track).number).toBeUndefined();
  });
});
