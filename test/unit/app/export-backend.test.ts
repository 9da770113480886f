import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createExportBackend } from '../../../src/app/export-backend';
import { generalDriving } from '../../../src/core/model/default-ontology';
import type { LabelRecord } from '../../../src/core/model/labels';
import { readBundle } from '../../../src/formats/bundle/read-bundle';
import { createMemoryFiles } from '../../../src/formats/scene/scene-files';
import { openDb, type FrustumDb, type SceneOrigin } from '../../../src/storage/db';
import { randomLabelSet } from '../formats/labels/random-label-set';

let db: FrustumDb | undefined;
let n = 0;
afterEach(() => db?.close());

/** A folder scene whose two files the backend reads through `filesOf`, as the app reads an OPFS copy. */
async function setUp() {
  db = openDb(`export-backend-${++n}`);
  const set = randomLabelSet(4);
  const scene = { ...set.scene, name: 'Harbour 港口 run', source: { kind: 'files' as const, root: '' } };
  await db.scenes.put(scene);
  const origin: SceneOrigin = { sceneId: scene.id, kind: 'opfs', name: 'harbour', paths: ['lidar/0.pcd', 'calib.txt'] }; // prettier-ignore
  await db.origins.put(origin);
  const bytes = { 'lidar/0.pcd': new Uint8Array([1, 2, 3]), 'calib.txt': new TextEncoder().encode('P2: 1 0 0') };
  const backend = createExportBackend(db, async () => createMemoryFiles('harbour', bytes));
  const records: LabelRecord[] = [...set.tracks, ...set.cuboids.filter((c) => c.keyframe), ...set.segments];
  const request = (format: 'openlabel' | 'csv' | 'bundle', embedData = false) => ({ scene, ontology: generalDriving, records, format, embedData, versionMessage: `for ${format}`, onProgress: () => {} }); // prettier-ignore
  return { backend, scene, records, bytes, request };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the export backend', () => {
  it('names a version, hashes every input file and records the export with its lineage', async () => {
    const { backend, scene, bytes, request } = await setUp();
    const first = await backend.exportScene(request('openlabel'));
    expect(first.fileName).toBe('Harbour-港口-run-openlabel.json');
    expect(first.mime).toBe('application/json');
    const versions = await backend.listVersions(scene.id);
    expect(versions.map((v) => v.message)).toEqual(['for openlabel']);
    expect(first.record.lineage).toMatchObject({
      labelVersionId: versions[0]!.id,
      author: 'local',
      ontology: { id: 'general-driving', version: generalDriving.version },
      inputs: [
        { path: 'calib.txt', sha256: sha(bytes['calib.txt']) },
        { path: 'lidar/0.pcd', sha256: sha(bytes['lidar/0.pcd']) },
      ],
    });
    expect(JSON.parse(strFromU8(first.bytes)).openlabel.metadata.frustum.lineage).toEqual(first.record.lineage);
    // Unchanged labels: the second export names the same version; a CSV and its lineage come as one zip.
    const second = await backend.exportScene(request('csv'));
    expect(second.record.lineage.labelVersionId).toBe(versions[0]!.id);
    expect(second.fileName).toBe('Harbour-港口-run-csv.zip');
    expect(Object.keys(unzipSync(second.bytes)).sort()).toEqual(['Harbour-港口-run-csv.csv', 'Harbour-港口-run-csv.lineage.json']); // prettier-ignore
    expect((await backend.listExports(scene.id)).map((e) => e.format)).toEqual(['openlabel', 'csv']);
  });

  it('records what the writer left out as one line per problem code, with the count and the first places', async () => {
    const { backend, scene, records, request } = await setUp();
    // Four boxes whose attribute has no JSON form: OpenLABEL drops it from each.
    let broken = 0;
    const withNaN = records.map((r) => (r.type === 'cuboid' && broken++ < 4 ? { ...r, attributes: { ...r.attributes, depth: Number.NaN } } : r)); // prettier-ignore
    const boxes = withNaN.filter((r) => r.type === 'cuboid' && Number.isNaN(r.attributes['depth'])).map((r) => r.id);
    const result = await backend.exportScene({ ...request('openlabel'), records: withNaN });
    const file = 'Harbour-港口-run-openlabel.json';
    expect(result.record.problems).toHaveLength(1);
    const line = /^openlabel\.attribute\.not-finite ×4: attribute depth is not a finite number; left out \((.*), …\)$/.exec(result.record.problems[0]!); // prettier-ignore
    // The writer's order of boxes, not ours: three of the four, each named by file and box.
    const places = line![1]!.split(', ');
    expect(places).toHaveLength(3);
    for (const place of places) expect(boxes.map((id) => `${file} box ${id}`)).toContain(place);
    expect((await backend.listExports(scene.id)).map((e) => e.problems)).toEqual([result.record.problems]);
  });

  it('writes a bundle that lists itself among the exports, with the scene files when asked', async () => {
    const { backend, scene, records, bytes, request } = await setUp();
    await backend.saveVersion(scene.id, records.slice(0, 1), 'just a track');
    const result = await backend.exportScene(request('bundle', true));
    expect(result.fileName).toBe('Harbour-港口-run.frustum.zip');
    const bundle = readBundle(result.bytes, result.fileName);
    expect(bundle.versions.map((v) => v.message)).toEqual(['just a track', 'for bundle']);
    expect(bundle.lineage.parentVersionId).toBe(bundle.versions[0]!.id);
    expect(bundle.exports.map((e) => e.id)).toEqual([result.record.id]);
    expect(bundle.data.map((f) => [f.path, [...f.bytes]])).toEqual(Object.entries(bytes).map(([p, b]) => [p, [...b]]).sort()); // prettier-ignore
    expect(JSON.stringify(bundle.scene)).toBe(JSON.stringify(scene));
  });
});
