import { describe, expect, it } from 'vitest';
import { chooseHeading, type HeadingCues } from '../../../../src/core/fit/choose-heading';
import type { PointSet } from '../../../../src/core/fit/point-set';
import { sampleCar } from './synthetic-scene';

const toSet = (xyz: number[]): PointSet => ({ xyz: Float32Array.from(xyz), count: xyz.length / 3 });
const cues: HeadingCues = { vehicle: true, groundZ: 0, typicalHeight: 1.6, sensorX: 0, sensorY: 0 };
const none = toSet([]);

describe('chooseHeading', () => {
  it('follows the motion when it is given, in (−π, π]', () => {
    const footprint = { x: 20, y: 0, axis: 0.1, length: 4.5, width: 1.8 };
    expect(chooseHeading(none, footprint, { ...cues, motionYaw: 3 })).toEqual({ yaw: 0.1 - Math.PI, rule: 'motion' });
    expect(chooseHeading(none, footprint, { ...cues, motionYaw: -0.4 })).toEqual({ yaw: 0.1, rule: 'motion' });
    const back = chooseHeading(none, { ...footprint, axis: 0 }, { ...cues, motionYaw: Math.PI });
    expect(back.yaw).toBeCloseTo(Math.PI);
  });

  it('reads the bonnet of a car seen from the side', () => {
    for (const heading of [0, Math.PI]) {
      const points = toSet(sampleCar([0, 6], heading, 0, [0, 0, 1.8]));
      const result = chooseHeading(points, { x: 0, y: 6, axis: 0, length: 4.4, width: 1.8 }, cues);
      expect(result.rule).toBe('hood');
      expect(Math.cos(result.yaw - heading)).toBeCloseTo(1);
    }
  });

  it('reads a tailgate facing the sensor', () => {
    // A hatchback 20 m ahead on the left, driving away: only its rear and some roof seen.
    const points = toSet(sampleCar([20, 5], 0, 0, [0, 0, 1.8]).filter((_, i, a) => a[i - (i % 3)]! < 19));
    const result = chooseHeading(points, { x: 20, y: 5, axis: 0, length: 4.4, width: 1.8 }, cues);
    expect(result).toEqual({ yaw: 0, rule: 'tailgate' });
  });

  it('takes a parallel car as keeping right: the ego’s way, oncoming beyond the next lane on the left', () => {
    // Behind the ego: its near end faces the sensor, yet it follows the ego (+x).
    const result = chooseHeading(none, { x: -15, y: 0.5, axis: Math.PI - 0.05, length: 4.5, width: 1.8 }, cues);
    expect(result.rule).toBe('lane');
    expect(result.yaw).toBeCloseTo(-0.05);
    // Ahead on the right: +x; ahead 6 m on the left: oncoming (−x); behind on the left: −x too.
    expect(chooseHeading(none, { x: 30, y: -6, axis: 0, length: 4.5, width: 1.8 }, cues)).toEqual({ yaw: 0, rule: 'lane' }); // prettier-ignore
    expect(chooseHeading(none, { x: 30, y: 6, axis: 0, length: 4.5, width: 1.8 }, cues).yaw).toBeCloseTo(Math.PI);
    expect(chooseHeading(none, { x: -25, y: 8, axis: 0, length: 4.5, width: 1.8 }, cues).yaw).toBeCloseTo(Math.PI);
    // The next lane on the left (3.3 m) still travels the ego's way.
    expect(chooseHeading(none, { x: 20, y: 3.3, axis: 0, length: 4.5, width: 1.8 }, cues).yaw).toBeCloseTo(0);
  });

  it('turns a vehicle across the road on the right toward the ego’s path', () => {
    const right = chooseHeading(none, { x: 25, y: -15, axis: Math.PI / 2, length: 4.5, width: 1.8 }, cues);
    expect(right.rule).toBe('lane');
    expect(right.yaw).toBeCloseTo(Math.PI / 2);
  });

  it('otherwise turns the end facing the sensor into the rear', () => {
    // Crossing on the left, 30 m out: heading away (+y).
    const crossing = chooseHeading(none, { x: 10, y: 30, axis: Math.PI / 2, length: 4.5, width: 1.8 }, cues);
    expect(crossing).toEqual({ yaw: Math.PI / 2, rule: 'away-from-sensor' });
    // Pedestrians have no shape cue and cross anywhere: the same default.
    expect(chooseHeading(none, { x: 10, y: -3, axis: Math.PI / 2, length: 1.8, width: 0.7 }, { ...cues, vehicle: false }).rule).toBe('away-from-sensor'); // prettier-ignore
  });
});
