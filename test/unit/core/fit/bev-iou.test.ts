import { describe, expect, it } from 'vitest';
import { bevIou } from '../../../../src/core/fit/bev-iou';

const box = (x: number, y: number, l: number, w: number, yaw = 0) => ({ position: [x, y, 0] as const, size: [l, w, 1] as const, yaw }); // prettier-ignore

describe('bevIou', () => {
  it('is 1 for the same box, whichever way it faces', () => {
    expect(bevIou(box(3, -2, 4.5, 1.8, 0.3), box(3, -2, 4.5, 1.8, 0.3))).toBeCloseTo(1, 12);
    expect(bevIou(box(3, -2, 4.5, 1.8, 0.3), box(3, -2, 4.5, 1.8, 0.3 - Math.PI))).toBeCloseTo(1, 12);
  });

  it('is 0 for boxes apart or empty', () => {
    expect(bevIou(box(0, 0, 2, 2), box(5, 0, 2, 2))).toBe(0);
    expect(bevIou(box(0, 0, 2, 2), box(2, 0, 2, 2))).toBe(0); // touching along an edge
    expect(bevIou(box(0, 0, 0, 2), box(0, 0, 2, 2))).toBe(0);
  });

  it('matches hand-computed overlaps of aligned boxes', () => {
    // Two 2 × 2 squares shifted by 1 m: intersection 2 m², union 6 m².
    expect(bevIou(box(0, 0, 2, 2), box(1, 0, 2, 2))).toBeCloseTo(1 / 3, 12);
    // Shifted by 1 m in x and y: intersection 1 m², union 7 m².
    expect(bevIou(box(0, 0, 2, 2), box(1, 1, 2, 2))).toBeCloseTo(1 / 7, 12);
    // A 1 × 1 box inside a 2 × 2 box: 1 / 4.
    expect(bevIou(box(0.3, 0.2, 1, 1), box(0, 0, 2, 2))).toBeCloseTo(0.25, 12);
    // A 4 × 2 box against the same box turned by 90°: a 2 × 2 overlap, union 12 m².
    expect(bevIou(box(0, 0, 4, 2), box(0, 0, 4, 2, Math.PI / 2))).toBeCloseTo(4 / 12, 12);
  });

  it('matches the octagon of a square and the same square turned by 45°', () => {
    // Side 2: the overlap is a regular octagon of area 8(√2 − 1); union 8 minus that.
    const octagon = 8 * (Math.SQRT2 - 1);
    expect(bevIou(box(0, 0, 2, 2), box(0, 0, 2, 2, Math.PI / 4))).toBeCloseTo(octagon / (8 - octagon), 12);
  });

  it('is symmetric', () => {
    const a = box(1, 2, 4.2, 1.7, 0.4),
      b = box(1.6, 2.3, 4.6, 1.9, -0.2);
    expect(bevIou(a, b)).toBeCloseTo(bevIou(b, a), 12);
    expect(bevIou(a, b)).toBeGreaterThan(0.4);
    expect(bevIou(a, b)).toBeLessThan(0.8);
  });
});
