import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../../../src/core/model/scene';
import { LabelImportState } from '../../../src/state/label-import.svelte';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { LabelRepository } from '../../../src/storage/label-repository';

const FILE = fileURLToPath(new URL('../../../../shared/data/kitti-tracking-openlabel/openlabel100_kitti_tracking_0014.json', import.meta.url)); // prettier-ignore
const scene = { id: 'scene-1', frames: Array.from({ length: 20 }, (_, index) => ({ index, timestampUs: index * 100_000 })) } as unknown as Scene; // prettier-ignore

function setUp() {
  const appended: string[] = [];
  const repository = { append: async (name: string) => (appended.push(name), 1), shouldSnapshot: () => false } as unknown as LabelRepository; // prettier-ignore
  const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester');
  return { labels, appended, state: new LabelImportState({ scene, labels }) };
}
const file = (name: string, text: string) => ({ name, text: async () => text });

describe('LabelImportState', () => {
  it('imports a label file as one undoable, journaled edit and reports what it left out', async () => {
    const { labels, appended, state } = setUp();
    await state.importFile(file('0014.json', readFileSync(FILE, 'utf8')));
    expect(state.error).toBeUndefined();
    expect(state.result!.boxes).toBeGreaterThan(50);
    expect(labels.doc.size).toBe(state.result!.tracks + state.result!.boxes);
    expect(appended).toEqual(['importLabels']);
    expect(state.result!.problems.some((p) => p.code === 'labels.frame.outside-scene')).toBe(true);
    labels.undo();
    expect(labels.doc.size).toBe(0);
  });

  it('says what is wrong with a file that is not labels, and refuses in a read-only tab', async () => {
    const { labels, state } = setUp();
    await state.importFile(file('notes.txt', 'hello'));
    // Coded, so that the dialog can say it in the user's language; the English words stay for logs.
    expect(state.error).toMatchObject({ code: 'labels.file.unknown', path: 'notes.txt', message: expect.stringMatching(/^notes\.txt: not a label file/) }); // prettier-ignore
    labels.readOnly = true;
    await state.importFile(file('0014.json', readFileSync(FILE, 'utf8')));
    expect(state.refusal).toBe('readOnly');
    expect(labels.doc.size).toBe(0);
  });
});
