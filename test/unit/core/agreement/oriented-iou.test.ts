import { describe, expect, it } from 'vitest';
import { intersectionVolume, type OrientedBox } from '../../../../src/core/agreement/convex-clip';
import { iou3d, iouBev } from '../../../../src/core/agreement/oriented-iou';
import { parentFromCuboid } from '../../../../src/core/geometry/cuboid';
import { invertRigid, transformPoint } from '../../../../src/core/math/mat4';
import { createRandom, type Random } from '../../../../src/core/math/random';

const box = (position: [number, number, number], size: [number, number, number], yaw = 0, pitch = 0, roll = 0): OrientedBox => ({ position, size, yaw, pitch, roll }); // prettier-ignore

const volume = (b: OrientedBox) => b.size[0] * b.size[1] * b.size[2];

/**
 * The independent estimate: points spread evenly over box a (a stratified grid jittered by a seeded generator,
 * in a's own frame), the share that falls inside b (tested in b's own frame) times a's volume.
 */
function monteCarloIntersection(a: OrientedBox, b: OrientedBox, random: Random, perSide = 60): number {
  const egoFromA = parentFromCuboid(a),
    bFromEgo = invertRigid(parentFromCuboid(b));
  let inside = 0;
  for (let i = 0; i < perSide; i++)
    for (let j = 0; j < perSide; j++)
      for (let k = 0; k < perSide; k++) {
        const local: [number, number, number] = [i, j, k].map((n, axis) => ((n + random()) / perSide - 0.5) * a.size[axis]!) as [number, number, number]; // prettier-ignore
        const p = transformPoint(bFromEgo, transformPoint(egoFromA, local));
        if (p.every((v, axis) => Math.abs(v) <= b.size[axis]! / 2)) inside++;
      }
  return (inside / perSide ** 3) * volume(a);
}

/** A random box near the origin: a car-sized or smaller box, yaw anywhere, pitch and roll up to `tilt` radians. */
function randomBox(random: Random, tilt: number): OrientedBox {
  const r = (lo: number, hi: number) => lo + (hi - lo) * random();
  return box([r(-1, 1), r(-1, 1), r(-0.5, 0.5)], [r(0.5, 5), r(0.5, 2.5), r(0.5, 2)], r(-Math.PI, Math.PI), r(-tilt, tilt), r(-tilt, tilt)); // prettier-ignore
}

describe('iou3d', () => {
  it('matches hand-computed overlaps', () => {
    const unit = box([0, 0, 0], [2, 2, 2]);
    expect(iou3d(unit, unit)).toBeCloseTo(1, 12);
    // Shifted by 1 m along x: 4 m³ shared, 12 m³ in the union.
    expect(iou3d(unit, box([1, 0, 0], [2, 2, 2]))).toBeCloseTo(1 / 3, 12);
    // Shifted 1 m in x and in z: 2 m³ shared of 14 m³.
    expect(iou3d(unit, box([1, 0, 1], [2, 2, 2]))).toBeCloseTo(1 / 7, 12);
    // A 1 m cube inside: 1 / 8.
    expect(iou3d(box([0.2, -0.3, 0.1], [1, 1, 1]), unit)).toBeCloseTo(1 / 8, 12);
    // A car against the same car turned round: the same box.
    expect(iou3d(box([5, 2, 0.8], [4.5, 1.8, 1.5], 0.4), box([5, 2, 0.8], [4.5, 1.8, 1.5], 0.4 - Math.PI))).toBeCloseTo(1, 12); // prettier-ignore
    expect(iou3d(unit, box([3, 0, 0], [2, 2, 2]))).toBe(0);
    expect(iou3d(unit, box([0, 0, 2.5], [2, 2, 2]))).toBe(0);
  });

  it('is exact for boxes turned the same way in pitch and roll', () => {
    // The same tilt on both, shifted 1 m along the boxes' own x axis: still 1/3.
    const a = box([0, 0, 0], [2, 2, 2], 0.3, 0.2, -0.1);
    const egoFromA = parentFromCuboid(a);
    const shifted = transformPoint(egoFromA, [1, 0, 0]);
    expect(iou3d(a, { ...a, position: shifted })).toBeCloseTo(1 / 3, 10);
    expect(iou3d(a, a)).toBeCloseTo(1, 10);
  });

  it('gives the same volume by 3D clipping as by footprint × height for level boxes', () => {
    const random = createRandom(7);
    for (let n = 0; n < 200; n++) {
      const a = randomBox(random, 0),
        b = randomBox(random, 0);
      // Footprint × height, from the bird's-eye IoU's exact polygon clipping.
      const bev = iouBev(a, b);
      const footprint = (bev * (a.size[0] * a.size[1] + b.size[0] * b.size[1])) / (1 + bev);
      const top = Math.min(a.position[2] + a.size[2] / 2, b.position[2] + b.size[2] / 2);
      const bottom = Math.max(a.position[2] - a.size[2] / 2, b.position[2] - b.size[2] / 2);
      const expected = footprint * Math.max(0, top - bottom);
      expect(intersectionVolume(a, b)).toBeCloseTo(expected, 9);
      expect(intersectionVolume(b, a)).toBeCloseTo(expected, 9);
    }
  });

  it('agrees with a Monte-Carlo estimate for boxes with pitch and roll', () => {
    const random = createRandom(2024);
    let overlapping = 0;
    for (let n = 0; n < 40; n++) {
      const a = randomBox(random, 0.5),
        b = randomBox(random, 0.5);
      const estimate = monteCarloIntersection(a, b, random);
      const exact = intersectionVolume(a, b);
      // 216,000 stratified samples: the estimate's error is well under 1% of a's volume.
      expect(Math.abs(exact - estimate), `pair ${n}`).toBeLessThan(0.005 * volume(a) + 1e-9);
      const iouEstimate = estimate / (volume(a) + volume(b) - estimate);
      expect(Math.abs(iou3d(a, b) - iouEstimate)).toBeLessThan(0.01);
      if (exact > 0.1) overlapping++;
    }
    expect(overlapping).toBeGreaterThan(20);
  });

  it('is symmetric and 0 for empty boxes', () => {
    const a = box([0, 0, 0], [4, 2, 1.5], 0.2, 0.1, 0.05),
      b = box([0.7, 0.4, 0.2], [3, 1.6, 1.4], -0.5, -0.08, 0.1);
    expect(iou3d(a, b)).toBeCloseTo(iou3d(b, a), 12);
    expect(iou3d(a, box([0, 0, 0], [0, 2, 1]))).toBe(0);
  });
});
