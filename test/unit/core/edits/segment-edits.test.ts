import { describe, expect, it } from 'vitest';
import { applyPatch, invertPatch, isEmptyPatch, type LabelDoc, type Patch } from '../../../../src/core/edits/patch';
import {
  clampSpan,
  createSegment,
  deleteSegment,
  setSegmentAttribute,
  setSegmentBounds,
  setSegmentKind,
} from '../../../../src/core/edits/segment-edits';
import { AttributeRefusedError } from '../../../../src/core/edits/set-attribute';
import type { LabelRecord, TimeSegment, Track } from '../../../../src/core/model/labels';
import type { AttributeSpec } from '../../../../src/core/model/ontology';

const FRAMES = 50;
const track: Track = { type: 'track', id: 't', sceneId: 's', classId: 'car', attributes: {}, rigid: true };
const segment = (over: Partial<TimeSegment> = {}): TimeSegment => ({
  type: 'segment',
  id: 'g',
  sceneId: 's',
  trackId: 't',
  kind: 'braking',
  startFrame: 10,
  endFrame: 20,
  attributes: {},
  ...over,
});
const doc = (...records: LabelRecord[]): LabelDoc => new Map(records.map((r) => [r.id, r]));
const text = (d: LabelDoc) => JSON.stringify([...d].sort(([a], [b]) => a.localeCompare(b)));
/** Applies a patch and checks that its inverse gives the doc back, then applies it again. */
function applyAndCheckInverse(d: LabelDoc, p: Patch): void {
  const before = text(d);
  applyPatch(d, p);
  const after = text(d);
  applyPatch(d, invertPatch(p));
  expect(text(d)).toBe(before);
  applyPatch(d, p);
  expect(text(d)).toBe(after);
}
const stored = (d: LabelDoc, id = 'g') => d.get(id) as TimeSegment;

describe('clampSpan', () => {
  it('keeps a span inside the scene, its ends in order and on whole frames', () => {
    expect(clampSpan(-5, 70, FRAMES)).toEqual([0, 49]);
    expect(clampSpan(30, 12, FRAMES)).toEqual([12, 30]);
    expect(clampSpan(3.4, 3.6, FRAMES)).toEqual([3, 4]);
    expect(clampSpan(0, 5, 0)).toEqual([0, 0]);
  });
});

describe('segment edits', () => {
  it('creates a segment on a track and one on the whole scene, clamped', () => {
    const d = doc(track);
    const base = { sceneId: 's', kind: 'lane_change', frameCount: FRAMES };
    applyAndCheckInverse(d, createSegment(d, { ...base, id: 'a', trackId: 't', startFrame: 45, endFrame: 55 }));
    expect(stored(d, 'a')).toMatchObject({ trackId: 't', startFrame: 45, endFrame: 49, attributes: {} });
    applyAndCheckInverse(d, createSegment(d, { ...base, id: 'b', startFrame: 8, endFrame: 2 }));
    expect(stored(d, 'b')).toMatchObject({ startFrame: 2, endFrame: 8 });
    expect(stored(d, 'b')).not.toHaveProperty('trackId');
    expect(() => createSegment(d, { ...base, id: 'a', startFrame: 0, endFrame: 1 })).toThrow(/in use/);
    expect(() => createSegment(d, { ...base, id: 'c', trackId: 'x', startFrame: 0, endFrame: 1 })).toThrow(/no track/);
  });

  it('moves one end without passing the other, and both ends in order', () => {
    const d = doc(track, segment());
    applyAndCheckInverse(d, setSegmentBounds(d, { segmentId: 'g', endFrame: 30, frameCount: FRAMES }));
    expect(stored(d)).toMatchObject({ startFrame: 10, endFrame: 30 });
    applyAndCheckInverse(d, setSegmentBounds(d, { segmentId: 'g', endFrame: 4, frameCount: FRAMES }));
    expect(stored(d)).toMatchObject({ startFrame: 10, endFrame: 10 });
    applyAndCheckInverse(d, setSegmentBounds(d, { segmentId: 'g', startFrame: 40, frameCount: FRAMES }));
    expect(stored(d)).toMatchObject({ startFrame: 10, endFrame: 10 });
    applyAndCheckInverse(d, setSegmentBounds(d, { segmentId: 'g', startFrame: 99, endFrame: -3, frameCount: FRAMES }));
    expect(stored(d)).toMatchObject({ startFrame: 0, endFrame: 49 });
    expect(isEmptyPatch(setSegmentBounds(d, { segmentId: 'g', endFrame: 49, frameCount: FRAMES }))).toBe(true);
  });

  it('changes the kind, keeping the attributes', () => {
    const d = doc(track, segment({ attributes: { direction: 'left' } }));
    applyAndCheckInverse(d, setSegmentKind(d, { segmentId: 'g', kind: 'turning' }));
    expect(stored(d)).toMatchObject({ kind: 'turning', attributes: { direction: 'left' } });
    expect(isEmptyPatch(setSegmentKind(d, { segmentId: 'g', kind: 'turning' }))).toBe(true);
  });

  it('sets and clears an attribute, refusing a value the spec does not allow', () => {
    const spec: AttributeSpec = { id: 'direction', kind: 'enum', dynamic: false, values: ['left', 'right'] };
    const d = doc(track, segment());
    applyAndCheckInverse(d, setSegmentAttribute(d, { segmentId: 'g', spec, value: 'right' }));
    expect(stored(d).attributes).toEqual({ direction: 'right' });
    expect(() => setSegmentAttribute(d, { segmentId: 'g', spec, value: 'up' })).toThrow(AttributeRefusedError);
    applyAndCheckInverse(d, setSegmentAttribute(d, { segmentId: 'g', spec, value: undefined }));
    expect(stored(d).attributes).toEqual({});
  });

  it('deletes a segment, and refuses records that are not segments', () => {
    const d = doc(track, segment());
    applyAndCheckInverse(d, deleteSegment(d, { segmentId: 'g' }));
    expect(d.has('g')).toBe(false);
    expect(() => deleteSegment(d, { segmentId: 't' })).toThrow(/no segment t/);
  });
});
