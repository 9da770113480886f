import { describe, expect, it } from 'vitest';
import { dragBoxInView, pickViewHandle, MIN_SIZE } from '../../../../src/core/edits/drag-box-in-view';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { updateCuboid } from '../../../../src/core/edits/update-cuboid';
import { applyPatch, invertPatch } from '../../../../src/core/edits/patch';
import type { Cuboid } from '../../../../src/core/model/labels';

const start: Cuboid = {
  type: 'cuboid',
  id: 'c1',
  sceneId: 's',
  trackId: 't1',
  frameIndex: 0,
  position: [10, 5, 0.8],
  size: [4, 2, 1.6],
  yaw: 0.6,
  pitch: 0,
  roll: 0,
  attributes: {},
  keyframe: true,
  source: { kind: 'manual' },
};
const none = { dh: 0, dk: 0, h: 0, k: 0 };
const near = (a: readonly number[], b: readonly number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 9));

describe('dragBoxInView', () => {
  it('moving in the top view follows the heading up the screen', () => {
    const change = dragBoxInView('top', start, { kind: 'move' }, { ...none, dk: 2 });
    near(change.position!, [10 + 2 * Math.cos(0.6), 5 + 2 * Math.sin(0.6), 0.8]);
  });

  it('moving up in the side view raises the box and nothing else', () => {
    const change = dragBoxInView('side', start, { kind: 'move' }, { ...none, dk: 0.3 });
    near(change.position!, [10, 5, 1.1]);
  });

  it('pulling the front face out lengthens the box and leaves the rear face where it was', () => {
    const change = dragBoxInView('top', start, { kind: 'resize', h: 0, k: 1 }, { ...none, dk: 1 });
    expect(change.size).toEqual([5, 2, 1.6]);
    const after = { ...start, ...change };
    const rear = (c: Cuboid) => cuboidCorners(c).slice(2, 4);
    rear(after).forEach((p, i) => near(p, rear(start)[i]!));
  });

  it('pulling the top face down in the front view lowers the roof, the floor stays', () => {
    const change = dragBoxInView('front', start, { kind: 'resize', h: 0, k: 1 }, { ...none, dk: -0.4 });
    expect(change.size![2]).toBeCloseTo(1.2, 9);
    expect(change.position![2] - change.size![2] / 2).toBeCloseTo(0, 9);
  });

  it('a corner resizes two axes at once and never below the minimum size', () => {
    const change = dragBoxInView('side', start, { kind: 'resize', h: -1, k: -1 }, { ...none, dh: 10, dk: 10 });
    expect(change.size).toEqual([MIN_SIZE, 2, MIN_SIZE]);
  });

  it('the heading handle turns the box towards the pointer', () => {
    expect(dragBoxInView('top', start, { kind: 'rotate' }, { ...none, h: -1, k: 0 }).yaw).toBeCloseTo(
      0.6 + Math.PI / 2,
    );
    expect(dragBoxInView('top', start, { kind: 'rotate' }, { ...none, h: 1, k: 1 }).yaw).toBeCloseTo(0.6 - Math.PI / 4);
  });

  it('a drag is an edit whose patch inverts exactly', () => {
    const doc = new Map([[start.id, start]]);
    const change = dragBoxInView('top', start, { kind: 'resize', h: 1, k: 1 }, { ...none, dh: 0.3, dk: -0.2 });
    const patch = updateCuboid(doc, { cuboidId: start.id, change });
    const copy = structuredClone(doc);
    applyPatch(doc, patch);
    applyPatch(doc, invertPatch(patch));
    expect(doc).toEqual(copy);
  });
});

describe('pickViewHandle', () => {
  const size: [number, number, number] = [4, 2, 1.6];
  it('finds faces, corners, the body and the heading handle of the top view', () => {
    expect(pickViewHandle('top', size, 0, 2.02, 0.1, 0.8)).toEqual({ kind: 'resize', h: 0, k: 1 });
    expect(pickViewHandle('top', size, -1.03, 0.5, 0.1, 0.8)).toEqual({ kind: 'resize', h: -1, k: 0 });
    expect(pickViewHandle('top', size, 0.98, -2.05, 0.1, 0.8)).toEqual({ kind: 'resize', h: 1, k: -1 });
    expect(pickViewHandle('top', size, 0.2, 0.3, 0.1, 0.8)).toEqual({ kind: 'move' });
    expect(pickViewHandle('top', size, 0, 2.8, 0.1, 0.8)).toEqual({ kind: 'rotate' });
    expect(pickViewHandle('side', size, 0, 2.8, 0.1, 0.8)).toBeUndefined();
    expect(pickViewHandle('top', size, 3, 0, 0.1, 0.8)).toBeUndefined();
  });
});
