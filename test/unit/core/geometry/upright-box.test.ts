import { describe, expect, it } from 'vitest';
import { applyPatch, invertPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import { uprightCuboids } from '../../../../src/core/edits/upright-cuboids';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { uprightAngles, uprightBox } from '../../../../src/core/geometry/upright-box';
import { eulerZyxFromRotation } from '../../../../src/core/math/euler-zyx';
import { fromPose } from '../../../../src/core/math/mat4';
import { multiplyRotations, rotationOf } from '../../../../src/core/math/quaternion';
import { createRandom } from '../../../../src/core/math/random';
import type { Cuboid } from '../../../../src/core/model/labels';

type V3 = [number, number, number];
const zyx = (yaw: number, pitch: number, roll: number) => rotationOf(fromPose([0, 0, 0], yaw, pitch, roll));
const column = (r: readonly number[], i: number): V3 => [r[i]!, r[3 + i]!, r[6 + i]!];

/** The 8 corners of a box given by a rotation (its axes as columns) and extents along them. */
function cornersOf(rotation: readonly number[], size: readonly number[]): V3[] {
  const out: V3[] = [];
  for (const sx of [-1, 1]) {
    for (const sy of [-1, 1]) {
      for (const sz of [-1, 1]) {
        const local = [(sx * size[0]!) / 2, (sy * size[1]!) / 2, (sz * size[2]!) / 2];
        out.push([0, 1, 2].map((row) => [0, 1, 2].reduce((s, k) => s + rotation[row * 3 + k]! * local[k]!, 0)) as V3);
      }
    }
  }
  return out;
}

/** Every corner of `a` has a corner of `b` within `tolerance` (metres), and the other way round. */
function sameCorners(a: V3[], b: V3[], tolerance = 1e-9): boolean {
  const near = (p: V3, set: V3[]) => set.some((q) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]) < tolerance);
  return a.every((p) => near(p, b)) && b.every((p) => near(p, a));
}

/** The 24 proper rotations that map axes onto axes: a box said with its axes relabelled. */
function axisPermutations(): number[][] {
  const out: number[][] = [];
  const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]; // prettier-ignore
  for (const order of orders) {
    for (const signs of [
      [1, 1, 1],
      [1, 1, -1],
      [1, -1, 1],
      [1, -1, -1],
      [-1, 1, 1],
      [-1, 1, -1],
      [-1, -1, 1],
      [-1, -1, -1],
    ]) {
      // prettier-ignore
      const p = Array<number>(9).fill(0);
      order.forEach((to, from) => (p[to * 3 + from] = signs[from]!));
      const det =
        p[0]! * (p[4]! * p[8]! - p[5]! * p[7]!) -
        p[1]! * (p[3]! * p[8]! - p[5]! * p[6]!) +
        p[2]! * (p[3]! * p[7]! - p[4]! * p[6]!);
      if (det > 0) out.push(p);
    }
  }
  return out;
}

