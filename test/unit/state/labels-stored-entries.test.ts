import { describe, expect, it } from 'vitest';
import { LabelsState } from '../../../src/state/labels.svelte';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import type { LabelRepository } from '../../../src/storage/label-repository';

/** A journal whose appends resolve or fail only when the test says so, as a slow disk would. */
function heldRepository() {
  const held: { resolve: (seq: number) => void; reject: (error: Error) => void }[] = [];
  const repository = {
    append: () => new Promise<number>((resolve, reject) => held.push({ resolve, reject })),
    shouldSnapshot: () => false,
  } as unknown as LabelRepository;
  return { repository, held };
}

const place = (labels: LabelsState, n: number) =>
  labels.commit(
    'createCuboid',
    createCuboid(labels.doc, {
      sceneId: 's',
      frameIndex: 0,
      classId: 'car',
      position: [n, 0, 0.8],
      size: [4, 2, 1.5],
      yaw: 0,
      trackId: `t${n}`,
      cuboidId: `c${n}`,
    }),
  );

/** Lets the write chain take its next step. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LabelsState.storedEntries', () => {
  it('counts an edit only once its journal append has resolved, in order, and never a failed one', async () => {
    const { repository, held } = heldRepository();
    const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester');
    place(labels, 1);
    place(labels, 2);
    place(labels, 3);
    await tick();
    // Applied at once, none acknowledged: the first append is still on its way, the others wait behind it.
    expect(labels.cuboidsOn(0)).toHaveLength(3);
    expect([labels.storedEntries, labels.pendingWrites, held.length]).toEqual([0, 3, 1]);
    held[0]!.resolve(1);
    await tick();
    expect([labels.storedEntries, labels.pendingWrites, held.length]).toEqual([1, 2, 2]);
    held[1]!.reject(new Error('the disk is full'));
    await tick();
    expect([labels.storedEntries, labels.storageError]).toEqual([1, 'the disk is full']);
    held[2]!.resolve(3);
    await labels.flushed();
    expect([labels.storedEntries, labels.pendingWrites]).toEqual([2, 0]);
  });
});
