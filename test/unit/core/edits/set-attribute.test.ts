import { describe, expect, it } from 'vitest';
import { AttributeRefusedError, setAttribute } from '../../../../src/core/edits/set-attribute';
import { createCuboid } from '../../../../src/core/edits/create-cuboid';
import { applyPatch, invertPatch, isEmptyPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import type { AttributeSpec } from '../../../../src/core/model/ontology';
import type { Cuboid, Track } from '../../../../src/core/model/labels';

const emergency: AttributeSpec = { id: 'emergency', kind: 'boolean', dynamic: false };
const occluded: AttributeSpec = { id: 'occluded', kind: 'enum', dynamic: true, values: ['none', 'partly'] };
const truncated: AttributeSpec = { id: 'truncated', kind: 'number', dynamic: true, min: 0, max: 1 };

/** Two boxes of one track on frames 0 and 1. */
function twoFrames(): LabelDoc {
  const doc: LabelDoc = new Map();
  const base = { sceneId: 's', classId: 'car', position: [5, 0, 0.8], size: [4, 2, 1.5], yaw: 0 } as const;
  applyPatch(doc, createCuboid(doc, { ...base, frameIndex: 0, trackId: 't', cuboidId: 'c0' }));
  const second: Cuboid = { ...(doc.get('c0') as Cuboid), id: 'c1', frameIndex: 1 };
  applyPatch(doc, { added: [second], updated: [], removed: [] });
  return doc;
}

const snapshot = (doc: LabelDoc) => structuredClone([...doc.entries()]);

/** Applies `patch`, then its inverse, and checks the doc is as it was: apply ∘ invert = identity. */
function expectInvertible(doc: LabelDoc, patch: ReturnType<typeof setAttribute>) {
  const before = snapshot(doc);
  applyPatch(doc, patch);
  const after = snapshot(doc);
  applyPatch(doc, invertPatch(patch));
  expect(snapshot(doc)).toEqual(before);
  applyPatch(doc, patch);
  expect(snapshot(doc)).toEqual(after);
}

describe('setAttribute', () => {
  it('puts a static attribute on the track, shared by every frame, and undoes exactly', () => {
    const doc = twoFrames();
    const patch = setAttribute(doc, { cuboidId: 'c1', spec: emergency, value: true });
    expect(patch.updated.map(([b]) => b.id)).toEqual(['t']);
    expectInvertible(doc, patch);
    expect((doc.get('t') as Track).attributes).toEqual({ emergency: true });
    expect((doc.get('c0') as Cuboid).attributes).toEqual({});
  });

  it('puts a dynamic attribute on this frame’s box alone, and undoes exactly', () => {
    const doc = twoFrames();
    const patch = setAttribute(doc, { cuboidId: 'c1', spec: occluded, value: 'partly' });
    expect(patch.updated.map(([b]) => b.id)).toEqual(['c1']);
    expectInvertible(doc, patch);
    expect((doc.get('c1') as Cuboid).attributes).toEqual({ occluded: 'partly' });
    expect((doc.get('c0') as Cuboid).attributes).toEqual({});
    expect((doc.get('t') as Track).attributes).toEqual({});
  });

  it('clears a value, keeping the others, and undo brings it back', () => {
    const doc = twoFrames();
    applyPatch(doc, setAttribute(doc, { cuboidId: 'c0', spec: occluded, value: 'none' }));
    applyPatch(doc, setAttribute(doc, { cuboidId: 'c0', spec: truncated, value: 0.25 }));
    const patch = setAttribute(doc, { cuboidId: 'c0', spec: occluded, value: undefined });
    expectInvertible(doc, patch);
    expect((doc.get('c0') as Cuboid).attributes).toEqual({ truncated: 0.25 });
  });

  it('is an empty patch when the value is already there', () => {
    const doc = twoFrames();
    applyPatch(doc, setAttribute(doc, { cuboidId: 'c0', spec: emergency, value: false }));
    expect(isEmptyPatch(setAttribute(doc, { cuboidId: 'c1', spec: emergency, value: false }))).toBe(true);
    expect(isEmptyPatch(setAttribute(doc, { cuboidId: 'c1', spec: occluded, value: undefined }))).toBe(true);
  });

  it('refuses a value out of range or of the wrong kind, changing nothing', () => {
    const doc = twoFrames();
    expect(() => setAttribute(doc, { cuboidId: 'c0', spec: truncated, value: 1.5 })).toThrow(AttributeRefusedError);
    const refused = (() => {
      try {
        setAttribute(doc, { cuboidId: 'c0', spec: occluded, value: 'mostly' });
      } catch (error) {
        return error as AttributeRefusedError;
      }
    })();
    expect(refused?.problem).toEqual({ kind: 'notAllowed', values: ['none', 'partly'] });
    expect(() => setAttribute(doc, { cuboidId: 'c0', spec: emergency, value: 'yes' })).toThrow(/emergency/);
    expect(() => setAttribute(doc, { cuboidId: 'nope', spec: emergency, value: true })).toThrow(/no cuboid/);
  });
});
