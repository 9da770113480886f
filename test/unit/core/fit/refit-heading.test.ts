import { describe, expect, it } from 'vitest';
import { refitHeading, trackHeading, turnFit } from '../../../../src/core/fit/refit-heading';
import { fromPose, invertRigid, transformPoint, type Vec3 } from '../../../../src/core/math/mat4';
import { normalizeAngle } from '../../../../src/core/math/angle';
import type { Cuboid, TrackSizeSource } from '../../../../src/core/model/labels';
import type { FrameTiming } from '../../../../src/core/tracks/frame-motion';

const deg = Math.PI / 180;
// The ego drives 2 m a frame and turns 1° a frame: a parked car's ego heading changes, its world heading does not.
const driving: FrameTiming[] = Array.from({ length: 30 }, (_, i) => ({
  timestampUs: i * 1e5,
  worldFromEgo: fromPose([2 * i, 0, 0], i * deg),
}));
const unposed: FrameTiming[] = driving.map((f) => ({ timestampUs: f.timestampUs }));

/** A box of the track on frame `f`, at world (x, y) with world heading `yaw`, in that frame's ego coordinates. */
function box(f: number, x: number, y: number, yaw: number, frames = driving): Cuboid {
  const pose = frames[f]?.worldFromEgo;
  const position = pose ? transformPoint(invertRigid(pose), [x, y, 0.8]) : ([x, y, 0.8] as Vec3);
  return {
    type: 'cuboid',
    id: `b${f}`,
    sceneId: 's',
    trackId: 't',
    frameIndex: f,
    position,
    size: [4.5, 1.8, 1.5],
    yaw: normalizeAngle(yaw - (pose ? f * deg : 0)),
    pitch: 0,
    roll: 0,
    attributes: {},
    keyframe: true,
    source: { kind: 'manual' },
  };
}

/** The world heading of a yaw on frame `f`'s ego. */
const world = (f: number, yaw: number) => normalizeAngle(yaw + f * deg);