describe('uprightBox', () => {
  it('keeps the corners of a box given with its axes in any order, and stands it upright', () => {
    const random = createRandom(11);
    const permutations = axisPermutations();
    expect(permutations).toHaveLength(24);
    for (let n = 0; n < 400; n++) {
      // An upright box tilted at most 30°, then said with relabelled axes: R' = R · P, size' = Pᵀ · size.
      const [yaw, pitch, roll] = [(random() * 2 - 1) * Math.PI, (random() - 0.5) * 1.0, (random() - 0.5) * 1.0];
      const size: V3 = [1 + random() * 5, 0.5 + random() * 2, 0.3 + random() * 3];
      const p = permutations[n % 24]!;
      const given = multiplyRotations(zyx(yaw, pitch, roll), p);
      const givenSize = [0, 1, 2].map((i) => Math.abs([0, 1, 2].reduce((s, k) => s + p[k * 3 + i]! * size[k]!, 0))) as V3; // prettier-ignore
      const result = uprightBox(given, givenSize);
      expect(sameCorners(cornersOf(zyx(result.yaw, result.pitch, result.roll), result.size), cornersOf(given, givenSize))).toBe(true); // prettier-ignore
      // Neither angle exceeds the box's tilt from the vertical.
      const tilt = Math.acos(Math.cos(pitch) * Math.cos(roll));
      expect(Math.abs(result.pitch)).toBeLessThanOrEqual(tilt + 1e-9);
      expect(Math.abs(result.roll)).toBeLessThanOrEqual(tilt + 1e-9);
      // The height is the original's; the heading is the given box's own x (its y where x is the vertical one).
      expect(result.size[2]).toBeCloseTo(size[2], 12);
      const headingAxis = Math.abs(given[6]!) > Math.max(Math.abs(given[7]!), Math.abs(given[8]!)) ? 1 : 0;
      const forward = column(zyx(result.yaw, result.pitch, result.roll), 0);
      column(given, headingAxis).forEach((v, i) => expect(forward[i]).toBeCloseTo(v, 12));
      expect(result.size[0]).toBeCloseTo(givenSize[headingAxis]!, 12);
    }
  });

  it('stands a KITTI-style camera-frame box up: sy is the height, sz the width, yaw = −ry − π/2', () => {
    // Camera (x right, y down, z forward) on a vehicle (x forward, y left, z up): egoFromCamera's rotation.
    const egoFromCamera = [0, 0, 1, -1, 0, 0, 0, -1, 0];
    for (const ry of [-3, -1.57, 0, 0.4, 2.9]) {
      const [c, s] = [Math.cos(ry), Math.sin(ry)];
      const inCamera = [c, 0, s, 0, 1, 0, -s, 0, c]; // Ry(ry)
      const result = uprightBox(multiplyRotations(egoFromCamera, inCamera), [4.2, 1.5, 1.8]);
      expect(result.size).toEqual([4.2, 1.8, 1.5]);
      expect(Math.abs(result.pitch) + Math.abs(result.roll)).toBeLessThan(1e-12);
      expect(Math.cos(result.yaw - (-ry - Math.PI / 2))).toBeCloseTo(1, 12);
    }
  });

  it('gives an upright box back with exactly its own numbers', () => {
    expect(uprightAngles({ yaw: 0.3, pitch: 0.1, roll: -0.2, size: [4, 2, 1.5] })).toEqual({ yaw: 0.3, pitch: 0.1, roll: -0.2, size: [4, 2, 1.5] }); // prettier-ignore
    const rolled = uprightAngles({ yaw: 0.3, pitch: 0, roll: -Math.PI / 2, size: [4, 1.5, 2] });
    expect(rolled.size.map((v) => Number(v.toFixed(12)))).toEqual([4, 2, 1.5]);
    expect(Math.abs(rolled.roll)).toBeLessThan(1e-12);
    // A box upside down (roll 180°) is the same box upright.
    const flipped = uprightAngles({ yaw: 1, pitch: 0, roll: Math.PI, size: [4, 2, 1.5] });
    expect(flipped.size).toEqual([4, 2, 1.5]);
    expect(Math.abs(flipped.roll)).toBeLessThan(1e-12);
    expect(eulerZyxFromRotation(zyx(flipped.yaw, 0, 0)).yaw).toBeCloseTo(1, 12);
  });
});

describe('uprightCuboids', () => {
  const box = (id: string, roll: number, size: V3): Cuboid => ({
    type: 'cuboid', id, sceneId: 's', trackId: 't', frameIndex: 0, position: [5, 1, 0.8], size, yaw: 0.2,
    pitch: 0, roll, attributes: {}, keyframe: true, source: { kind: 'manual' },
  }); // prettier-ignore

  it('updates only boxes lying on their side, keeping their corners; undo gives them back', () => {
    const upright = box('a', 0.05, [4, 1.8, 1.5]);
    const lying = box('b', -Math.PI / 2, [4, 1.5, 1.8]);
    const patch = uprightCuboids([upright, lying]);
    expect(patch.updated.map(([before]) => before.id)).toEqual(['b']);
    const after = patch.updated[0]![1] as Cuboid;
    expect(after.size.map((v) => Number(v.toFixed(9)))).toEqual([4, 1.8, 1.5]);
    expect(sameCorners(cuboidCorners(after), cuboidCorners(lying))).toBe(true);
    const doc: LabelDoc = new Map([upright, lying].map((r) => [r.id, r]));
    applyPatch(doc, patch);
    expect(doc.get('b')).toEqual(after);
    applyPatch(doc, invertPatch(patch));
    expect(doc.get('b')).toEqual(lying);
    expect(uprightCuboids([upright]).updated).toEqual([]);
  });
});
