import { describe, expect, it } from 'vitest';
import { TrackViewState } from '../../../src/state/track-view.svelte';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { SessionState } from '../../../src/state/session.svelte';
import type { LoadedFrame } from '../../../src/state/frame-provider';
import type { LabelRepository } from '../../../src/storage/label-repository';
import type { Cuboid, Track } from '../../../src/core/model/labels';
import type { LabelDoc } from '../../../src/core/edits/patch';
import { fromPose, identity, transformPoint, type Vec3 } from '../../../src/core/math/mat4';
import { markInside } from '../../../src/core/fit/points-near-box';

const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;
const track: Track = { type: 'track', id: 't', sceneId: 's', classId: 'car', attributes: {}, rigid: true };
const box = (frameIndex: number, x: number, yaw: number): Cuboid => ({
  type: 'cuboid',
  id: `b${frameIndex}`,
  sceneId: 's',
  trackId: 't',
  frameIndex,
  position: [x, 3, 0.75],
  size: [4, 2, 1.5],
  yaw,
  pitch: 0,
  roll: 0,
  attributes: {},
  keyframe: true,
  source: { kind: 'manual' },
});
/** A few points on the car in its box frame (metres), and one far off that must not be gathered. */
const ON_CAR: Vec3[] = [
  [1.9, 0.9, 0.7],
  [-1.9, -0.9, -0.7],
  [0, 0.95, 0.2],
];

/** A session as the track view uses it: labels, the scene's LiDAR, the frame shown, and frames to read. */
function sessionWith(boxes: Cuboid[], unreadable: number[] = []) {
  const doc: LabelDoc = new Map([track, ...boxes].map((r) => [r.id, r]));
  const labels = new LabelsState({ doc, skipped: 0, lines: [] }, repository, 'tester');
  const frameOf = (index: number): LoadedFrame => {
    const b = boxes.find((c) => c.frameIndex === index)!;
    const points = ON_CAR.map((p) => transformPoint(fromPose(b.position, b.yaw), p));
    points.push([b.position[0] + 30, b.position[1], 0]);
    const positions = new Float32Array(points.flat());
    const bounds = { min: [0, 0, 0], max: [0, 0, 0] } satisfies LoadedFrame['cloud']['bounds'];
    return { index, cloud: { count: points.length, positions, attributes: {}, bounds }, images: [] };
  };
  const read: number[] = [];
  const session = {
    labels,
    frameIndex: 4,
    error: undefined as string | undefined,
    scene: { lidars: [{ id: 'l', name: 'l', egoFromLidar: identity() }], frames: [] },
    async readFrame<T>(index: number, use: (f: LoadedFrame) => T): Promise<T> {
      read.push(index);
      if (unreadable.includes(index)) throw new Error('unreadable');
      return use(frameOf(index));
    },
  };
  return { session: session as unknown as SessionState, labels, read };
}

describe('TrackViewState', () => {
  it("gathers the track's points into the box nearest the frame shown, reading each sampled frame once", async () => {
    const { session, read } = sessionWith([box(0, 10, 0), box(5, 16, 0.3), box(9, 22, 0.7)]);
    const view = new TrackViewState(session);
    expect(view.isStale('t')).toBe(true);
    await view.gather('t');
    expect(read).toEqual([0, 5, 9]);
    expect(view.referenceId).toBe('b5');
    const cloud = view.cloud!;
    expect(cloud.samples.map((s) => [s.frameIndex, s.count])).toEqual([
      [0, 3],
      [5, 3],
      [9, 3],
    ]);
    expect(markInside(cloud, view.reference()!, new Uint8Array(cloud.count))).toBe(9);
    expect(view.isStale('t')).toBe(false);
    expect(view.isStale('other')).toBe(true);
  });

  it('turns a drag into one adjustment of every box, one undo entry, and keeps the cloud', async () => {
    const { session, labels } = sessionWith([box(0, 10, 0), box(5, 16, 0.3), box(9, 22, 0.7)]);
    const view = new TrackViewState(session);
    await view.gather('t');
    const start = view.reference()!;
    view.adjust(start, { size: [4.2, 2, 1.5], position: start.position }, 'drag-1');
    view.adjust(start, { size: [4.6, 2, 1.5], position: start.position }, 'drag-1');
    expect(labels.history.entries.done).toHaveLength(1);
    expect(labels.history.entries.done[0]!.name).toBe('adjustTrack');
    const sizes = labels.tracks.boxesOf('t').map((c) => c.size[0]);
    expect(sizes).toEqual([4.6, 4.6, 4.6]);
    expect(view.isStale('t')).toBe(false);
    labels.undo();
    expect(labels.tracks.boxesOf('t').map((c) => c.size[0])).toEqual([4, 4, 4]);
    // One box moved on its own elsewhere: the cloud no longer lines up and is gathered again.
    const b0 = labels.tracks.boxesOf('t')[0]!;
    labels.editCuboid('moveCuboid', b0, { position: [b0.position[0] + 1, b0.position[1], b0.position[2]] });
    expect(view.isStale('t')).toBe(true);
  });

  it('leaves out frames that cannot be read, and says which', async () => {
    const { session } = sessionWith([box(0, 10, 0), box(5, 16, 0.3)], [0]);
    const view = new TrackViewState(session);
    await view.gather('t');
    expect(view.failed).toEqual([1]);
    expect(view.cloud!.samples.map((s) => s.frameIndex)).toEqual([5]);
    expect(view.progress).toBeUndefined();
  });
});
