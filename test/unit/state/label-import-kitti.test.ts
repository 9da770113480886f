import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Track } from '../../../src/core/model/labels';
import { writeKitti } from '../../../src/formats/labels/kitti-writer';
import { LabelImportState } from '../../../src/state/label-import.svelte';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { LabelRepository } from '../../../src/storage/label-repository';
import { testLineage } from '../formats/labels/label-set-fixtures';
import { randomLabelSet } from '../formats/labels/random-label-set';

function setUp(scene: ReturnType<typeof randomLabelSet>['scene']) {
  const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;
  const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester');
  return { labels, state: new LabelImportState({ scene, labels }) };
}

describe('LabelImportState with KITTI tracking labels', () => {
  // A scene whose tracks carry dataset ids and names (randomLabelSet gives some of them both).
  const set = [...Array(40).keys()].map((s) => randomLabelSet(s + 1)).find((s) => s.tracks.filter((t) => t.externalId).length >= 2 && s.tracks.some((t) => t.name))!; // prettier-ignore
  const { files } = writeKitti(set, testLineage(), { mode: 'tracking', decimals: 9 });
  const identity = (tracks: Iterable<Track>) => [...tracks].map((t) => [t.id, t.externalId, t.name]).sort();
  const withBoxes = set.tracks.filter((t) => set.cuboids.some((c) => c.trackId === t.id));

  it('reads the zip an export downloads, giving tracks back their ids, dataset ids and names from its sidecar', async () => {
    const zip = zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.text)])));
    const { labels, state } = setUp(set.scene);
    await state.importFiles([{ name: 'drive-kitti-tracking.zip', text: async () => '', arrayBuffer: async () => zip.slice().buffer }]); // prettier-ignore
    expect(state.error).toBeUndefined();
    expect(state.result!.tracks).toBe(withBoxes.length);
    expect(identity(labels.tracks.tracks)).toEqual(identity(withBoxes));
  });

  it('reads the label file chosen with its sidecar, and without it keeps each track_id as the dataset id', async () => {
    const chosen = files.map((f) => ({ name: f.path.replace(/^.*\//, ''), text: async () => f.text }));
    const withSidecar = setUp(set.scene);
    await withSidecar.state.importFiles(chosen);
    expect(identity(withSidecar.labels.tracks.tracks)).toEqual(identity(withBoxes));
    const bare = setUp(set.scene);
    await bare.state.importFiles(chosen.filter((f) => f.name !== 'frustum-lineage.json'));
    expect([...bare.labels.tracks.tracks].every((t) => /^\d+$/.test(t.externalId ?? ''))).toBe(true);
    const twice = setUp(set.scene);
    await twice.state.importFiles([chosen[0]!, { name: 'notes.json', text: async () => '{}' }]);
    expect(twice.state.error).toMatchObject({ code: 'labels.files.several', message: expect.stringMatching(/choose one label file/) }); // prettier-ignore
  });
});
