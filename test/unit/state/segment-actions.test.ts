import { describe, expect, it } from 'vitest';
import { SessionState } from '../../../src/state/session.svelte';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { FrameProvider } from '../../../src/state/frame-provider';
import type { LabelRepository } from '../../../src/storage/label-repository';
import type { Scene } from '../../../src/core/model/scene';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import { generalDriving } from '../../../src/core/model/default-ontology';
import { timelineOf } from '../../../src/state/timeline.svelte';
import { addSegmentHere, deleteSegmentById, moveSegmentEdge, segmentById } from '../../../src/state/segment-actions';

const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;
const FRAMES = 30;

/** A session over 30 frames with one car track boxed on frame 2; frames are never loaded here. */
function session(): SessionState {
  const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester');
  const patch = createCuboid(labels.doc, {
    sceneId: 's',
    frameIndex: 2,
    classId: 'car',
    position: [5, 0, 0.8],
    size: [4, 2, 1.5],
    yaw: 0,
    trackId: 't',
    cuboidId: 'c',
  });
  labels.commit('createCuboid', patch);
  const scene = { id: 's', frames: Array.from({ length: FRAMES }, () => ({})) } as unknown as Scene;
  return new SessionState(scene, generalDriving, labels, {} as FrameProvider);
}

describe('segment actions', () => {
  it('mark the chosen kind from this frame on the selected track, clamped to the scene', () => {
    const s = session();
    s.frameIndex = 2;
    s.selectTrack('t');
    timelineOf(s).kind = 'braking';
    const id = addSegmentHere(s)!;
    expect(segmentById(s, id)).toMatchObject({ trackId: 't', kind: 'braking', startFrame: 2, endFrame: 12 });
    expect(timelineOf(s).selectedSegmentId).toBe(id);
    s.selectedId = undefined;
    s.frameIndex = 25;
    const scene = segmentById(s, addSegmentHere(s))!;
    expect(scene).toMatchObject({ kind: 'braking', startFrame: 25, endFrame: 29 });
    expect(scene).not.toHaveProperty('trackId');
    expect(s.labels.segments.of(undefined)).toEqual([scene]);
  });

  it('take the ontology’s first kind until one is chosen; a drag is one undo entry', () => {
    const s = session();
    const id = addSegmentHere(s)!;
    expect(segmentById(s, id)?.kind).toBe('lane_change');
    for (const frame of [12, 14, 18]) moveSegmentEdge(s, id, 'end', frame, 'drag-1');
    expect(segmentById(s, id)?.endFrame).toBe(18);
    expect(s.labels.history.entries.done.map((e) => e.name)).toEqual([
      'createCuboid',
      'createSegment',
      'resizeSegment',
    ]);
    s.labels.undo();
    expect(segmentById(s, id)?.endFrame).toBe(10);
    deleteSegmentById(s, id);
    expect(segmentById(s, id)).toBeUndefined();
    expect(timelineOf(s).selectedSegmentId).toBeUndefined();
  });

  it('keep one timeline state per session', () => {
    const a = session();
    expect(timelineOf(a)).toBe(timelineOf(a));
    expect(timelineOf(session())).not.toBe(timelineOf(a));
  });
});
