import { describe, expect, it } from 'vitest';
import { SessionState } from '../../../src/state/session.svelte';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { FrameProvider, LoadedFrame } from '../../../src/state/frame-provider';
import type { LabelRepository } from '../../../src/storage/label-repository';
import type { Scene } from '../../../src/core/model/scene';
import type { Cuboid, Track } from '../../../src/core/model/labels';
import { identity, type Vec3 } from '../../../src/core/math/mat4';
import { generalDriving } from '../../../src/core/model/default-ontology';
import { fitCuboidAtClick } from '../../../src/core/fit/index';
import { placeBoxAt, refitSelected } from '../../../src/state/box-actions';
import { copyTrackHere } from '../../../src/state/track-actions';
import { makeCloud, sampleCar, sampleGround } from '../core/fit/synthetic-scene';

const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;
/** Where the parked car (4.4 × 1.8 × 1.5 m) lies on each frame (ego frame, metres) and how densely it is seen. */
const VIEWS: { at: [number, number]; step: number }[] = [
  { at: [8, 4], step: 0.05 },
  { at: [12, 4], step: 0.3 },
  { at: [-9, 4], step: 0.05 },
];

function cloudOf(frame: number) {
  const { at, step } = VIEWS[frame]!;
  const car = sampleCar(at, 0, 0, [0, 0, 1.9], step, [4.4, 1.8]);
  const road = sampleGround(
    25,
    0.2,
    () => 0,
    (x, y) => Math.abs(x - at[0]) < 2.2 && Math.abs(y - at[1]) < 0.9,
  );
  return makeCloud(car.concat(road));
}

/** A session on three still frames of a parked car; frames load at once and can be read for the track's points. */
function session(): SessionState {
  const frames = VIEWS.map((_, i) => ({ index: i, timestampUs: i * 100_000, lidar: [], cameras: [] }));
  const scene = { id: 's', frames, lidars: [{ id: 'l', name: 'l', egoFromLidar: identity() }], cameras: [] };
  const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester', frames);
  const clouds = VIEWS.map((_, i) => cloudOf(i));
  const load = async (index: number): Promise<LoadedFrame> => ({ index, cloud: clouds[index]!, images: [] });
  const provider: FrameProvider = { load, prefetch: () => {}, read: async (i, use) => use(await load(i)) };
  return new SessionState(scene as unknown as Scene, generalDriving, labels, provider);
}

const trackOf = (s: SessionState): Track => [...s.labels.doc.values()].find((r): r is Track => r.type === 'track')!;
const boxes = (s: SessionState): readonly Cuboid[] => s.labels.tracks.boxesOf(trackOf(s).id);
/** Until the track's frames are read and the estimate, if any, is in. */
async function settled(s: SessionState): Promise<void> {
  while (s.trackSize.progress) await new Promise((r) => setTimeout(r, 0));
}

