import { describe, expect, it } from 'vitest';
import { readKittiLabels } from '../../../../src/formats/labels/kitti-label';
import { kittiAttributes, kittiBoxInEgo } from '../../../../src/formats/labels/kitti-box';

const ROW = 'Car 0.00 1 1.85 387.63 181.54 423.81 203.12 1.67 1.87 3.69 -16.53 2.39 58.49 1.57';

describe('readKittiLabels', () => {
  it('reads object rows', () => {
    expect(readKittiLabels(`${ROW}\n\n`, 'l.txt', 'object')).toEqual([
      {
        type: 'Car',
        truncated: 0,
        occluded: 1,
        alpha: 1.85,
        box2d: [387.63, 181.54, 423.81, 203.12],
        hwl: [1.67, 1.87, 3.69],
        location: [-16.53, 2.39, 58.49],
        rotationY: 1.57,
      },
    ]);
  });

  it('reads tracking rows with frame and track id, and accepts a trailing score', () => {
    const [row] = readKittiLabels(`3 12 ${ROW} 0.93`, 'l.txt', 'tracking');
    expect([row!.frame, row!.trackId, row!.type, row!.rotationY]).toEqual([3, 12, 'Car', 1.57]);
  });

  it('names the file and line of a malformed row', () => {
    expect(() => readKittiLabels(`${ROW}\nCar 0 0`, 'l.txt', 'object')).toThrow(/^l\.txt: line 2: expected 15 fields/);
    expect(() => readKittiLabels(ROW.replace('58.49', 'x'), 'l.txt', 'object')).toThrow(/line 1/);
  });
});

describe('kittiBoxInEgo', () => {
  it('lifts the bottom centre by h/2 and turns rotation_y into yaw = −ry − π/2', () => {
    const [row] = readKittiLabels(ROW, 'l.txt', 'object');
    // Camera axes: x right, y down, z forward → Velodyne x = z, y = −x, z = −y (no offset here).
    const egoFromRect = [0, 0, 1, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 1];
    const box = kittiBoxInEgo(row!, egoFromRect);
    [58.49, 16.53, -(2.39 - 1.67 / 2)].forEach((v, i) => expect(box.position[i]).toBeCloseTo(v, 12));
    expect(box.size).toEqual([3.69, 1.87, 1.67]);
    expect(box.yaw).toBeCloseTo(-1.57 - Math.PI / 2, 12);
    // Normalised into (−π, π]: rotation_y = 2 gives −2 − π/2 + 2π.
    expect(kittiBoxInEgo({ ...row!, rotationY: 2 }, egoFromRect).yaw).toBeCloseTo(-2 - Math.PI / 2 + 2 * Math.PI, 12);
    expect(kittiAttributes(row!)).toEqual({ occluded: 'partly' });
    expect(kittiAttributes({ ...row!, occluded: 3 })).toEqual({});
  });
});