describe('refitHeading', () => {
  const dense: TrackSizeSource = { kind: 'fit', frameIndex: 0, points: 480 };
  // Parked at world (40, 6), heading 30° in the world; frame 12's copy of it, then a 204-point fit turned by 8°.
  const parked = [box(0, 40, 6, 30 * deg), box(12, 40, 6, 30 * deg)];
  const sparseFit = { position: parked[1]!.position, yaw: parked[1]!.yaw + 8 * deg, points: 204 };

  it('a sparse frame’s fit does not turn a parked car: it keeps the world heading of its best-supported box', () => {
    const refit = refitHeading({ fit: sparseFit, boxes: parked, sizeSource: dense, frameIndex: 12, frames: driving });
    expect(refit.from).toBe('track');
    expect(world(12, refit.yaw)).toBeCloseTo(30 * deg, 9);
    // Nor flips it end for end.
    const flipped = { ...sparseFit, yaw: normalizeAngle(parked[1]!.yaw + Math.PI) };
    const back = refitHeading({ fit: flipped, boxes: parked, sizeSource: dense, frameIndex: 12, frames: driving });
    expect(world(12, back.yaw)).toBeCloseTo(30 * deg, 9);
  });

  it('a fit with more points than that evidence, or of the very frame it came from, keeps its own heading', () => {
    const denser = { ...sparseFit, points: 481 };
    expect(refitHeading({ fit: denser, boxes: parked, sizeSource: dense, frameIndex: 12, frames: driving })).toEqual({
      yaw: denser.yaw,
      from: 'fit',
    });
    const sameFrame: TrackSizeSource = { kind: 'fit', frameIndex: 12, points: 480 };
    const own = refitHeading({ fit: sparseFit, boxes: parked, sizeSource: sameFrame, frameIndex: 12, frames: driving }); // prettier-ignore
    expect(own.from).toBe('fit');
    // The class's typical size rests on no points: any fit wins.
    const overDefault = refitHeading({ fit: sparseFit, boxes: parked, sizeSource: { kind: 'default' }, frameIndex: 12, frames: driving }); // prettier-ignore
    expect(overDefault.from).toBe('fit');
  });

  it('the accumulated estimate, a size set by hand or of unknown origin: the heading the boxes share wins', () => {
    const three = [box(0, 40, 6, 30 * deg), box(5, 40.2, 6, 29 * deg), box(8, 40, 6.1, 75 * deg), parked[1]!];
    const sources: (TrackSizeSource | undefined)[] = [{ kind: 'points', frames: 3, points: 900 }, { kind: 'hand' }, undefined]; // prettier-ignore
    for (const sizeSource of sources) {
      const refit = refitHeading({ fit: { ...sparseFit, points: 800 }, boxes: three, sizeSource, frameIndex: 12, frames: driving }); // prettier-ignore
      expect(refit.from).toBe('track');
      // The medoid of 30°, 29° and 75°: one box turned by hand is outvoted.
      expect(world(12, refit.yaw)).toBeCloseTo(30 * deg, 9);
    }
    expect(world(3, trackHeading(three.slice(0, 3), { kind: 'fit', frameIndex: 8, points: 50 }, driving, 3))).toBeCloseTo(75 * deg, 9); // prettier-ignore
  });

  it('pedestrians turn on the spot: theirs is the fit’s', () => {
    const refit = refitHeading({ fit: sparseFit, boxes: parked, sizeSource: dense, frameIndex: 12, frames: driving, classId: 'pedestrian' }); // prettier-ignore
    expect(refit.from).toBe('fit');
  });

  it('without ego poses the rule holds only where the ego is known to have stood still', () => {
    const still = [box(0, 40, 6, 30 * deg, unposed), box(12, 40, 6, 30 * deg, unposed)];
    const fit = { ...sparseFit, position: still[1]!.position, yaw: 38 * deg };
    const input = { fit, boxes: still, sizeSource: dense, frameIndex: 12, frames: unposed };
    expect(refitHeading(input)).toEqual({ yaw: 38 * deg, from: 'fit' });
    expect(refitHeading({ ...input, egoStill: true }).yaw).toBeCloseTo(30 * deg, 9);
  });

  it('a moving car’s sparse fit may turn it, but no further from its direction of travel than that supports', () => {
    // Driving along world +x at 1 m a frame (heading 0), boxes 10 frames apart: 20 m of travel.
    const moving = [box(0, 10, -5, 0), box(10, 20, -5, 0), box(20, 30, -5, 0)];
    const bound = Math.atan2(1, 20);
    const turned = (by: number) => ({ position: moving[1]!.position, yaw: normalizeAngle(moving[1]!.yaw + by), points: 100 }); // prettier-ignore
    const at = (by: number) => refitHeading({ fit: turned(by), boxes: moving, sizeSource: dense, frameIndex: 10, frames: driving }); // prettier-ignore
    expect(at(9 * deg).from).toBe('motion');
    expect(world(10, at(9 * deg).yaw)).toBeCloseTo(bound, 9);
    expect(world(10, at(-9 * deg).yaw)).toBeCloseTo(-bound, 9);
    // Within what the motion supports the fit turns the box; the end toward the travel is kept.
    expect(at(1 * deg)).toEqual({ yaw: turned(1 * deg).yaw, from: 'fit' });
    expect(world(10, at(Math.PI + 9 * deg).yaw)).toBeCloseTo(bound, 9);
    // A denser fit is free.
    const denser = refitHeading({ fit: { ...turned(9 * deg), points: 500 }, boxes: moving, sizeSource: dense, frameIndex: 10, frames: driving }); // prettier-ignore
    expect(denser.from).toBe('fit');
  });

  it('a direction of travel too loose to bound anything (boxes 1.5 m apart) leaves the fit its own heading', () => {
    // A car creeping up a queue: its two nearest boxes 1.5 m apart support any heading within 34° of the chord.
    const creeping = [box(0, 10, -5, 0), box(10, 11.5, -5, 0), box(20, 12, -5, 0)];
    const fit = { position: creeping[2]!.position, yaw: normalizeAngle(creeping[2]!.yaw + 50 * deg), points: 30 };
    const refit = refitHeading({ fit, boxes: creeping, sizeSource: dense, frameIndex: 20, frames: driving });
    expect(refit).toEqual({ yaw: fit.yaw, from: 'fit' });
    // 3 m apart the chord supports 18°: the same fit is turned back to it.
    const faster = [box(0, 10, -5, 0), box(10, 13, -5, 0), box(20, 16, -5, 0)];
    const bounded = refitHeading({ fit: { ...fit, position: faster[2]!.position }, boxes: faster, sizeSource: dense, frameIndex: 20, frames: driving }); // prettier-ignore
    expect(bounded.from).toBe('motion');
    expect(world(20, bounded.yaw)).toBeCloseTo(Math.atan2(1, 3), 9);
  });

  it('a track with no other box: the fit’s own', () => {
    const refit = refitHeading({ fit: sparseFit, boxes: [parked[1]!], sizeSource: dense, frameIndex: 12, frames: driving }); // prettier-ignore
    expect(refit).toEqual({ yaw: sparseFit.yaw, from: 'fit' });
  });
});

describe('turnFit', () => {
  it('turns the box, swapping length and width past 45°', () => {
    const fit = { position: [1, 2, 0.7] as Vec3, size: [4, 1.8, 1.4] as Vec3, yaw: 0.1, points: 50 };
    expect(turnFit(fit, 0.3)).toEqual({ ...fit, yaw: 0.3 });
    expect(turnFit(fit, 0.1 + Math.PI).size).toEqual([4, 1.8, 1.4]);
    expect(turnFit(fit, 0.1 + 1.2)).toEqual({ ...fit, yaw: 1.3, size: [1.8, 4, 1.4] });
  });
});