describe('a rigid track’s size, from its best evidence', () => {
  it('a refit on a sparse frame moves its box but never shrinks the track, in one undo step', async () => {
    const s = session();
    await s.goToFrame(0);
    placeBoxAt(s, 8, 4);
    const placed = trackOf(s).sizeSource;
    expect(placed).toMatchObject({ kind: 'fit', frameIndex: 0 });
    const good: Vec3 = boxes(s)[0]!.size;
    await s.goToFrame(1);
    // What the sparse frame's own fit says: shorter and lower than the car (the old rule gave every box this).
    const sparse = fitCuboidAtClick(cloudOf(1), identity(), { x: 12, y: 4 })!;
    expect(sparse.points).toBeLessThan((placed as { points: number }).points);
    expect(sparse.size.some((v, i) => v < good[i]! - 0.1)).toBe(true);
    const entries = s.labels.history.entries.done.length;
    await copyTrackHere(s, true);
    // The refit itself: the box moved onto the car, the size untouched; the frames are being read meanwhile.
    expect(s.trackSize.progress).toMatchObject({ done: 0, total: 2 });
    expect(boxes(s).map((b) => b.size)).toEqual([good, good]);
    await settled(s);
    const after = boxes(s);
    expect(after).toHaveLength(2);
    expect(Math.hypot(after[1]!.position[0] - 12, after[1]!.position[1] - 4)).toBeLessThan(0.3);
    for (const b of after) b.size.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(good[i]! - 0.02));
    // The copy, then the refit with the estimate from both frames merged into it.
    expect(s.labels.history.entries.done.slice(entries).map((e) => e.name)).toEqual(['copyTrackHere', 'refitCuboid']);
    s.labels.undo();
    expect(boxes(s).map((b) => b.size)).toEqual([good, good]);
    expect(boxes(s)[1]!.position).toEqual(boxes(s)[0]!.position);
    expect(trackOf(s).sizeSource).toEqual(placed);
  });

  it('a size set by hand wins over every fit until the user asks for an estimate, one undo step', async () => {
    const s = session();
    await s.goToFrame(0);
    placeBoxAt(s, 8, 4);
    // The car ahead of the sensor there: the box copied to that frame is moved onto it by hand, then fitted.
    await s.goToFrame(2);
    copyTrackHere(s, false);
    const copy = s.selectedCuboid()!;
    s.labels.editCuboid('moveCuboid', copy, { position: [-9, 4, copy.position[2]] });
    expect(trackOf(s).sizeSource).toMatchObject({ kind: 'fit' });
    expect(refitSelected(s)).toBe(true);
    await settled(s);
    expect(trackOf(s).sizeSource).toMatchObject({ kind: 'points', frames: 2 });
    const estimated = boxes(s)[0]!.size;
    // Both ends and the side seen: the car's length and width, within the boxes' own error.
    expect(Math.abs(estimated[0] - 4.4)).toBeLessThan(0.15);
    expect(Math.abs(estimated[1] - 1.8)).toBeLessThan(0.15);
    s.labels.editCuboid('updateCuboid', s.selectedCuboid()!, { size: [5, 2, 1.6] });
    expect(trackOf(s).sizeSource).toEqual({ kind: 'hand' });
    expect(refitSelected(s)).toBe(true);
    expect(s.trackSize.progress).toBeUndefined();
    expect(boxes(s).map((b) => b.size)).toEqual([
      [5, 2, 1.6],
      [5, 2, 1.6],
    ]);
    const entries = s.labels.history.entries.done.length;
    expect(await s.trackSize.estimate(trackOf(s).id, { force: true })).toBe('applied');
    expect(trackOf(s).sizeSource).toMatchObject({ kind: 'points', frames: 2 });
    // Nearer the car than the hand's 5 × 2 m, though the boxes the hand placed line up less well than the fits'.
    const [length, width] = boxes(s)[0]!.size;
    expect(Math.abs(length - 4.4)).toBeLessThan(0.35);
    expect(Math.abs(width - 1.8)).toBeLessThan(0.15);
    expect(s.labels.history.entries.done.slice(entries).map((e) => e.name)).toEqual(['estimateTrackSize']);
    s.labels.undo();
    expect(trackOf(s).sizeSource).toEqual({ kind: 'hand' });
    expect(boxes(s)[1]!.size).toEqual([5, 2, 1.6]);
  });

  it('says when too few points were found, and leaves the track as it was', async () => {
    const s = session();
    await s.goToFrame(0);
    placeBoxAt(s, 8, 4);
    const box = boxes(s)[0]!;
    // Moved off the car by hand: nothing of it in the box any more.
    s.labels.editCuboid('moveCuboid', box, { position: [8, -10, box.position[2]] });
    expect(await s.trackSize.estimate(box.trackId, { force: true })).toBe('none');
    expect(s.trackSize.asked).toEqual({ trackId: box.trackId, outcome: 'none' });
    expect(boxes(s)[0]!.size).toEqual(box.size);
  });
});

describe('LabelsState.editCuboid on a rigid track', () => {
  it('records a new size as set by hand (or as the caller says), and a move leaves the source alone', async () => {
    const s = session();
    await s.goToFrame(0);
    placeBoxAt(s, 8, 4);
    await s.goToFrame(1);
    copyTrackHere(s, false);
    const fitted = trackOf(s).sizeSource;
    const box = s.selectedCuboid()!;
    s.labels.editCuboid('moveCuboid', box, { position: [9, 4, box.position[2]] });
    expect(trackOf(s).sizeSource).toEqual(fitted);
    s.labels.editCuboid('resizeCuboid', s.selectedCuboid()!, { size: [4.2, 1.7, 1.4] }, 'drag-1');
    expect(trackOf(s).sizeSource).toEqual({ kind: 'hand' });
    expect(boxes(s).map((b) => b.size)).toEqual([
      [4.2, 1.7, 1.4],
      [4.2, 1.7, 1.4],
    ]);
    // The steps of one drag are one undo step, the source's change with them.
    s.labels.editCuboid('resizeCuboid', s.selectedCuboid()!, { size: [4.3, 1.7, 1.4] }, 'drag-1');
    s.labels.undo();
    expect(trackOf(s).sizeSource).toEqual(fitted);
    const source = { kind: 'fit', frameIndex: 1, points: 9 } as const;
    s.labels.editCuboid('refitCuboid', s.selectedCuboid()!, { size: [4, 1.6, 1.3] }, undefined, source);
    expect(trackOf(s).sizeSource).toEqual(source);
  });
});
