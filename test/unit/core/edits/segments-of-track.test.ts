import { describe, expect, it } from 'vitest';
import { applyPatch, invertPatch, type LabelDoc, type Patch } from '../../../../src/core/edits/patch';
import { deleteTrackFrom, mergeTracks, splitTrack } from '../../../../src/core/edits/track-operations';
import { deleteCuboid } from '../../../../src/core/edits/delete-cuboid';
import type { Cuboid, LabelRecord, TimeSegment, Track } from '../../../../src/core/model/labels';
import { storedCuboid } from '../stored-cuboid';

const track = (id: string): Track => ({ type: 'track', id, sceneId: 's', classId: 'car', attributes: {}, rigid: true });
const box = (trackId: string, frameIndex: number): Cuboid =>
  storedCuboid({ id: `${trackId}-${frameIndex}`, trackId, frameIndex, position: [frameIndex, 0, 0.8] });
const seg = (id: string, trackId: string | undefined, startFrame: number, endFrame: number): TimeSegment => ({
  type: 'segment',
  id,
  sceneId: 's',
  ...(trackId !== undefined && { trackId }),
  kind: 'braking',
  startFrame,
  endFrame,
  attributes: { hard: true },
});
const doc = (...records: LabelRecord[]): LabelDoc => new Map(records.map((r) => [r.id, r]));
const text = (d: LabelDoc) => JSON.stringify([...d].sort(([a], [b]) => a.localeCompare(b)));
function applyAndCheckInverse(d: LabelDoc, p: Patch): void {
  const before = text(d);
  applyPatch(d, p);
  applyPatch(d, invertPatch(p));
  expect(text(d)).toBe(before);
  applyPatch(d, p);
}
/** Every segment as [id, track, start, end], by id. */
const segments = (d: LabelDoc) =>
  [...d.values()]
    .filter((r): r is TimeSegment => r.type === 'segment')
    .map((s) => [s.id, s.trackId, s.startFrame, s.endFrame])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('time segments follow their track', () => {
  it('go with the whole track when it is deleted; the scene’s and other tracks’ stay', () => {
    const d = doc(track('a'), track('b'), box('a', 0), box('a', 9), box('b', 3), seg('x', 'a', 0, 5));
    d.set('y', seg('y', 'b', 2, 4));
    d.set('z', seg('z', undefined, 1, 2));
    applyAndCheckInverse(d, deleteTrackFrom(d, { trackId: 'a', fromFrame: 0 }));
    expect(segments(d)).toEqual([
      ['y', 'b', 2, 4],
      ['z', undefined, 1, 2],
    ]);
  });

  it('are cut where a track is deleted from a frame on', () => {
    const d = doc(track('a'), box('a', 0), box('a', 5), box('a', 9));
    for (const s of [seg('early', 'a', 0, 2), seg('across', 'a', 3, 8), seg('late', 'a', 6, 9)]) d.set(s.id, s);
    applyAndCheckInverse(d, deleteTrackFrom(d, { trackId: 'a', fromFrame: 5 }));
    expect(segments(d)).toEqual([
      ['across', 'a', 3, 4],
      ['early', 'a', 0, 2],
    ]);
  });

  it('go with the track when its last box is deleted', () => {
    const d = doc(track('a'), box('a', 4), seg('x', 'a', 0, 9));
    applyAndCheckInverse(d, deleteCuboid(d, { cuboidId: 'a-4' }));
    expect(segments(d)).toEqual([]);
  });

  it('follow the later part of a split; one spanning the split is cut in two', () => {
    const d = doc(track('a'), box('a', 0), box('a', 5), box('a', 9));
    for (const s of [seg('early', 'a', 0, 2), seg('across', 'a', 3, 8), seg('late', 'a', 6, 9)]) d.set(s.id, s);
    applyAndCheckInverse(d, splitTrack(d, { trackId: 'a', atFrame: 5, newTrackId: 'b' }));
    expect(segments(d)).toEqual([
      ['across', 'a', 3, 4],
      ['across~b', 'b', 5, 8],
      ['early', 'a', 0, 2],
      ['late', 'b', 6, 9],
    ]);
    expect((d.get('across~b') as TimeSegment).attributes).toEqual({ hard: true });
  });

  it('all move to the kept track on a merge', () => {
    const d = doc(track('a'), track('b'), box('a', 0), box('b', 5), seg('x', 'b', 0, 9), seg('y', 'a', 1, 2));
    applyAndCheckInverse(d, mergeTracks(d, { keepId: 'a', mergeId: 'b' }));
    expect(segments(d)).toEqual([
      ['x', 'a', 0, 9],
      ['y', 'a', 1, 2],
    ]);
  });
});
