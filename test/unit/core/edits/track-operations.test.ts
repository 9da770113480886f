import { describe, expect, it } from 'vitest';
import { applyPatch, invertPatch, type LabelDoc, type Patch } from '../../../../src/core/edits/patch';
import { deleteTrackFrom, mergeTracks, reassignFrom, splitTrack } from '../../../../src/core/edits/track-operations';
import { predictCuboid, propagateCuboid } from '../../../../src/core/edits/propagate';
import type { Cuboid, Track } from '../../../../src/core/model/labels';
import { fromPose, transformPoint } from '../../../../src/core/math/mat4';
import type { FrameTiming } from '../../../../src/core/tracks/frame-motion';

const track = (id: string, classId = 'car'): Track => ({
  type: 'track',
  id,
  sceneId: 's',
  classId,
  attributes: { emergency: false },
  rigid: true,
});
const box = (trackId: string, frameIndex: number, x = frameIndex): Cuboid => ({
  type: 'cuboid',
  id: `${trackId}-${frameIndex}`,
  sceneId: 's',
  trackId,
  frameIndex,
  position: [x, 2, 0.8],
  size: [4, 2, 1.5],
  yaw: 0.2,
  pitch: 0,
  roll: 0,
  attributes: {},
  keyframe: true,
  source: { kind: 'manual' },
});
function doc(...records: (Track | Cuboid)[]): LabelDoc {
  return new Map(records.map((r) => [r.id, r]));
}
const text = (d: LabelDoc) => JSON.stringify([...d].sort(([a], [b]) => a.localeCompare(b)));
/** Applies a patch, checks that its inverse restores the doc, and applies it again. */
function applyAndCheckInverse(d: LabelDoc, p: Patch): void {
  const before = text(d);
  applyPatch(d, p);
  const after = text(d);
  applyPatch(d, invertPatch(p));
  expect(text(d)).toBe(before);
  applyPatch(d, p);
  expect(text(d)).toBe(after);
}
const framesOf = (d: LabelDoc, trackId: string) =>
  [...d.values()]
    .filter((r): r is Cuboid => r.type === 'cuboid' && r.trackId === trackId)
    .map((c) => c.frameIndex)
    .sort((a, b) => a - b);

describe('track operations', () => {
  it('splits a track at a frame into a new track of the same class and attributes', () => {
    const d = doc(track('a'), box('a', 0), box('a', 5), box('a', 9));
    applyAndCheckInverse(d, splitTrack(d, { trackId: 'a', atFrame: 5, newTrackId: 'b' }));
    expect(framesOf(d, 'a')).toEqual([0]);
    expect(framesOf(d, 'b')).toEqual([5, 9]);
    // The new part is another object: the next number of its class ('a' shows as Car 1), not the first's identity.
    expect(d.get('b')).toEqual({ ...track('a'), id: 'b', number: 2 });
    expect(() => splitTrack(d, { trackId: 'a', atFrame: 0, newTrackId: 'c' })).toThrow(/nothing of the track/);
  });

  it("leaves the dataset's id and the name with the first part of a split", () => {
    const named = { ...track('a'), name: 'Bus left', externalId: '3f9a2c1e-0000-4000-8000-000000000001', number: 4 };
    const d = doc(named, track('z'), box('a', 0), box('a', 5));
    applyAndCheckInverse(d, splitTrack(d, { trackId: 'a', atFrame: 5, newTrackId: 'b' }));
    expect(d.get('a')).toEqual(named);
    // 'z' shows as Car 1 (no number stored), 'a' by its name: the new part is Car 2.
    expect(d.get('b')).toEqual({ ...track('a'), id: 'b', number: 2 });
  });

  it('merges two tracks into one and refuses where both have a box on a frame, naming it', () => {
    const d = doc(track('a'), track('b', 'truck'), box('a', 0), box('a', 1), box('b', 4), box('b', 6));
    applyAndCheckInverse(d, mergeTracks(d, { keepId: 'a', mergeId: 'b' }));
    expect(framesOf(d, 'a')).toEqual([0, 1, 4, 6]);
    expect(d.has('b')).toBe(false);
    const clash = doc(track('a'), track('b'), box('a', 3), box('b', 3));
    expect(() => mergeTracks(clash, { keepId: 'a', mergeId: 'b' })).toThrow(/frame 4/);
  });

  it('changes identity from a frame on: the boxes from there join the other track', () => {
    const d = doc(track('a'), track('b'), box('a', 0), box('a', 5), box('b', 1));
    applyAndCheckInverse(d, reassignFrom(d, { trackId: 'a', fromFrame: 3, toTrackId: 'b' }));
    expect(framesOf(d, 'a')).toEqual([0]);
    expect(framesOf(d, 'b')).toEqual([1, 5]);
  });

  it('deletes from a frame on, and the whole track with its record from its start', () => {
    const d = doc(track('a'), box('a', 0), box('a', 5), box('a', 9));
    applyAndCheckInverse(d, deleteTrackFrom(d, { trackId: 'a', fromFrame: 5 }));
    expect(framesOf(d, 'a')).toEqual([0]);
    applyAndCheckInverse(d, deleteTrackFrom(d, { trackId: 'a', fromFrame: 0 }));
    expect(d.size).toBe(0);
  });
});

