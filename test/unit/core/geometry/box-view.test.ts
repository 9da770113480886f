import { describe, expect, it } from 'vitest';
import {
  boxToView,
  egoToViewOf,
  fitScale,
  viewHalfExtents,
  type BoxViewKind,
} from '../../../../src/core/geometry/box-view';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { fromPose, transformPoint } from '../../../../src/core/math/mat4';

const box = {
  position: [12, -3, 0.8] as [number, number, number],
  size: [4.4, 1.9, 1.5] as [number, number, number],
  yaw: 2.7,
  pitch: 0.05,
  roll: -0.03,
};
const kinds: BoxViewKind[] = ['top', 'side', 'front'];

describe('box views', () => {
  it.each(kinds)('%s: every corner of the box lands on the corners of its outline', (kind) => {
    const toView = egoToViewOf(kind, box);
    const [hh, hk, hd] = viewHalfExtents(kind, box.size);
    const out = new Float64Array(3);
    for (const [x, y, z] of cuboidCorners(box)) {
      toView(x, y, z, out);
      expect(Math.abs(out[0]!)).toBeCloseTo(hh, 9);
      expect(Math.abs(out[1]!)).toBeCloseTo(hk, 9);
      expect(Math.abs(out[2]!)).toBeCloseTo(hd, 9);
    }
  });

  it.each(kinds)('%s: an ego point lands where its box-frame coordinates say, signs included', (kind) => {
    const toView = egoToViewOf(kind, box);
    const egoFromBox = fromPose(box.position, box.yaw, box.pitch, box.roll);
    const out = new Float64Array(3);
    for (const p of [
      [1.2, -0.4, 0.3],
      [-2, 0.7, -0.5],
    ] as [number, number, number][]) {
      toView(...transformPoint(egoFromBox, p), out);
      boxToView(kind, p).forEach((v, i) => expect(out[i]).toBeCloseTo(v, 9));
    }
  });

  it('top view: the heading points up, the box left is on the screen left', () => {
    expect(boxToView('top', [1, 0, 0])).toEqual([-0, 1, 0]);
    expect(boxToView('top', [0, 1, 0])[0]).toBe(-1);
  });

  it('side view: the heading points right, up is up; front view: the box left is on the right', () => {
    expect(boxToView('side', [1, 0, 2]).slice(0, 2)).toEqual([1, 2]);
    expect(boxToView('front', [0, 1, 2]).slice(0, 2)).toEqual([1, 2]);
  });

  it('the front of the box (ego point ahead of it) is up in the top view', () => {
    const toView = egoToViewOf('top', { ...box, pitch: 0, roll: 0 });
    const out = new Float64Array(3);
    toView(box.position[0] + 3 * Math.cos(box.yaw), box.position[1] + 3 * Math.sin(box.yaw), box.position[2], out);
    expect(out[0]).toBeCloseTo(0, 9);
    expect(out[1]).toBeCloseTo(3, 9);
  });

  it('scales so the whole box fits with room to spare', () => {
    for (const kind of kinds) {
      const s = fitScale(kind, box.size, 300, 200);
      const [hh, hk] = viewHalfExtents(kind, box.size);
      expect(2 * hh * s).toBeLessThan(300 * 0.7);
      expect(2 * hk * s).toBeLessThan(200 * 0.7);
      expect(Math.max((2 * hh * s) / 300, (2 * hk * s) / 200)).toBeGreaterThan(0.4);
    }
  });
});
