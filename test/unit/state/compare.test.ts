import { describe, expect, it } from 'vitest';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import type { AgreementReport } from '../../../src/core/agreement/agreement';
import type { FrameDifference } from '../../../src/core/agreement/differences';
import type { Scene } from '../../../src/core/model/scene';
import { CompareState, DIFFERENCE_COLORS, type CompareBackend } from '../../../src/state/compare.svelte';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { LabelRepository } from '../../../src/storage/label-repository';

const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;
const scene = { id: 's', frames: [{ index: 0, timestampUs: 0 }] } as unknown as Scene;

function setUp() {
  const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester');
  labels.commit('createCuboid', createCuboid(labels.doc, { sceneId: 's', frameIndex: 0, classId: 'car', position: [10, 0, 0.8], size: [4, 2, 1.5], yaw: 0, trackId: 't1', cuboidId: 'c1' })); // prettier-ignore
  const releases: ((r: { report: AgreementReport; differences: FrameDifference[] }) => void)[] = [];
  const backend: CompareBackend = { compare: () => new Promise((resolve) => releases.push(resolve)) };
  return { labels, compare: new CompareState({ scene, labels }, backend), releases };
}

const result = (missed: string[]) => ({
  report: { tracking: { idSwitches: 0 } } as unknown as AgreementReport,
  differences: [{ frame: 0, matched: [], missed, extra: ['c1'] }],
});

describe('CompareState', () => {
  it('draws the reference boxes under ids of their own, missed ones red, the extra ones orange', async () => {
    const { labels, compare, releases } = setUp();
    const version = { id: 'v1', message: 'before', records: [...labels.doc.values()] };
    const done = compare.withVersion(version);
    releases[0]!(result(['c1']));
    await done;
    const drawn = compare.drawnOn(0);
    expect(drawn.boxes.map((c) => c.id)).toEqual(['reference:c1']);
    expect(drawn.colorOf).toEqual({ 'reference:c1': DIFFERENCE_COLORS.missed, c1: DIFFERENCE_COLORS.extra });
    expect(compare.framesWithDifferences).toEqual([{ frame: 0, missed: 1, extra: 1, switched: 0 }]);
  });

  it('a comparison stopped or overtaken while it runs shows nothing of its result', async () => {
    const { labels, compare, releases } = setUp();
    const version = { id: 'v1', message: 'before', records: [...labels.doc.values()] };
    const first = compare.withVersion(version);
    compare.clear();
    releases[0]!(result(['c1']));
    await first;
    expect(compare.report).toBeUndefined();
    expect(compare.drawnOn(0).boxes).toEqual([]);
    // Two in a row: the older one landing last changes nothing.
    const a = compare.withVersion(version);
    const b = compare.withVersion(version);
    releases[2]!(result([]));
    await b;
    releases[1]!(result(['c1']));
    await a;
    expect(compare.differences[0]!.missed).toEqual([]);
    expect(compare.busy).toBe(false);
  });
});
