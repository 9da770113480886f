import { describe, expect, it } from 'vitest';
import { completeFootprint } from '../../../../src/core/fit/complete-footprint';

const car = { length: 4.5, width: 1.85, maxLength: 5.85, maxWidth: 2.4 };

describe('completeFootprint', () => {
  it('keeps a fully seen car as it is', () => {
    const f = completeFootprint({ angle: 0.2, min1: 10, max1: 14.3, min2: -1, max2: 0.7 }, car, 0, 0);
    expect(f.length).toBeCloseTo(4.3);
    expect(f.width).toBeCloseTo(1.7);
    expect(f.axis).toBeCloseTo(0.2);
  });

  it('extends a car seen from behind away from the sensor, keeping its rear face', () => {
    // Ahead on +x: only the rear face (x = 20 … 20.4) and 1.7 m of width are seen.
    const f = completeFootprint({ angle: 0, min1: 20, max1: 20.4, min2: -3.9, max2: -2.2 }, car, 0, 0);
    // The line of sight runs along x: that is the length, grown to 4.5 m from the rear face at x = 20.
    expect(f.axis).toBeCloseTo(0);
    expect(f.length).toBeCloseTo(4.5);
    expect(f.x - f.length / 2).toBeCloseTo(20);
    expect(f.width).toBeCloseTo(1.7);
    expect(f.y).toBeCloseTo(-3.05);
  });

  it('takes the side along the line of sight as the length when both sides are short', () => {
    // Seen along +y (sensor at the origin, object at y = 30): 1.6 m across, 1.2 m along the line of sight.
    const f = completeFootprint({ angle: 0, min1: -0.8, max1: 0.8, min2: 30, max2: 31.2 }, car, 0, 0);
    expect(f.axis).toBeCloseTo(Math.PI / 2);
    expect(f.length).toBeCloseTo(4.5);
    expect(f.y - f.length / 2).toBeCloseTo(30);
    // Width 1.6 ≥ 70 % of 1.85: seen whole.
    expect(f.width).toBeCloseTo(1.6);
  });

  it('grows both ends when the sensor is level with the object', () => {
    // A car beside the sensor, 3.2 m of its side seen from x = −1.6 to 1.6.
    const f = completeFootprint({ angle: 0, min1: -1.6, max1: 1.6, min2: 3, max2: 4.8 }, car, 0, 0);
    expect(f.length).toBeCloseTo(4.5);
    expect(f.x).toBeCloseTo(0);
  });

  it('keeps the length of a short car seen broadside from end to end', () => {
    // 3.6 m of side seen 8 m to the left, the sensor level with it: a short car, not a partly seen one.
    const f = completeFootprint({ angle: 0, min1: -1.8, max1: 1.8, min2: 8, max2: 9.3 }, car, 0, 0);
    expect(f.length).toBeCloseTo(3.6);
    expect(f.x).toBeCloseTo(0);
  });

  it('grows a broadside length only at an end that something nearer hides', () => {
    const rect = { angle: 0, min1: -1.8, max1: 1.8, min2: 8, max2: 9.3 };
    // The +x end is hidden (ends are given by their corners' x).
    const f = completeFootprint(rect, car, 0, 0, (ax) => ax > 0);
    expect(f.length).toBeCloseTo(4.5);
    expect(f.x - f.length / 2).toBeCloseTo(-1.8);
  });

  it('completes the width of a car seen broadside away from the sensor (its far side is hidden)', () => {
    // Seen from the right (sensor at y = 0): the near side at y = 8, only 1.4 m of roof and side seen.
    const f = completeFootprint({ angle: 0, min1: -2.2, max1: 2.2, min2: 8, max2: 9.4 }, car, 0, 0);
    expect(f.width).toBeCloseTo(1.85);
    expect(f.y - f.width / 2).toBeCloseTo(8);
  });

  it('cuts back a side longer than the class allows, from the seen face', () => {
    // A bush joined the far side: 3.1 m wide.
    const f = completeFootprint({ angle: 0, min1: 27, max1: 31.5, min2: 6.5, max2: 9.6 }, car, 0, 0);
    expect(f.width).toBeCloseTo(1.85);
    expect(f.y - f.width / 2).toBeCloseTo(6.5);
  });

  it('always returns length ≥ width with the axis in [0, π)', () => {
    const person = { length: 0.7, width: 0.7, maxLength: 0.91, maxWidth: 0.91 };
    const f = completeFootprint({ angle: 1.2, min1: 3, max1: 3.4, min2: -5, max2: -3.5 }, person, 0, 0);
    expect(f.length).toBeGreaterThanOrEqual(f.width);
    expect(f.axis).toBeGreaterThanOrEqual(0);
    expect(f.axis).toBeLessThan(Math.PI);
  });
});
