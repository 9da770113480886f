import { describe, expect, it } from 'vitest';
import { motionAt, motionYawAt } from '../../../../src/core/tracks/motion';
import type { FrameTiming } from '../../../../src/core/tracks/frame-motion';
import { fromPose } from '../../../../src/core/math/mat4';
import type { Cuboid } from '../../../../src/core/model/labels';
import { storedCuboid } from '../stored-cuboid';

const box = (frameIndex: number, x: number, y: number): Cuboid => storedCuboid({ frameIndex, position: [x, y, 0.8] });

describe('motionYawAt', () => {
  const still: FrameTiming[] = Array.from({ length: 20 }, (_, i) => ({ timestampUs: i * 1e5 }));

  it('points from the box before to the box after, or along the two on one side', () => {
    const boxes = [box(0, 0, 0), box(10, 10, 10)];
    expect(motionYawAt(boxes, 5, still)).toBeCloseTo(Math.PI / 4, 9);
    expect(motionYawAt(boxes, 15, still)).toBeCloseTo(Math.PI / 4, 9);
    expect(motionYawAt([box(4, 5, 0), box(8, 1, 0)], 2, still)).toBeCloseTo(Math.PI, 9);
  });

  it('says nothing for a box that stays put in the world, even while the ego drives past', () => {
    // The ego drives 2 m a frame and turns: the parked car's ego coordinates change, its world ones do not.
    const driving: FrameTiming[] = Array.from({ length: 20 }, (_, i) => ({
      timestampUs: i * 1e5,
      worldFromEgo: fromPose([2 * i, 0, 0], 0.05 * i),
    }));
    const parked = [0, 10].map((f) => {
      const m = driving[f]!.worldFromEgo!;
      const yaw = 0.05 * f;
      const [dx, dy] = [30 - m[3]!, 5 - m[7]!];
      return box(f, dx * Math.cos(yaw) + dy * Math.sin(yaw), -dx * Math.sin(yaw) + dy * Math.cos(yaw));
    });
    expect(motionYawAt(parked, 5, driving)).toBeUndefined();
    expect(motionYawAt([box(3, 1, 1)], 5, still)).toBeUndefined();
  });

  it('says how far the heading may lie from the direction of travel: less the farther the boxes, more in a turn', () => {
    const near = motionAt([box(4, 0, 0), box(6, 4, 0)], 5, still)!;
    const far = motionAt([box(0, 0, 0), box(10, 20, 0)], 5, still)!;
    // Two centres half a metre off each: atan(1 / travel).
    expect(near.tolerance).toBeCloseTo(Math.atan2(1, 4), 9);
    expect(far.tolerance).toBeCloseTo(Math.atan2(1, 20), 9);
    // Turning 20° between the boxes: half of it more either way; a box flipped end for end has not turned.
    const turning = [box(0, 0, 0), { ...box(10, 20, 0), yaw: 0.35 }];
    expect(motionAt(turning, 5, still)!.tolerance).toBeCloseTo(far.tolerance + 0.175, 9);
    const flipped = [box(0, 0, 0), { ...box(10, 20, 0), yaw: Math.PI - 0.35 }];
    expect(motionAt(flipped, 5, still)!.tolerance).toBeCloseTo(far.tolerance + 0.175, 9);
    expect(motionAt([box(0, 0, 0), box(10, 0.5, 0)], 5, still)).toBeUndefined();
  });
});
