import { describe, expect, it } from 'vitest';
import { clickFigures, median } from '../../eval/click-figures';

describe('one-click figures', () => {
  it('give the share at IoU 0.7, the median, the flip rate overall and for moving tracks', () => {
    const outcomes = [
      { iou: 0.8, axisError: 0, flipped: false, moving: true },
      { iou: 0.72, axisError: 0.1, flipped: true, moving: true },
      { iou: 0.5, axisError: 0.2, flipped: false, moving: false },
      { iou: 0, axisError: Math.PI / 2, flipped: true, moving: false },
    ];
    const f = clickFigures(outcomes);
    expect(f.objects).toBe(4);
    expect(f.atGoal).toBe(0.5);
    expect(f.medianIou).toBe(0.61);
    expect(f.flipRate).toBe(0.5);
    expect(f.moving).toEqual({ objects: 2, flipRate: 0.5 });
    expect(f.headingErrorDeg).toBeCloseTo(((0.3 + Math.PI / 2) / 4) * (180 / Math.PI), 2);
  });

  it('say n/a where there is nothing to measure', () => {
    expect(clickFigures([])).toEqual({ objects: 0, atGoal: null, medianIou: null, headingErrorDeg: null, flipRate: null, moving: null }); // prettier-ignore
    expect(clickFigures([{ iou: 1, axisError: 0, flipped: false }]).moving).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });
});