describe('propagation and prediction', () => {
  // The ego drives 1.5 m a frame and turns 2° a frame.
  const frames: FrameTiming[] = Array.from({ length: 10 }, (_, i) => ({
    timestampUs: i * 100_000,
    worldFromEgo: fromPose([1.5 * i, 0, 0], (2 * Math.PI * i) / 180),
  }));

  it('copies a box to the next frame where it stays put in the world', () => {
    const d = doc(track('a'), box('a', 3, 12));
    const p = propagateCuboid(d, { box: d.get('a-3') as Cuboid, toFrame: 4, frames, id: 'new' });
    applyAndCheckInverse(d, p);
    const copy = d.get('new') as Cuboid;
    expect(copy).toMatchObject({ trackId: 'a', frameIndex: 4, keyframe: true, source: { kind: 'propagated' } });
    const world = (c: Cuboid) => transformPoint(frames[c.frameIndex]!.worldFromEgo!, c.position);
    world(copy).forEach((v, i) => expect(v).toBeCloseTo(world(d.get('a-3') as Cuboid)[i]!, 9));
    expect(copy.yaw).toBeCloseTo(0.2 - (2 * Math.PI) / 180, 9);
    // Again onto the same frame: the track's box there is replaced, not doubled.
    const again = propagateCuboid(d, { box: d.get('a-3') as Cuboid, toFrame: 4, frames, id: 'other' });
    expect(again.added).toEqual([]);
    expect(again.updated[0]![0].id).toBe('new');
  });

  it('predicts at constant velocity from the two boxes before, in the world, forwards and backwards', () => {
    // A car moving 1 m a frame along world x: seen from each frame's ego.
    const seen = (i: number, worldX: number): Cuboid => {
      const m = frames[i]!.worldFromEgo!;
      // Inverse of a 2D rigid transform, by hand: rotate back by the ego yaw after taking the offset.
      const yaw = Math.atan2(m[4]!, m[0]!);
      const [dx, dy] = [worldX - m[3]!, 5 - m[7]!];
      return {
        ...box('a', i),
        position: [dx * Math.cos(yaw) + dy * Math.sin(yaw), -dx * Math.sin(yaw) + dy * Math.cos(yaw), 0.8],
        yaw: -yaw,
      };
    };
    const d = doc(track('a'), seen(2, 20), seen(4, 22));
    const forward = predictCuboid(d, { trackId: 'a', toFrame: 7, frames, id: 'p7' })!;
    applyAndCheckInverse(d, forward);
    const world = transformPoint(frames[7]!.worldFromEgo!, (d.get('p7') as Cuboid).position);
    expect(world[0]).toBeCloseTo(25, 9);
    expect(world[1]).toBeCloseTo(5, 9);
    const backward = predictCuboid(d, { trackId: 'a', toFrame: 0, frames, id: 'p0' })!;
    applyPatch(d, backward);
    expect(transformPoint(frames[0]!.worldFromEgo!, (d.get('p0') as Cuboid).position)[0]).toBeCloseTo(18, 9);
    expect(predictCuboid(doc(track('b'), box('b', 1)), { trackId: 'b', toFrame: 2, frames, id: 'x' })).toBeUndefined();
  });
});

describe('ids after a change of identity', () => {
  it('renames a box stored from a derived one after its new track, so the old track can derive that id again', () => {
    const stored = { ...box('a', 5), id: 'a@5' };
    const d = doc(track('a'), track('b'), box('a', 0), stored, box('a', 9), box('b', 1));
    applyAndCheckInverse(d, reassignFrom(d, { trackId: 'a', fromFrame: 5, toTrackId: 'b' }));
    expect(d.has('a@5')).toBe(false);
    expect(d.get('b@5')).toMatchObject({ trackId: 'b', frameIndex: 5 });
    // Plain ids keep their name.
    expect(d.get('a-9')).toMatchObject({ trackId: 'b' });
  });
});
