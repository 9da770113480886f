import { describe, expect, it } from 'vitest';
import { applyPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import { updateCuboid } from '../../../../src/core/edits/update-cuboid';
import type { Cuboid, LabelRecord, Track } from '../../../../src/core/model/labels';
import type { ReviewTarget } from '../../../../src/core/model/review';
import { labelDigest, type ReviewLabels } from '../../../../src/core/review/label-digest';
import { TrackIndex } from '../../../../src/core/tracks/track-index';
import { storedCuboid } from '../stored-cuboid';

const track = (id: string, classId = 'car'): Track => ({ type: 'track', id, sceneId: 's', classId, attributes: {}, rigid: true }); // prettier-ignore
const frames = Array.from({ length: 6 }, (_, i) => ({ timestampUs: i * 100_000 }));

/** Track t with keyframes on frames 0 and 4 (so 1–3 are derived), and track u with one box on frame 2. */
function scene(): LabelDoc {
  const records: LabelRecord[] = [
    track('t'),
    track('u', 'pedestrian'),
    storedCuboid({ frameIndex: 0 }),
    storedCuboid({ frameIndex: 4, position: [4, 0, 0.8] }),
    storedCuboid({ frameIndex: 2, id: 'u2', trackId: 'u', position: [0, 5, 0.9], size: [0.6, 0.6, 1.7] }),
  ];
  return new Map(records.map((r) => [r.id, r]));
}

const readerOf = (doc: LabelDoc): ReviewLabels => {
  const index = new TrackIndex(doc);
  return { cuboidsOn: (f) => index.cuboidsOn(f, frames), track: (id) => index.track(id), boxesOf: (id) => index.boxesOf(id) }; // prettier-ignore
};
const digest = (doc: LabelDoc, target: ReviewTarget) => labelDigest(target, readerOf(doc));
const edit = (doc: LabelDoc, id: string, change: Partial<Cuboid>) => {
  applyPatch(doc, updateCuboid(doc, { cuboidId: id, change }));
  return doc;
};

describe('labelDigest', () => {
  const targets: ReviewTarget[] = [
    { kind: 'box', trackId: 't', frameIndex: 0 },
    { kind: 'box', trackId: 't', frameIndex: 2 },
    { kind: 'track', trackId: 't' },
    { kind: 'frame', frameIndex: 2 },
    { kind: 'span', startFrame: 1, endFrame: 3, trackId: 't' },
    { kind: 'point', frameIndex: 2, position: [1, 1, 0] },
  ];

  it('is eight hex digits, the same for the same labels', () => {
    for (const target of targets) {
      expect(digest(scene(), target)).toMatch(/^[0-9a-f]{8}$/);
      expect(digest(scene(), target)).toBe(digest(scene(), target));
    }
  });

  it('changes when a judged box moves by a millimetre, not by less', () => {
    const box = { kind: 'box', trackId: 't', frameIndex: 0 } as const;
    const before = digest(scene(), box);
    expect(digest(edit(scene(), 'c0', { position: [0.0004, 0, 0.8] }), box)).toBe(before);
    expect(digest(edit(scene(), 'c0', { position: [0.002, 0, 0.8] }), box)).not.toBe(before);
    expect(digest(edit(scene(), 'c0', { yaw: 0.01 }), box)).not.toBe(before);
    expect(digest(edit(scene(), 'c0', { attributes: { occluded: true } }), box)).not.toBe(before);
  });

  it('follows a derived box: a keyframe edit that moves it makes its digest change', () => {
    const derived = { kind: 'box', trackId: 't', frameIndex: 2 } as const;
    const before = digest(scene(), derived);
    expect(digest(edit(scene(), 'c4', { position: [8, 0, 0.8] }), derived)).not.toBe(before);
  });

  it('keeps the digest of a derived box stored unchanged as a keyframe (ids and sources do not count)', () => {
    const derived = { kind: 'box', trackId: 't', frameIndex: 2 } as const;
    const doc = scene();
    const before = digest(doc, derived);
    const shown = readerOf(doc)
      .cuboidsOn(2)
      .find((c) => c.trackId === 't')!;
    applyPatch(doc, { added: [{ ...shown, id: 'stored-2', keyframe: true, source: { kind: 'manual' } }], updated: [], removed: [] }); // prettier-ignore
    expect(digest(doc, derived)).toBe(before);
  });

  it("counts the track's class for a box, and every box of a frame for a frame", () => {
    const doc = scene();
    const box = { kind: 'box', trackId: 't', frameIndex: 0 } as const;
    const frame = { kind: 'frame', frameIndex: 2 } as const;
    const [before, frameBefore] = [digest(doc, box), digest(doc, frame)];
    applyPatch(doc, { added: [], updated: [[doc.get('t')!, track('t', 'truck')]], removed: [] });
    expect(digest(doc, box)).not.toBe(before);
    expect(digest(doc, frame)).not.toBe(frameBefore);
    // Another track's box on the frame counts for the frame, not for a span of track t.
    const span = { kind: 'span', startFrame: 1, endFrame: 3, trackId: 't' } as const;
    const spanBefore = digest(doc, span);
    const frameNow = digest(doc, frame);
    edit(doc, 'u2', { position: [0, 6, 0.9] });
    expect(digest(doc, frame)).not.toBe(frameNow);
    expect(digest(doc, span)).toBe(spanBefore);
  });

  it('tells a missing box from a present one', () => {
    expect(digest(scene(), { kind: 'box', trackId: 't', frameIndex: 5 })).not.toBe(
      digest(scene(), { kind: 'box', trackId: 't', frameIndex: 4 }),
    );
  });
});
