import { describe, expect, it } from 'vitest';
import { applyPatch, invertPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import { createCuboid } from '../../../../src/core/edits/create-cuboid';
import { offsetInBoxFrame, updateCuboid } from '../../../../src/core/edits/update-cuboid';
import { pickCuboidAt } from '../../../../src/core/geometry/pick-cuboid';
import type { Cuboid } from '../../../../src/core/model/labels';

function docWithBox(yaw = Math.PI / 2): LabelDoc {
  const doc: LabelDoc = new Map();
  applyPatch(
    doc,
    createCuboid(doc, {
      sceneId: 's',
      frameIndex: 0,
      classId: 'car',
      position: [10, 0, 0.8],
      size: [4, 2, 1.6],
      yaw,
      trackId: 't',
      cuboidId: 'c',
    }),
  );
  return doc;
}

describe('updateCuboid', () => {
  it('changes pose and size, normalises yaw, makes the box a manual keyframe, and inverts exactly', () => {
    const doc = docWithBox();
    const before = JSON.stringify([...doc]);
    const p = updateCuboid(doc, { cuboidId: 'c', change: { yaw: 3 * Math.PI, size: [4.5, 2, 1.6] } });
    applyPatch(doc, p);
    const c = doc.get('c') as Cuboid;
    expect(c.yaw).toBeCloseTo(Math.PI, 12);
    expect(c.size).toEqual([4.5, 2, 1.6]);
    expect(c.keyframe).toBe(true);
    applyPatch(doc, invertPatch(p));
    expect(JSON.stringify([...doc])).toBe(before);
  });

  it('refuses a non-positive size and an unknown box', () => {
    const doc = docWithBox();
    expect(() => updateCuboid(doc, { cuboidId: 'c', change: { size: [4, 0, 1] } })).toThrow(/positive/);
    expect(() => updateCuboid(doc, { cuboidId: 'nope', change: {} })).toThrow(/nope/);
  });

  it('steps forward along the box heading, not the ego axes', () => {
    const c = docWithBox(Math.PI / 2).get('c') as Cuboid;
    const [x, y, z] = offsetInBoxFrame(c, 1, 0, 0.5);
    expect([x, y, z].map((v) => +v.toFixed(9))).toEqual([10, 1, 1.3]);
  });
});

describe('pickCuboidAt', () => {
  it('finds the box whose rotated footprint holds the point, the smallest of overlapping ones', () => {
    const doc = docWithBox(Math.PI / 2); // 4 m along ego y, 2 m along ego x
    applyPatch(
      doc,
      createCuboid(doc, {
        sceneId: 's',
        frameIndex: 0,
        classId: 'pedestrian',
        position: [10, 1.5, 0.9],
        size: [0.6, 0.6, 1.8],
        yaw: 0,
        trackId: 't2',
        cuboidId: 'p',
      }),
    );
    const boxes = [...doc.values()].filter((r): r is Cuboid => r.type === 'cuboid');
    expect(pickCuboidAt(boxes, 10, 1.9)?.id).toBe('c');
    expect(pickCuboidAt(boxes, 10, 1.5)?.id).toBe('p');
    expect(pickCuboidAt(boxes, 11.5, 0)).toBeUndefined();
  });
});

describe('updateTrack', () => {
  it('changes the class of the whole track and inverts exactly', async () => {
    const { updateTrack } = await import('../../../../src/core/edits/update-track');
    const doc = docWithBox();
    const before = JSON.stringify([...doc]);
    const p = updateTrack(doc, { trackId: 't', classId: 'truck' });
    applyPatch(doc, p);
    expect((doc.get('t') as { classId: string }).classId).toBe('truck');
    applyPatch(doc, invertPatch(p));
    expect(JSON.stringify([...doc])).toBe(before);
    expect(() => updateTrack(doc, { trackId: 'c' })).toThrow(/no track c/);
  });
});

describe('updateCuboid on a derived box', () => {
  it('stores it as a manual keyframe under its own id, and the undo takes it away again', () => {
    const doc = docWithBox();
    const stored = doc.get('c') as Cuboid;
    const derived: Cuboid = { ...stored, id: 't@3', frameIndex: 3, keyframe: false, source: { kind: 'interpolated' } };
    const before = JSON.stringify([...doc]);
    const p = updateCuboid(doc, { cuboidId: 't@3', change: { yaw: 0.5 }, derived });
    expect(p.updated).toEqual([]);
    expect(p.added).toEqual([{ ...derived, yaw: 0.5, keyframe: true, source: { kind: 'manual' } }]);
    applyPatch(doc, p);
    applyPatch(doc, invertPatch(p));
    expect(JSON.stringify([...doc])).toBe(before);
    expect(() => updateCuboid(doc, { cuboidId: 't@4', change: {}, derived })).toThrow(/no cuboid t@4/);
  });
});
