import { describe, expect, it } from 'vitest';
import { classPriorOf } from '../../../../src/core/fit/class-prior';

describe('classPriorOf', () => {
  it('sizes the search by the class: a truck reaches further than a car, a car than a pedestrian', () => {
    const [car, truck, pedestrian] = ['car', 'truck', 'pedestrian'].map((id) => classPriorOf(id));
    expect(truck!.searchRadius).toBeGreaterThan(car!.searchRadius);
    expect(car!.searchRadius).toBeGreaterThan(pedestrian!.searchRadius);
    // A click anywhere on a typical car reaches its far corner.
    expect(car!.searchRadius).toBeGreaterThan(Math.hypot(4.5, 1.85));
    expect(truck!.maxLength).toBeGreaterThan(15);
    expect(car!.vehicle && truck!.vehicle && !pedestrian!.vehicle).toBe(true);
  });

  it('defaults to a car and lets a size override the class', () => {
    expect(classPriorOf().defaultSize).toEqual([4.5, 1.85, 1.6]);
    expect(classPriorOf('bus').vehicle).toBe(true);
    const custom = classPriorOf('car', [5, 2, 1.8]);
    expect(custom.defaultSize).toEqual([5, 2, 1.8]);
    expect(custom.maxWidth).toBeCloseTo(2.6);
  });
});
