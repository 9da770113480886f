import { describe, expect, it } from 'vitest';
import { LabelsState } from '../../../src/state/labels.svelte';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import type { Cuboid } from '../../../src/core/model/labels';
import type { LabelRepository } from '../../../src/storage/label-repository';

/** A repository that only counts appends: these tests are about the in-memory labels. */
const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;

const place = (labels: LabelsState, n: number, frameIndex: number) =>
  labels.commit(
    'createCuboid',
    createCuboid(labels.doc, {
      sceneId: 's',
      frameIndex,
      classId: 'car',
      position: [n, 0, 0.8],
      size: [4, 2, 1.5],
      yaw: 0,
      trackId: `t${n}`,
      cuboidId: `c${n}`,
    }),
  );

describe('LabelsState.cuboidsOn', () => {
  it('answers repeated questions from one scan, and never a stale one after a change', () => {
    const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester');
    place(labels, 1, 0);
    const first = labels.cuboidsOn(0);
    expect(labels.cuboidsOn(0)).toBe(first);
    expect(labels.cuboidsOn(1)).toEqual([]);
    place(labels, 2, 0);
    expect(labels.cuboidsOn(0).map((c) => c.id)).toEqual(['c1', 'c2']);
    labels.undo();
    expect(labels.cuboidsOn(0).map((c) => c.id)).toEqual(['c1']);
    labels.redo();
    expect(labels.cuboidsOn(0).map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('refuses edits while read-only', () => {
    const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester');
    labels.readOnly = true;
    place(labels, 1, 0);
    expect(labels.cuboidsOn(0)).toEqual([]);
  });
});

describe('LabelsState.editCuboid', () => {
  const frames = Array.from({ length: 12 }, (_, i) => ({ timestampUs: i * 100_000 }));
  const twoKeyframes = () => {
    const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester', frames);
    place(labels, 1, 0);
    const first = labels.doc.get('c1') as Cuboid;
    labels.commit('copy', {
      added: [{ ...first, id: 'c1b', frameIndex: 10, position: [11, 0, 0.8] }],
      updated: [],
      removed: [],
    });
    return labels;
  };

  it('stores a derived box as a keyframe, and refuses once the track has a stored box on that frame', () => {
    const labels = twoKeyframes();
    const derived = labels.cuboidsOn(5).find((c) => c.trackId === 't1')!;
    expect(derived.source.kind).toBe('interpolated');
    const stale = { ...derived };
    labels.commit('other', {
      added: [{ ...derived, id: 'x5', keyframe: true, source: { kind: 'manual' } }],
      updated: [],
      removed: [],
    });
    expect(labels.editCuboid('moveCuboid', stale, { position: [0, 0, 0] })).toBe(false);
    expect(
      labels
        .cuboidsOn(5)
        .filter((c) => c.trackId === 't1')
        .map((c) => c.id),
    ).toEqual(['x5']);
  });

  it('never brings back a box deleted while a drag held it', () => {
    const labels = twoKeyframes();
    const held = labels.doc.get('c1') as Cuboid;
    labels.commit('deleteCuboid', { added: [], updated: [], removed: [held] });
    expect(labels.editCuboid('moveCuboid', held, { position: [2, 0, 0.8] })).toBe(false);
    expect(labels.doc.has('c1')).toBe(false);
  });

  it("gives a rigid track's new size to every stored box of it, in one undo step", () => {
    const labels = twoKeyframes();
    expect(labels.editCuboid('resizeCuboid', labels.doc.get('c1') as Cuboid, { size: [5, 2, 1.5] })).toBe(true);
    expect((labels.doc.get('c1b') as Cuboid).size).toEqual([5, 2, 1.5]);
    labels.undo();
    expect((labels.doc.get('c1b') as Cuboid).size).toEqual([4, 2, 1.5]);
  });
});
