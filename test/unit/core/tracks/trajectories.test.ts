import { describe, expect, it } from 'vitest';
import { egoPath, trackPath } from '../../../../src/core/tracks/trajectories';
import { interpolateCuboid } from '../../../../src/core/tracks/interpolate';
import type { FrameTiming } from '../../../../src/core/tracks/frame-motion';
import { fromPose, transformPoint } from '../../../../src/core/math/mat4';
import type { Cuboid } from '../../../../src/core/model/labels';
import { storedCuboid } from '../stored-cuboid';

// The ego drives 2 m a frame while turning 3° a frame.
const frames: FrameTiming[] = Array.from({ length: 6 }, (_, i) => ({
  timestampUs: i * 1e5,
  worldFromEgo: fromPose([2 * i, 0.2 * i * i, 0], (3 * Math.PI * i) / 180),
}));
const box = (frameIndex: number, position: [number, number, number]): Cuboid => storedCuboid({ frameIndex, position });

describe('trajectories', () => {
  it('puts the ego of every frame where the poses say, seen from the frame shown', () => {
    const path = egoPath(frames, 3);
    expect(path.length).toBe(18);
    expect(path.slice(9, 12).map((v) => Math.abs(v))).toEqual([0, 0, 0]);
    // Frame 5's origin, through the world, into frame 3's ego.
    const world = transformPoint(frames[5]!.worldFromEgo!, [0, 0, 0]);
    const back = path.slice(15, 18);
    const again = transformPoint(frames[3]!.worldFromEgo!, back as [number, number, number]);
    again.forEach((v, i) => expect(v).toBeCloseTo(world[i]!, 9));
    expect(egoPath([{ timestampUs: 0 }, { timestampUs: 1 }], 0)).toEqual([]);
  });

  it("runs through the track's interpolated boxes: straight between its keyframes", () => {
    const a = box(0, [10, 5, 0.8]);
    const b = box(4, [4, -3, 0.8]);
    const path = trackPath([a, b], frames, 2);
    const mid = interpolateCuboid(a, b, 2, frames, { rigid: true }).position;
    // The interpolated box of frame 2 (seen from frame 2) lies on the segment between the two path vertices.
    const [p, q] = [path.slice(0, 3), path.slice(3, 6)];
    const t = (mid[0] - p[0]!) / (q[0]! - p[0]!);
    // Frame 2 is halfway between frames 0 and 4 in time, so halfway along the world segment.
    expect(t).toBeCloseTo(0.5, 9);
    expect(p[1]! + t * (q[1]! - p[1]!)).toBeCloseTo(mid[1], 9);
  });
});
