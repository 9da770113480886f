import { describe, expect, it } from 'vitest';
import { SessionState } from '../../../src/state/session.svelte';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { FrameProvider, LoadedFrame } from '../../../src/state/frame-provider';
import type { LabelRepository } from '../../../src/storage/label-repository';
import type { Scene } from '../../../src/core/model/scene';
import type { Cuboid } from '../../../src/core/model/labels';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import { generalDriving } from '../../../src/core/model/default-ontology';
import { copyTrackHere, propagateAll, splitHere } from '../../../src/state/track-actions';

const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;

/** Ten still frames; frames "load" at once with no points (the actions here need none). */
function session(): SessionState {
  const frames = Array.from({ length: 10 }, (_, i) => ({ index: i, timestampUs: i * 100_000, lidar: [], cameras: [] }));
  const scene = { id: 's', frames, lidars: [], cameras: [] } as unknown as Scene;
  const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester', frames);
  const provider = {
    load: async (index: number) => ({ index }) as unknown as LoadedFrame,
    prefetch: () => {},
  } as unknown as FrameProvider;
  return new SessionState(scene, generalDriving, labels, provider);
}

function place(s: SessionState, n: number, frameIndex: number): void {
  const patch = createCuboid(s.labels.doc, {
    sceneId: 's',
    frameIndex,
    classId: 'car',
    position: [n * 5, 0, 0.8],
    size: [4, 2, 1.5],
    yaw: 0,
    trackId: `t${n}`,
    cuboidId: `c${n}`,
  });
  s.labels.commit('createCuboid', patch);
}

const trackFramesOn = (s: SessionState, frame: number) =>
  s.labels
    .cuboidsOn(frame)
    .map((c: Cuboid) => c.trackId)
    .sort();

describe('track actions', () => {
  it('propagate-all copies only the tracks with no box on the next or previous frame, in one undo step', async () => {
    const s = session();
    place(s, 1, 4);
    place(s, 2, 4);
    place(s, 3, 5);
    await s.goToFrame(4);
    await propagateAll(s, 1);
    expect(s.frameIndex).toBe(5);
    expect(trackFramesOn(s, 5)).toEqual(['t1', 't2', 't3']);
    expect((s.labels.cuboidsOn(5).find((c) => c.trackId === 't3') as Cuboid).id).toBe('c3');
    s.labels.undo();
    expect(trackFramesOn(s, 5)).toEqual(['t3']);
    await s.goToFrame(4);
    await propagateAll(s, -1);
    expect(trackFramesOn(s, 3)).toEqual(['t1', 't2']);
  });

  it('gives a held track a box on the frame shown, and a split there keeps the selection on the new track', async () => {
    const s = session();
    place(s, 1, 2);
    await s.goToFrame(2);
    s.selectedId = 'c1';
    await s.goToFrame(6);
    expect(s.selectedCuboid()).toBeUndefined();
    expect(s.selectedTrackId).toBe('t1');
    copyTrackHere(s, false);
    expect(s.selectedCuboid()).toMatchObject({ trackId: 't1', frameIndex: 6, keyframe: true });
    splitHere(s);
    expect(s.selectedTrackId).not.toBe('t1');
    expect(s.labels.tracks.boxesOf('t1').map((c) => c.frameIndex)).toEqual([2]);
  });

  it('does nothing, and says nothing happened, in a read-only tab', async () => {
    const s = session();
    place(s, 1, 2);
    await s.goToFrame(2);
    s.selectedId = 'c1';
    s.labels.readOnly = true;
    await s.goToFrame(5);
    copyTrackHere(s, false);
    expect(s.labels.tracks.boxesOf('t1').map((c) => c.frameIndex)).toEqual([2]);
    expect(s.heldTrackId).toBe('t1');
  });
});
