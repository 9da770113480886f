import { describe, expect, it } from 'vitest';
import { applyPatch, composePatches, invertPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import { createCuboid, type CreateCuboidArgs } from '../../../../src/core/edits/create-cuboid';
import { deleteCuboid, cuboidsOnFrame } from '../../../../src/core/edits/delete-cuboid';
import { History } from '../../../../src/core/edits/history';
import type { Cuboid } from '../../../../src/core/model/labels';

const args = (n: number, frameIndex = 0): CreateCuboidArgs => ({
  sceneId: 's',
  frameIndex,
  classId: 'car',
  position: [n, 2, 0.8],
  size: [4.5, 1.8, 1.6],
  yaw: (3 * Math.PI) / 2,
  trackId: `t${n}`,
  cuboidId: `c${n}`,
});

const snapshot = (doc: LabelDoc) => JSON.stringify([...doc.entries()].sort(([a], [b]) => a.localeCompare(b)));

describe('createCuboid', () => {
  it('adds a track and a keyframe cuboid with yaw normalised', () => {
    const doc: LabelDoc = new Map();
    applyPatch(doc, createCuboid(doc, args(1)));
    const c = doc.get('c1') as Cuboid;
    expect(doc.get('t1')?.type).toBe('track');
    expect(c.keyframe).toBe(true);
    expect(c.yaw).toBeCloseTo(-Math.PI / 2, 12);
    expect(cuboidsOnFrame(doc, 0).map((x) => x.id)).toEqual(['c1']);
    expect(cuboidsOnFrame(doc, 1)).toEqual([]);
  });

  it('refuses ids in use and non-positive sizes', () => {
    const doc: LabelDoc = new Map();
    applyPatch(doc, createCuboid(doc, args(1)));
    expect(() => createCuboid(doc, args(1))).toThrow(/in use/);
    expect(() => createCuboid(doc, { ...args(2), size: [0, 1, 1] })).toThrow(/positive/);
  });
});

describe('patches', () => {
  it('apply then invert is the identity', () => {
    const doc: LabelDoc = new Map();
    applyPatch(doc, createCuboid(doc, args(1)));
    const before = snapshot(doc);
    const p = createCuboid(doc, args(2));
    applyPatch(doc, p);
    expect(snapshot(doc)).not.toBe(before);
    applyPatch(doc, invertPatch(p));
    expect(snapshot(doc)).toBe(before);
  });

  it('deleting the last cuboid of a track removes the track, and undo restores both', () => {
    const doc: LabelDoc = new Map();
    applyPatch(doc, createCuboid(doc, args(1)));
    const before = snapshot(doc);
    const p = deleteCuboid(doc, { cuboidId: 'c1' });
    applyPatch(doc, p);
    expect(doc.size).toBe(0);
    applyPatch(doc, invertPatch(p));
    expect(snapshot(doc)).toBe(before);
  });

  it('a patch that does not fit the doc is refused and leaves the doc untouched', () => {
    const doc: LabelDoc = new Map();
    const p = createCuboid(doc, args(1));
    applyPatch(doc, p);
    const before = snapshot(doc);
    expect(() => applyPatch(doc, p)).toThrow(/already exists/);
    // Removes c1 (which exists) but also a record that does not: nothing may change.
    const c1 = doc.get('c1')!;
    const ghost = { ...c1, id: 'ghost' };
    expect(() => applyPatch(doc, { added: [], updated: [], removed: [c1, ghost] })).toThrow(/ghost/);
    expect(snapshot(doc)).toBe(before);
  });

  it('composing an add with its update keeps one add with the last value', () => {
    const doc: LabelDoc = new Map();
    const add = createCuboid(doc, args(1));
    const c = add.added[1] as Cuboid;
    const moved: Cuboid = { ...c, position: [9, 9, 0.8] };
    const both = composePatches(add, { added: [], updated: [[c, moved]], removed: [] });
    applyPatch(doc, both);
    expect((doc.get('c1') as Cuboid).position).toEqual([9, 9, 0.8]);
    expect(both.updated).toEqual([]);
  });
});

describe('History', () => {
  it('undo then redo is the identity, and a gesture is one entry', () => {
    const doc: LabelDoc = new Map();
    const history = new History();
    const add = createCuboid(doc, args(1));
    applyPatch(doc, add);
    history.push({ name: 'createCuboid', patch: add });
    const afterAdd = snapshot(doc);
    let c = doc.get('c1') as Cuboid;
    for (let i = 1; i <= 5; i++) {
      const next: Cuboid = { ...c, position: [1 + i, 2, 0.8] };
      const p = { added: [], updated: [[c, next]] as [Cuboid, Cuboid][], removed: [] };
      applyPatch(doc, p);
      history.push({ name: 'moveCuboid', patch: p, gesture: 'drag-1' });
      c = next;
    }
    const afterDrag = snapshot(doc);
    applyPatch(doc, history.undo()!);
    expect(snapshot(doc)).toBe(afterAdd);
    applyPatch(doc, history.redo()!);
    expect(snapshot(doc)).toBe(afterDrag);
    applyPatch(doc, history.undo()!);
    applyPatch(doc, history.undo()!);
    expect(doc.size).toBe(0);
    expect(history.canUndo).toBe(false);
    expect(history.undo()).toBeUndefined();
  });
});
