import { describe, expect, it } from 'vitest';
import { createCuboid } from '../../../../src/core/edits/create-cuboid';
import { adjustTrack } from '../../../../src/core/edits/adjust-track';
import { applyPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import type { Track } from '../../../../src/core/model/labels';

const args = { sceneId: 's', frameIndex: 2, classId: 'car', position: [5, 1, 0.8] as const, size: [4, 2, 1.5] as const, yaw: 0, trackId: 't', cuboidId: 'c' }; // prettier-ignore
const place = (doc: LabelDoc, sizeSource?: Track['sizeSource']) => {
  applyPatch(doc, createCuboid(doc, { ...args, position: [...args.position], size: [...args.size], sizeSource }));
  return doc.get('t') as Track;
};

describe('where a track’s size came from, as edits record it', () => {
  it('a new track keeps the source its box was sized by, and none where the caller gave none', () => {
    expect(place(new Map(), { kind: 'fit', frameIndex: 2, points: 480 }).sizeSource).toEqual({ kind: 'fit', frameIndex: 2, points: 480 }); // prettier-ignore
    expect('sizeSource' in place(new Map())).toBe(false);
  });

  it('a track-view drag that resizes a rigid track marks its size as set by hand; a move leaves the source', () => {
    const doc: LabelDoc = new Map();
    place(doc, { kind: 'points', frames: 3, points: 1240 });
    const moved = adjustTrack(doc, { trackId: 't', offset: [0.1, 0, 0] });
    expect(moved.updated.map(([, after]) => after.type)).toEqual(['cuboid']);
    const resized = adjustTrack(doc, { trackId: 't', offset: [0, 0, 0], size: [4.4, 1.8, 1.5] });
    applyPatch(doc, resized);
    expect((doc.get('t') as Track).sizeSource).toEqual({ kind: 'hand' });
    // Already by hand: nothing more to record.
    expect(adjustTrack(doc, { trackId: 't', offset: [0, 0, 0], size: [4.5, 1.8, 1.5] }).updated.map(([, a]) => a.type)).toEqual(['cuboid']); // prettier-ignore
  });

  it('a track that is not rigid records no size source: its boxes keep sizes of their own', () => {
    const doc: LabelDoc = new Map();
    const track = place(doc, { kind: 'default' });
    doc.set('t', { ...track, rigid: false });
    const patch = adjustTrack(doc, { trackId: 't', offset: [0, 0, 0], size: [4.4, 1.8, 1.5], sizeFrom: [4, 2, 1.5] });
    expect(patch.updated.map(([, after]) => after.type)).toEqual(['cuboid']);
  });
});
