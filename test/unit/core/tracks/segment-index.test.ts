import { describe, expect, it } from 'vitest';
import { applyPatch, invertPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import { createSegment, deleteSegment, setSegmentBounds } from '../../../../src/core/edits/segment-edits';
import type { Track } from '../../../../src/core/model/labels';
import { SegmentIndex } from '../../../../src/core/tracks/segment-index';

const track: Track = { type: 'track', id: 't', sceneId: 's', classId: 'car', attributes: {}, rigid: true };
const ids = (index: SegmentIndex, trackId?: string) => index.of(trackId).map((s) => `${s.id}:${s.startFrame}`);

describe('SegmentIndex', () => {
  it('lists a track’s segments and the scene’s, by start frame, patch by patch', () => {
    const doc: LabelDoc = new Map([[track.id, track]]);
    const index = new SegmentIndex(doc);
    const apply = (p: ReturnType<typeof createSegment>) => {
      applyPatch(doc, p);
      index.applyPatch(p);
      return p;
    };
    const base = { sceneId: 's', kind: 'braking', frameCount: 50 };
    apply(createSegment(doc, { ...base, id: 'b', trackId: 't', startFrame: 20, endFrame: 25 }));
    apply(createSegment(doc, { ...base, id: 'a', trackId: 't', startFrame: 5, endFrame: 8 }));
    apply(createSegment(doc, { ...base, id: 'scene', startFrame: 0, endFrame: 3 }));
    expect(ids(index, 't')).toEqual(['a:5', 'b:20']);
    expect(ids(index)).toEqual(['scene:0']);
    const moved = apply(setSegmentBounds(doc, { segmentId: 'a', startFrame: 30, endFrame: 40, frameCount: 50 }));
    expect(ids(index, 't')).toEqual(['b:20', 'a:30']);
    apply(invertPatch(moved));
    expect(ids(index, 't')).toEqual(['a:5', 'b:20']);
    apply(deleteSegment(doc, { segmentId: 'scene' }));
    expect(ids(index)).toEqual([]);
    expect(index.size).toBe(2);
    // Built from a doc, it says the same as kept in step.
    expect(ids(new SegmentIndex(doc), 't')).toEqual(['a:5', 'b:20']);
  });
});
