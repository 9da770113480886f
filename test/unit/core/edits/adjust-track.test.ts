import { describe, expect, it } from 'vitest';
import { adjustmentOf, adjustTrack } from '../../../../src/core/edits/adjust-track';
import { applyPatch, invertPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import { updateCuboid } from '../../../../src/core/edits/update-cuboid';
import { dragBoxInView } from '../../../../src/core/edits/drag-box-in-view';
import { TrackIndex } from '../../../../src/core/tracks/track-index';
import { boxToBox } from '../../../../src/core/tracks/accumulate-track';
import type { FrameTiming } from '../../../../src/core/tracks/frame-motion';
import { fromPose } from '../../../../src/core/math/mat4';
import type { Cuboid, Track } from '../../../../src/core/model/labels';

const track = (id: string, rigid = true): Track => ({
  type: 'track',
  id,
  sceneId: 's',
  classId: 'car',
  attributes: {},
  rigid,
});
const box = (
  trackId: string,
  frameIndex: number,
  yaw: number,
  size: [number, number, number] = [4, 2, 1.5],
): Cuboid => ({
  type: 'cuboid',
  id: `${trackId}-${frameIndex}`,
  sceneId: 's',
  trackId,
  frameIndex,
  position: [10 + frameIndex, 2 + 0.3 * frameIndex, 0.8],
  size,
  yaw,
  pitch: 0,
  roll: 0,
  attributes: {},
  keyframe: true,
  source: { kind: 'propagated' },
});
const docOf = (...records: (Track | Cuboid)[]): LabelDoc => new Map(records.map((r) => [r.id, r]));
const text = (d: LabelDoc) => JSON.stringify([...d].sort(([a], [b]) => a.localeCompare(b)));
/** Frames 0.1 s apart with the ego driving and turning, so derived boxes are blended in world coordinates. */
const FRAMES: FrameTiming[] = Array.from({ length: 12 }, (_, i) => ({
  timestampUs: i * 100_000,
  worldFromEgo: fromPose([1.4 * i, 0.02 * i * i, 0], 0.03 * i),
}));

describe('adjustTrack', () => {
  it('moves each stored box along its own heading, sets the rigid size, turns every yaw, and nothing else', () => {
    const doc = docOf(track('t'), box('t', 0, 0), box('t', 4, Math.PI / 2), box('t', 8, Math.PI), box('u', 4, 0));
    const patch = adjustTrack(doc, { trackId: 't', offset: [0.5, 0, 0.1], size: [5, 2.1, 1.6], yawDelta: 0.1 });
    // Every stored box of the track, and the track: its new size is now one set by hand.
    expect(patch.updated).toHaveLength(4);
    expect(patch.updated.find(([, a]) => a.type === 'track')?.[1]).toMatchObject({ sizeSource: { kind: 'hand' } });
    const boxes = patch.updated.filter(([, a]) => a.type === 'cuboid');
    const after = new Map(boxes.map(([, a]) => [a.id, a as Cuboid]));
    [10.5, 2, 0.9].forEach((v, i) => expect(after.get('t-0')!.position[i]).toBeCloseTo(v, 9));
    expect(after.get('t-4')!.position[0]).toBeCloseTo(14, 9);
    expect(after.get('t-4')!.position[1]).toBeCloseTo(2 + 1.2 + 0.5, 9);
    expect(after.get('t-8')!.position[0]).toBeCloseTo(18 - 0.5, 9);
    expect(after.get('t-8')!.yaw).toBeCloseTo(-Math.PI + 0.1, 9);
    for (const c of after.values()) {
      expect(c.size).toEqual([5, 2.1, 1.6]);
      expect(c).toMatchObject({ keyframe: true, source: { kind: 'manual' } });
    }
  });

  it('inverts exactly: apply then the inverse restores the doc, and redo gives the same again', () => {
    const doc = docOf(track('t'), box('t', 0, 0.3), box('t', 6, -2.9), box('u', 1, 0));
    const before = text(doc);
    const patch = adjustTrack(doc, { trackId: 't', offset: [0.2, -0.1, 0], yawDelta: 0.5 });
    applyPatch(doc, patch);
    const after = text(doc);
    applyPatch(doc, invertPatch(patch));
    expect(text(doc)).toBe(before);
    applyPatch(doc, patch);
    expect(text(doc)).toBe(after);
  });

  it('keeps each box of a non-rigid track its own size, changed by the same amount', () => {
    const doc = docOf(track('p', false), box('p', 0, 0, [0.6, 0.5, 1.7]), box('p', 3, 0, [0.8, 0.6, 1.8]));
    const patch = adjustTrack(doc, {
      trackId: 'p',
      offset: [0, 0, 0],
      size: [0.7, 0.5, 1.7],
      sizeFrom: [0.6, 0.5, 1.7],
    });
    const sizes = patch.updated.map(([, a]) => (a as Cuboid).size.map((s) => +s.toFixed(9)));
    expect(sizes).toEqual([
      [0.7, 0.5, 1.7],
      [0.9, 0.6, 1.8],
    ]);
    expect(() => adjustTrack(doc, { trackId: 'p', offset: [0, 0, 0], size: [0, 1, 1] })).toThrow(/positive/);
    expect(() => adjustTrack(doc, { trackId: 'nope', offset: [0, 0, 0] })).toThrow(/no track/);
  });

  it('leaves the box-to-box transforms of the track unchanged, so the accumulated points stay valid', () => {
    const doc = docOf(track('t'), box('t', 0, 0.2), box('t', 5, 1.1));
    const patch = adjustTrack(doc, { trackId: 't', offset: [0.7, -0.3, 0.05], yawDelta: -0.4 });
    const [a, b] = patch.updated as [Cuboid, Cuboid][];
    const before = boxToBox(a![0], b![0]);
    boxToBox(a![1], b![1]).forEach((v, k) => expect(v).toBeCloseTo(before[k]!, 9));
  });

  it('carries the derived boxes between the stored ones along', () => {
    const doc = docOf(track('t'), box('t', 2, 0.4), box('t', 10, 0.4));
    const index = new TrackIndex(doc);
    const derivedBefore = index.cuboidsOn(6, FRAMES).find((c) => c.trackId === 't')!;
    const patch = adjustTrack(doc, { trackId: 't', offset: [1, 0.5, 0], size: [4.6, 2, 1.5], yawDelta: 0.2 });
    applyPatch(doc, patch);
    index.applyPatch(patch);
    const derived = index.cuboidsOn(6, FRAMES).find((c) => c.trackId === 't')!;
    expect(derived.source.kind).toBe('interpolated');
    expect(derived.size).toEqual([4.6, 2, 1.5]);
    expect(derived.yaw).toBeCloseTo(derivedBefore.yaw + 0.2, 6);
    // The derived box moved by the same box-frame offset, up to the chord of the 0.24 rad the box turns (in
    // the world) between its stored frames: under 1 cm for this 1.1 m offset.
    const r = fromPose([0, 0, 0], derivedBefore.yaw);
    const shift = [r[0]! * 1 + r[1]! * 0.5, r[4]! * 1 + r[5]! * 0.5];
    const moved = [0, 1].map((i) => derived.position[i]! - derivedBefore.position[i]!);
    expect(Math.hypot(moved[0]! - shift[0]!, moved[1]! - shift[1]!)).toBeLessThan(0.01);
  });
});

describe('adjustmentOf', () => {
  it('turns a drag on one box into the adjustment that does the same to it', () => {
    const start = { ...box('t', 0, 0.7), pitch: 0.05 };
    const doc = docOf(track('t'), start);
    for (const handle of [
      { kind: 'resize', h: 1, k: 0 },
      { kind: 'move' },
      { kind: 'rotate' },
      { kind: 'resize', h: -1, k: 1 },
    ] as const) {
      const change = dragBoxInView('side', start, handle, { dh: 0.4, dk: -0.2, h: -1, k: 2 });
      const single = updateCuboid(doc, { cuboidId: start.id, change }).updated[0]![1] as Cuboid;
      const whole = adjustTrack(doc, adjustmentOf('t', start, change)).updated[0]![1] as Cuboid;
      whole.position.forEach((v, i) => expect(v).toBeCloseTo(single.position[i]!, 9));
      whole.size.forEach((v, i) => expect(v).toBeCloseTo(single.size[i]!, 9));
      expect(whole.yaw).toBeCloseTo(single.yaw, 9);
    }
  });
});
