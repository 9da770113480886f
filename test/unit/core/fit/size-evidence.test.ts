import { describe, expect, it } from 'vitest';
import { readSizeSource, replacesSize, supportOf } from '../../../../src/core/fit/size-evidence';

describe('size evidence', () => {
  it('lets only an estimate on more of the object’s points, or as many from more frames, replace a size', () => {
    const fit = { kind: 'fit', frameIndex: 3, points: 480 } as const;
    expect(replacesSize({ frames: 1, points: 204 }, fit)).toBe(false);
    expect(replacesSize({ frames: 1, points: 480 }, fit)).toBe(false);
    expect(replacesSize({ frames: 2, points: 480 }, fit)).toBe(true);
    expect(replacesSize({ frames: 2, points: 684 }, fit)).toBe(true);
    expect(replacesSize({ frames: 5, points: 400 }, { kind: 'points', frames: 2, points: 684 })).toBe(false);
    expect(replacesSize({ frames: 1, points: 1 }, { kind: 'default' })).toBe(true);
  });

  it('never replaces a size set by hand, nor one of unknown origin (stored before sources were recorded)', () => {
    const huge = { frames: 30, points: 1e9 };
    expect(replacesSize(huge, { kind: 'hand' })).toBe(false);
    expect(replacesSize(huge, undefined)).toBe(false);
    expect(supportOf(undefined).points).toBe(Infinity);
    expect(supportOf({ kind: 'default' })).toEqual({ frames: 0, points: 0 });
  });

  it('reads stored sources defensively: anything malformed is an unknown origin', () => {
    expect(readSizeSource({ kind: 'points', frames: 3, points: 1240 })).toEqual({ kind: 'points', frames: 3, points: 1240 }); // prettier-ignore
    expect(readSizeSource({ kind: 'fit', frameIndex: 0, points: 12 })).toEqual({
      kind: 'fit',
      frameIndex: 0,
      points: 12,
    });
    expect(readSizeSource({ kind: 'hand', extra: 1 })).toEqual({ kind: 'hand' });
    for (const bad of [
      undefined,
      null,
      'hand',
      { kind: 'fit', points: -1, frameIndex: 0 },
      { kind: 'points', frames: 1.5, points: 3 },
      { kind: 'guess' },
    ])
      // prettier-ignore
      expect(readSizeSource(bad)).toBeUndefined();
  });
});
