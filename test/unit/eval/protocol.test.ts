import { describe, expect, it } from 'vitest';
import type { LabelSet } from '../../../src/core/model/label-set';
import type { Cuboid } from '../../../src/core/model/labels';
import { clickTargets, headingDifference, inCameraView, movingTracks } from '../../eval/protocol';
import { fromPose } from '../../../src/core/math/mat4';

/** A camera at the ego origin looking along +x (OpenCV axes: x right = ego −y, y down = ego −z, z = ego x). */
const camera = {
  cameraFromEgo: [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1],
  intrinsics: { fx: 500, fy: 500, cx: 600, cy: 200, skew: 0 },
  width: 1200,
};

const box = (id: string, trackId: string, frameIndex: number, x: number, y: number): Cuboid =>
  ({ id, trackId, frameIndex, position: [x, y, 0], size: [4, 2, 1.5], yaw: 0 }) as unknown as Cuboid;

describe('the field of view of a front camera', () => {
  it('keeps what is ahead within the image edges and drops what is behind or to the side', () => {
    expect(inCameraView(camera, [20, 0, 0])).toBe(true);
    // u = 500 · 19 / 20 + 600 = 1075: inside; 25 m to the side at 20 m: 1225, outside.
    expect(inCameraView(camera, [20, -19, 0])).toBe(true);
    expect(inCameraView(camera, [20, -25, 0])).toBe(false);
    expect(inCameraView(camera, [20, 25, 0])).toBe(false);
    expect(inCameraView(camera, [-10, 0, 0])).toBe(false);
    // Below the image's bottom edge (a car close by) still counts: only the horizontal edges cut.
    expect(inCameraView(camera, [3, 0, -5])).toBe(true);
  });
});

describe('the boxes one click is tried on', () => {
  it('are cars within 50 m, in view, with enough points', () => {
    const set = {
      tracks: [
        { id: 'a', classId: 'car' },
        { id: 'b', classId: 'pedestrian' },
      ],
      cuboids: [box('near', 'a', 0, 10, 0), box('far', 'a', 0, 60, 0), box('few', 'a', 0, 5, 5), box('ped', 'b', 0, 8, 0), box('side', 'a', 0, 0, 10)], // prettier-ignore
    } as unknown as LabelSet;
    const points = (c: Cuboid) => (c.id === 'few' ? 49 : 200);
    const ahead = (c: Cuboid) => c.position[0] > 1;
    expect(clickTargets(set, points).map((c) => c.id)).toEqual(['near', 'side']);
    expect(clickTargets(set, points, ahead).map((c) => c.id)).toEqual(['near']);
  });
});

describe('heading differences', () => {
  it('measure the angle between length axes and call a turn past 90° a flip', () => {
    expect(headingDifference(0.1, 0)).toEqual({ axisError: expect.closeTo(0.1, 9), flipped: false });
    const flipped = headingDifference(Math.PI - 0.1, 0);
    expect(flipped.flipped).toBe(true);
    expect(flipped.axisError).toBeCloseTo(0.1, 9);
    expect(headingDifference(-Math.PI + 0.05, Math.PI - 0.05).flipped).toBe(false);
  });
});

describe('moving tracks', () => {
  it('are told by their world position, the ego motion taken out', () => {
    // The ego drives 2 m a frame along x; track a stays 10 m ahead (moves with it), b stands still in the world.
    const frames = [0, 1, 2].map((i) => ({ worldFromEgo: fromPose([2 * i, 0, 0], 0) }));
    const cuboids = [0, 1, 2].flatMap((i) => [box(`a${i}`, 'a', i, 10, 0), box(`b${i}`, 'b', i, 10 - 2 * i, 3)]);
    expect([...movingTracks(frames, cuboids)]).toEqual(['a']);
  });

  it('are unknown without poses', () => {
    const cuboids = [box('a0', 'a', 0, 10, 0), box('a1', 'a', 1, 20, 0)];
    expect(movingTracks([{}, {}], cuboids).size).toBe(0);
  });
});
