import { describe, expect, it } from 'vitest';
import { keepSeenFaces, refitInTrack } from '../../../../src/core/fit/refit-in-track';
import type { Vec3 } from '../../../../src/core/math/mat4';

/** A sparse frame's fit: a car seen from behind, its length and height short (metres, ego frame). */
const sparse = { position: [10, 0, 0.5] as Vec3, size: [3, 1.5, 1] as Vec3, yaw: 0.14, points: 204 };
const trackSize: Vec3 = [4.5, 1.8, 1.5];

describe('refitInTrack', () => {
  it('moves and turns the box on a sparse frame but keeps the track’s size and where it came from', () => {
    const source = { kind: 'fit', frameIndex: 0, points: 480 } as const;
    const refit = refitInTrack(sparse, { size: trackSize, sizeSource: source }, 7, [0, 0]);
    expect(refit.sizeChanged).toBe(false);
    expect(refit.size).toEqual(trackSize);
    expect(refit.sizeSource).toBe(source);
    expect(refit.yaw).toBe(0.14);
    // Seen from behind and from its left: the rear and left faces stay where the fit found them, the box grows
    // forward and to its right; it stands on the ground.
    const [dx, dy] = [refit.position[0] - 10, refit.position[1]];
    const [c, s] = [Math.cos(0.14), Math.sin(0.14)];
    expect(c * dx + s * dy).toBeCloseTo((4.5 - 3) / 2, 9);
    expect(-s * dx + c * dy).toBeCloseTo(-(1.8 - 1.5) / 2, 9);
    expect(refit.position[2] - trackSize[2] / 2).toBeCloseTo(0, 9);
  });

  it('takes the fit’s size where it rests on more points, or refits the frame the size came from', () => {
    const denser = refitInTrack({ ...sparse, points: 481 }, { size: trackSize, sizeSource: { kind: 'fit', frameIndex: 0, points: 480 } }, 7, [0, 0]); // prettier-ignore
    expect(denser).toMatchObject({ sizeChanged: true, size: sparse.size, position: sparse.position });
    expect(denser.sizeSource).toEqual({ kind: 'fit', frameIndex: 7, points: 481 });
    const same = refitInTrack(sparse, { size: trackSize, sizeSource: { kind: 'fit', frameIndex: 7, points: 480 } }, 7, [0, 0]); // prettier-ignore
    expect(same.sizeChanged).toBe(true);
    const overDefault = refitInTrack({ ...sparse, points: 3 }, { size: trackSize, sizeSource: { kind: 'default' } }, 2, [0, 0]); // prettier-ignore
    expect(overDefault.sizeChanged).toBe(true);
  });

  it('never replaces a size set by hand or of unknown origin, however dense the frame', () => {
    for (const sizeSource of [{ kind: 'hand' } as const, undefined]) {
      const refit = refitInTrack({ ...sparse, points: 1e6 }, { size: trackSize, sizeSource }, 7, [0, 0]);
      expect(refit).toMatchObject({ sizeChanged: false, size: trackSize, sizeSource });
    }
  });
});

describe('keepSeenFaces', () => {
  const fit = { position: [0, 5, 1] as Vec3, size: [4, 1.6, 2] as Vec3, yaw: 0 };

  it('keeps the face towards the sensor along each side, and both move alike where the sensor is level', () => {
    // The sensor beside the box (level along its length), on its −y side: length grows both ways, width away.
    const placed = keepSeenFaces(fit, [5, 2, 2], [0, 0]);
    expect(placed.position[0]).toBeCloseTo(0, 9);
    expect(placed.position[1] - 1).toBeCloseTo(5 - 0.8, 9);
    expect(placed.position[2]).toBeCloseTo(1, 9);
  });

  it('shrinks from the hidden side too, so a smaller size keeps the seen faces', () => {
    const placed = keepSeenFaces(fit, [3, 1.6, 1], [10, 5]);
    // The sensor ahead (+x): the front face stays at x = 2, the box now spans [−1, 2]; it stands on the ground.
    expect(placed.position[0] + 1.5).toBeCloseTo(2, 9);
    expect(placed.position[2]).toBeCloseTo(0.5, 9);
  });
});
