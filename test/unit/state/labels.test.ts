import { describe, expect, it } from 'vitest';
import { LabelsState } from '../../../src/state/labels.svelte';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
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
