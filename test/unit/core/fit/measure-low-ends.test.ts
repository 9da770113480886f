import { describe, expect, it } from 'vitest';
import { measureLowEnds } from '../../../../src/core/fit/measure-low-ends';
import type { PointSet } from '../../../../src/core/fit/point-set';
import { sampleCar } from './synthetic-scene';

const toSet = (xyz: number[]): PointSet => ({ xyz: Float32Array.from(xyz), count: xyz.length / 3 });
const footprint = (axis: number) => ({ x: 0, y: 5, axis, length: 4.4, width: 1.8 });

describe('measureLowEnds', () => {
  it('measures the bonnet at the front and none at a tailgate', () => {
    // Heading +x, seen from the side (sensor at the origin, the car at y = 5).
    const points = toSet(sampleCar([0, 5], 0, 0, [0, 0, 1.8]));
    const ends = measureLowEnds(points, footprint(0), 0, 1.6)!;
    expect(ends.plus).toBeCloseTo(1.2, 1);
    expect(ends.minus).toBeCloseTo(0, 1);
    // Measured along the other direction of the same axis, the ends swap.
    const flipped = measureLowEnds(points, footprint(Math.PI), 0, 1.6)!;
    expect(flipped.minus).toBeCloseTo(1.2, 1);
    expect(flipped.plus).toBeCloseTo(0, 1);
  });

  it('leaves an end it did not see undefined', () => {
    // Only the rear half of the car's points.
    const all = sampleCar([0, 5], 0, 0, [0, 0, 1.8]);
    const rear: number[] = [];
    for (let i = 0; i < all.length; i += 3) if (all[i]! < 0) rear.push(all[i]!, all[i + 1]!, all[i + 2]!);
    const ends = measureLowEnds(toSet(rear), footprint(0), 0, 1.6)!;
    expect(ends.plus).toBeUndefined();
    expect(ends.minus).toBeCloseTo(0, 1);
  });

  it('says nothing of a few points or a cluster without its roof', () => {
    expect(measureLowEnds(toSet([0, 5, 1, 1, 5, 1]), footprint(0), 0, 1.6)).toBeUndefined();
    const low: number[] = [];
    for (let x = -2; x <= 2; x += 0.1) low.push(x, 5, 0.5);
    expect(measureLowEnds(toSet(low), footprint(0), 0, 1.6)).toBeUndefined();
  });
});
