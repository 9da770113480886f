import { describe, expect, it } from 'vitest';
import { agreedExtreme, objectExtent, trimmedRange } from '../../../../src/core/fit/track-extent';

const along = (xs: number[]) => ({ xyz: Float32Array.from(xs.flatMap((x) => [x, 0, x])), count: xs.length });
const evenly = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1)); // prettier-ignore

describe('trimmedRange', () => {
  it('drops a stray point parted from the rest by a gap, but never the object’s own sparse end', () => {
    const side = evenly(-2, 2, 100);
    expect(trimmedRange([along([...side, 2.6])], 0, 'both')).toEqual([-2, 2]);
    expect(trimmedRange([along([-3, ...side])], 0, 'both')).toEqual([-2, 2]);
    // Spread over two sets, as over two frames.
    const [lo, hi] = trimmedRange([along(side.slice(0, 50)), along([...side.slice(50), 2.1])], 0, 'both');
    expect([lo, hi]).toEqual([-2, Math.fround(2.1)]);
    // 'top' trims only the top: the bottom is the box's.
    expect(trimmedRange([along([-3, ...side, 2.6])], 2, 'top')).toEqual([-3, 2]);
  });

  it('keeps a group of outliers larger than the trimmed fraction', () => {
    expect(trimmedRange([along([...evenly(-2, 2, 100), 2.6, 2.61, 2.62])], 0, 'both')[1]).toBeCloseTo(2.62, 5);
  });
});

describe('agreedExtreme', () => {
  it('takes the farthest extreme another frame comes within 10 cm of', () => {
    expect(agreedExtreme([2.2, 2.15, 3.0], 1, [100, 100, 100])).toBe(2.2);
    expect(agreedExtreme([-2.2, -2.15, -3.0], -1, [100, 100, 500])).toBe(-2.2);
    expect(agreedExtreme([1.9], 1, [5])).toBe(1.9);
  });
  it('where no two frames agree, takes the frame that saw most of the object: a sparse one never pulls a face in', () => {
    expect(agreedExtreme([0.96, 0.85], 1, [700, 60])).toBe(0.96);
    expect(agreedExtreme([0.96, 0.85], 1, [60, 700])).toBe(0.85);
  });
});

describe('objectExtent', () => {
  const car = { typical: 4.5, max: 5.85, complete: 0.9 };
  it('takes a side seen whole where the points say, moving faces in or out', () => {
    expect(objectExtent([-2.1, 2.2], [true, true], 3, car)).toEqual([-2.1, 2.2]);
    expect(objectExtent([-2.1, 2.2], [true, true], 5, car)).toEqual([-2.1, 2.2]);
  });
  it('only ever moves a hidden face, or the faces of a side partly seen, outwards', () => {
    expect(objectExtent([-2.1, 2.0], [true, false], 5, car)).toEqual([-2.1, 2.5]);
    expect(objectExtent([-2.6, 1.0], [true, true], 4, car)).toEqual([-2.6, 2]);
  });
  it('afresh, leaves the box out: a side seen whole as the points say, a shorter one grown to the typical length', () => {
    expect(objectExtent([-2.1, 2.0], [true, false], 5.2, car, true)).toEqual([-2.1, 2.0]);
    expect(objectExtent([-2.1, 1.0], [true, false], 5.2, car, true)).toEqual([-2.1, 2.4]);
    expect(objectExtent([-1, 2.0], [false, true], 5.2, car, true)).toEqual([-2.5, 2]);
    expect(objectExtent([-1, 1], [true, true], 5.2, car, true)).toEqual([-2.25, 2.25]);
  });
  it('leaves a side as it is where the points span more than the class allows', () => {
    expect(objectExtent([-4, 3], [true, true], 4.5, car)).toEqual([-2.25, 2.25]);
  });
});
