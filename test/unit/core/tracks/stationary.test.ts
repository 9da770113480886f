import { describe, expect, it } from 'vitest';
import { isStationary } from '../../../../src/core/tracks/stationary';
import type { FrameTiming } from '../../../../src/core/tracks/frame-motion';
import { fromPose, invertRigid, transformPoint, type Vec3 } from '../../../../src/core/math/mat4';

// The ego drives 2 m a frame and turns 3° a frame.
const driving: FrameTiming[] = Array.from({ length: 20 }, (_, i) => ({
  timestampUs: i * 1e5,
  worldFromEgo: fromPose([2 * i, 0, 0], 0.05 * i),
}));
const unposed: FrameTiming[] = driving.map((f) => ({ timestampUs: f.timestampUs }));

/** A point fixed in the world at `world`, as frame `f`'s ego sees it. */
const seen = (f: number, world: Vec3) => ({
  frameIndex: f,
  position: transformPoint(invertRigid(driving[f]!.worldFromEgo!), world),
});

describe('isStationary', () => {
  it('a car parked in the world stands still, though its ego coordinates change as the ego drives by', () => {
    const parked = [0, 5, 12].map((f) => seen(f, [30, 5, 0.8]));
    expect(parked[2]!.position[0]).toBeLessThan(10);
    expect(isStationary(parked, driving, 5)).toBe(true);
    // A few decimetres of a sparse fit's error still stand still.
    expect(isStationary([seen(0, [30, 5, 0.8]), seen(12, [30.6, 5.5, 0.8])], driving, 12)).toBe(true);
  });

  it('a car that moved more than a metre does not, nor one that kept its place beside the moving ego', () => {
    expect(isStationary([seen(0, [30, 5, 0.8]), seen(12, [31.2, 5, 0.8])], driving, 0)).toBe(false);
    const pacing = [0, 5].map((f) => ({ frameIndex: f, position: [10, 3, 0.8] as Vec3 }));
    expect(isStationary(pacing, driving, 5)).toBe(false);
  });

  it('without poses, ego coordinates tell only where the ego is known to have stood still', () => {
    const same = [0, 5].map((f) => ({ frameIndex: f, position: [10, 3, 0.8] as Vec3 }));
    expect(isStationary(same, unposed, 5)).toBe(false);
    expect(isStationary(same, unposed, 5, true)).toBe(true);
    expect(isStationary([same[0]!, { frameIndex: 5, position: [12, 3, 0.8] }], unposed, 5, true)).toBe(false);
  });

  it('one centre says nothing', () => {
    expect(isStationary([seen(3, [30, 5, 0.8])], driving, 3)).toBe(false);
  });
});
