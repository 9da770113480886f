import { describe, expect, it } from 'vitest';
import { dragBoxOnGround, footprintHandleAt } from '../../../../src/core/edits/drag-box-on-ground';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';

const box = {
  position: [10, 4, 0.8] as [number, number, number],
  size: [4, 2, 1.6] as [number, number, number],
  yaw: Math.PI / 2,
  pitch: 0,
  roll: 0,
};

describe('dragging the selected box on the ground in the 3D view', () => {
  it('grabs the face or corner under the pointer, else the body', () => {
    // Heading +y: the front face runs through y = 6, the box's left (+x of the box is +y of ego) is at x = 9.
    expect(footprintHandleAt(box, 10, 6.05, 0.1)).toEqual({ kind: 'resize', h: 0, k: 1 });
    expect(footprintHandleAt(box, 9, 4.5, 0.1)).toEqual({ kind: 'resize', h: -1, k: 0 });
    expect(footprintHandleAt(box, 11, 2, 0.1)).toEqual({ kind: 'resize', h: 1, k: -1 });
    expect(footprintHandleAt(box, 10.2, 4.3, 0.1)).toEqual({ kind: 'move' });
    expect(footprintHandleAt(box, 14, 4, 0.1)).toBeUndefined();
    // Zoomed far out (a grab of 3 m), the middle of the box still moves it.
    expect(footprintHandleAt(box, 10.1, 4.2, 3)).toEqual({ kind: 'move' });
    expect(footprintHandleAt(box, 10.8, 4.2, 3)).toEqual({ kind: 'resize', h: 1, k: 0 });
  });

  it('pulls the front face out along the heading and keeps the rear face', () => {
    const change = dragBoxOnGround(box, { kind: 'resize', h: 0, k: 1 }, [10, 6], [10, 7]);
    expect(change.size).toEqual([5, 2, 1.6]);
    const rear = (b: typeof box) => cuboidCorners(b).slice(2, 4);
    const after = { ...box, ...change } as typeof box;
    rear(after).forEach((p, i) => p.forEach((v, j) => expect(v).toBeCloseTo(rear(box)[i]![j]!, 9)));
  });

  it('moves the body with the pointer and turns by the angle swept round the centre', () => {
    expect(dragBoxOnGround(box, { kind: 'move' }, [10, 4], [12, 3]).position).toEqual([12, 3, 0.8]);
    expect(dragBoxOnGround(box, 'turn', [11, 4], [10, 5]).yaw).toBeCloseTo(Math.PI, 9);
  });
});
