import { describe, expect, it } from 'vitest';
import { setTrackSize } from '../../../../src/core/edits/set-track-size';
import { applyPatch, invertPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import type { Cuboid, Track } from '../../../../src/core/model/labels';

const track: Track = { type: 'track', id: 't', sceneId: 's', classId: 'car', attributes: {}, rigid: true, sizeSource: { kind: 'fit', frameIndex: 0, points: 480 } }; // prettier-ignore
const box = (frameIndex: number, yaw: number, extra: Partial<Cuboid> = {}): Cuboid => ({
  type: 'cuboid',
  id: `b${frameIndex}`,
  sceneId: 's',
  trackId: 't',
  frameIndex,
  position: [10, 2, 0.7],
  size: [4, 1.7, 1.4],
  yaw,
  pitch: 0,
  roll: 0,
  attributes: {},
  keyframe: true,
  source: { kind: 'manual' },
  ...extra,
});
const docOf = (...records: (Track | Cuboid)[]): LabelDoc => new Map(records.map((r) => [r.id, r]));
const change = { trackId: 't', size: [4.5, 1.8, 1.5] as const, offset: [0.25, 0, 0.05] as const, sizeSource: { kind: 'points', frames: 2, points: 700 } as const }; // prettier-ignore

describe('setTrackSize', () => {
  it('gives every stored box the size and moves its centre in its own frame; the track records the source', () => {
    const doc = docOf(track, box(0, 0), box(5, Math.PI / 2, { keyframe: false, source: { kind: 'propagated' } }));
    applyPatch(doc, setTrackSize(doc, { ...change, size: [...change.size], offset: [...change.offset] }));
    const [a, b] = [doc.get('b0') as Cuboid, doc.get('b5') as Cuboid];
    expect(a.size).toEqual([4.5, 1.8, 1.5]);
    expect(a.position).toEqual([10.25, 2, 0.75]);
    // Turned a quarter: forward is +y there.
    expect(b.position[0]).toBeCloseTo(10, 9);
    expect(b.position[1]).toBeCloseTo(2.25, 9);
    // An estimate is not the annotator placing the box: flags stay.
    expect(b).toMatchObject({ keyframe: false, source: { kind: 'propagated' } });
    expect((doc.get('t') as Track).sizeSource).toEqual({ kind: 'points', frames: 2, points: 700 });
  });

  it('undoes exactly, and changes nothing when the size, place and source are already those', () => {
    const doc = docOf(track, box(0, 0.3), box(4, -1));
    const before = structuredClone([...doc.values()]);
    const patch = setTrackSize(doc, { ...change, size: [...change.size], offset: [...change.offset] });
    applyPatch(doc, patch);
    applyPatch(doc, invertPatch(patch));
    expect([...doc.values()]).toEqual(before);
    const same = setTrackSize(doc, { trackId: 't', size: [4, 1.7, 1.4], offset: [0, 0, 0], sizeSource: track.sizeSource! }); // prettier-ignore
    expect(same).toEqual({ added: [], updated: [], removed: [] });
  });

  it('refuses a track that is not rigid, an unknown track and a size of zero', () => {
    const args = { ...change, size: [...change.size] as [number, number, number], offset: [0, 0, 0] as [number, number, number] }; // prettier-ignore
    expect(() => setTrackSize(docOf({ ...track, rigid: false }, box(0, 0)), args)).toThrow(/not rigid/);
    expect(() => setTrackSize(docOf(box(0, 0)), args)).toThrow(/no track/);
    expect(() => setTrackSize(docOf(track), { ...args, size: [4, 0, 1] })).toThrow(/positive/);
  });
});
