import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createCuboid } from '../../../../src/core/edits/create-cuboid';
import type { LabelVersion } from '../../../../src/core/model/label-version';
import { kittiOntology } from '../../../../src/core/model/kitti-ontology';
import type { Cuboid, LabelRecord } from '../../../../src/core/model/labels';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { bundleFromLabelSet } from '../../../../src/formats/bundle/bundle-from-label-set';
import type { FrustumBundle } from '../../../../src/formats/bundle/frustum-bundle';
import { readBundle } from '../../../../src/formats/bundle/read-bundle';
import { writeBundle } from '../../../../src/formats/bundle/write-bundle';
import { EXPORT_FORMATS } from '../../../../src/formats/labels/label-formats';
import { validateFrustumManifest } from '../../../../src/formats/scene/validate-frustum-manifest';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { createMemoryFiles } from '../../../../src/formats/scene/scene-files';
import { testLineage } from '../labels/label-set-fixtures';
import { randomLabelSet } from '../labels/random-label-set';

/** A bundle with every part filled: two versions, a journal with a drag gesture and an undo, two exports. */
function fullBundle(seed: number): FrustumBundle {
  const set = randomLabelSet(seed);
  const records: LabelRecord[] = [...set.tracks, ...set.cuboids, ...set.segments];
  const sceneId = set.scene.id;
  const version = (id: string, parentId?: string): LabelVersion => ({
    id,
    sceneId,
    ...(parentId ? { parentId } : {}),
    author: 'ann 标注员',
    time: 1_700_000_000_000 + id.length,
    message: `saved ${id}`,
    records: records.slice(0, 3),
    prelabelModels: [{ name: 'pointpillars', version: '1.2' }],
    digest: 'cd'.repeat(32),
  });
  const added = createCuboid(new Map(), { sceneId, frameIndex: 0, classId: 'car', position: [5, 1, 0.8], size: [4, 2, 1.5], yaw: 0.2, trackId: 'tx', cuboidId: 'cx' }); // prettier-ignore
  const undo = { added: added.removed, updated: [], removed: added.added };
  return {
    scene: { ...set.scene, cameras: set.scene.cameras.map((c, i) => (i === 0 ? { ...c, referenceFromCamera: [1, 0, 0, -0.5, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] } : c)) }, // prettier-ignore
    ontology: kittiOntology,
    records,
    versions: [version('v-1'), version('v-22', 'v-1')],
    journal: [
      { time: 1, author: 'ann', name: 'importLabels', patch: { added: records, updated: [], removed: [] } },
      { time: 2, author: 'ann', name: 'createCuboid', patch: added },
      { time: 3, author: 'ann', name: 'moveCuboid', patch: added, gesture: 'drag-7' },
      { time: 4, author: 'ann', name: 'undo', patch: undo },
    ],
    workLog: [{ time: 0, author: 'bo', name: 'createCuboid', patch: added }],
    reviews: [],
    exports: [{ id: 'e-1', sceneId, format: 'openlabel', fileName: 'a.json', time: 5, lineage: testLineage(), problems: ['one'] }], // prettier-ignore
    lineage: testLineage(),
    data: [],
  };
}

/** JSON equality: what survives a JSON round trip must come back exactly, field for field and in order. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('Frustum bundle', () => {
  it('reads back every part exactly: scene, labels, versions, journal with gestures, reviews, exports, lineage', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const bundle = fullBundle(seed);
      const read = readBundle(writeBundle(bundle), 'project.zip');
      expect(asJson(read)).toEqual(asJson(bundle));
      expect(JSON.stringify(read.records)).toBe(JSON.stringify(bundle.records));
      expect(JSON.stringify(read.journal)).toBe(JSON.stringify(bundle.journal));
      expect(read.journal[2]!.gesture).toBe('drag-7');
    }
  });

  it('stands up a box stored lying on its side, as one journal line that undo reverses; versions stay as written', () => {
    const bundle = fullBundle(7);
    const index = bundle.records.findIndex((r) => r.type === 'cuboid');
    const upright = bundle.records[index] as Cuboid;
    // The same box as a camera-frame reader used to store it: rolled a quarter turn, width and height swapped.
    const lying: Cuboid = { ...upright, roll: -Math.PI / 2, pitch: 0, size: [upright.size[0], upright.size[2], upright.size[1]] }; // prettier-ignore
    const records = bundle.records.map((r, i) => (i === index ? lying : r));
    const read = readBundle(writeBundle({ ...bundle, records }), 'old.zip');
    const stood = read.records[index] as Cuboid;
    expect(stood.size.map((v) => Number(v.toFixed(9)))).toEqual(upright.size.map((v) => Number(v.toFixed(9))));
    expect(Math.abs(stood.roll)).toBeLessThan(1e-9);
    const corners = (c: Cuboid) =>
      cuboidCorners(c)
        .map((p) => p.map((v) => v.toFixed(9)).join(' '))
        .sort();
    expect(corners(stood)).toEqual(corners(lying));
    const line = read.journal.at(-1)!;
    expect(line.name).toBe('uprightBoxes');
    expect(line.patch.updated).toEqual([[lying, stood]]);
    expect(read.journal).toHaveLength(bundle.journal.length + 1);
    expect(asJson(read.versions)).toEqual(asJson(bundle.versions));
    // Written again, the bundle is already upright: nothing more to mend.
    expect(readBundle(writeBundle(read), 'new.zip').journal).toHaveLength(read.journal.length);
  });

  it('lays the zip out as documented, with a manifest valid by the scene manifest schema', () => {
    const bundle = fullBundle(6);
    const entries = unzipSync(writeBundle(bundle));
    expect(Object.keys(entries).sort()).toEqual(
      [
        'bundle.json',
        'exports.json',
        'labels/current.json',
        'labels/journal.jsonl',
        'labels/work-log.jsonl',
        'labels/versions/v-1.json',
        'labels/versions/v-22.json',
        'lineage.json',
        'manifest.json',
        'ontology.json',
        'reviews.json',
        'scene.json',
      ].sort(),
    );
    const manifest = validateFrustumManifest(strFromU8(entries['manifest.json']!), 'manifest.json');
    expect(manifest.frames.map((f) => f.lidar[0]!.path)).toEqual(bundle.scene.frames.map((f) => f.lidar[0]!.uri));
    expect(JSON.parse(strFromU8(entries['reviews.json']!))).toEqual([]);
    expect(strFromU8(entries['labels/journal.jsonl']!).trim().split('\n')).toHaveLength(4);
    const lineage = JSON.parse(strFromU8(entries['lineage.json']!)) as Record<string, unknown>;
    for (const key of [
      'frustumVersion',
      'labelVersionId',
      'parentVersionId',
      'author',
      'time',
      'inputs',
      'ontology',
      'prelabelModels',
    ])
      // prettier-ignore
      expect(lineage, key).toHaveProperty(key);
    // The same bundle written twice is the same bytes (entries dated with the lineage's time).
    expect(writeBundle(bundle)).toEqual(writeBundle(bundle));
  });

  it('embeds scene files under data/ when asked, the manifest pointing at them', () => {
    const bundle = { ...fullBundle(7), data: [{ path: 'lidar/000000.pcd', bytes: new Uint8Array([1, 2, 3]) }] };
    const zip = writeBundle(bundle);
    const manifest = JSON.parse(strFromU8(unzipSync(zip)['manifest.json']!)) as { frames: { lidar: { path: string }[] }[] }; // prettier-ignore
    expect(manifest.frames[0]!.lidar[0]!.path).toBe('data/lidar/000000.pcd');
    expect(readBundle(zip, 'b.zip').data).toEqual(bundle.data);
  });

  it('unzipped with every file embedded and the manifest renamed, is a folder the importers open', async () => {
    const base = fullBundle(10);
    const uris = base.scene.frames.flatMap((f) => [...f.lidar, ...f.cameras].map((s) => s.uri));
    const zip = writeBundle({ ...base, data: uris.map((path) => ({ path, bytes: new Uint8Array([7]) })) });
    const { 'manifest.json': manifest, ...rest } = unzipSync(zip);
    const imported = await importScene(createMemoryFiles('unzipped', { ...rest, 'frustum-manifest.json': manifest! }));
    expect(imported.problems).toEqual([]);
    expect(imported.scene.frames.map((f) => f.lidar[0]!.uri)).toEqual(base.scene.frames.map((f) => `data/${f.lidar[0]!.uri}`)); // prettier-ignore
  });

  it('refuses what is not a bundle, naming the file and the part at fault', () => {
    const good = unzipSync(writeBundle(fullBundle(8)));
    const rezip = (change: Record<string, Uint8Array | undefined>) => {
      const entries = { ...good, ...change };
      for (const [k, v] of Object.entries(change)) if (!v) delete entries[k];
      return zipSync(entries as Record<string, Uint8Array>);
    };
    expect(() => readBundle(strToU8('hello'), 'x.zip')).toThrow(/^x\.zip: not a zip file/);
    expect(() => readBundle(rezip({ 'scene.json': undefined }), 'b.zip')).toThrow('b.zip: scene.json is missing');
    expect(() => readBundle(rezip({ 'lineage.json': strToU8('{') }), 'b.zip')).toThrow('b.zip/lineage.json: not valid JSON'); // prettier-ignore
    expect(() => readBundle(rezip({ 'bundle.json': strToU8('{"format":"frustum-bundle","version":9}') }), 'b.zip')).toThrow('version 9 is newer'); // prettier-ignore
    expect(() => readBundle(rezip({ 'labels/current.json': strToU8('[{"type":"box","id":"a","sceneId":"s"}]') }), 'b.zip')).toThrow('b.zip/labels/current.json: /0/type must be track, cuboid, segment, dismissal, verdict, issue or review-round'); // prettier-ignore
    expect(() => readBundle(rezip({ 'labels/journal.jsonl': strToU8('{"time":1,"author":"a","name":"x","patch":{"added":[],"removed":[]}}\n') }), 'b.zip')).toThrow('labels/journal.jsonl:1: /patch/updated must be an array'); // prettier-ignore
    expect(() => readBundle(rezip({ 'manifest.json': strToU8('{"format":"frustum-scene","version":1}') }), 'b.zip')).toThrow('b.zip/manifest.json'); // prettier-ignore
    const index = JSON.parse(strFromU8(good['bundle.json']!)) as Record<string, unknown>;
    const escaping = rezip({ 'bundle.json': strToU8(JSON.stringify({ ...index, data: ['../etc/passwd'] })) });
    expect(() => readBundle(escaping, 'b.zip')).toThrow('must stay inside the scene folder');
  });

  it('is a target of the export formats table: a label set with its lineage, derived boxes left to the app', () => {
    const set = randomLabelSet(9);
    const derived = { ...set.cuboids[0]!, id: `${set.cuboids[0]!.trackId}@99`, frameIndex: 99, keyframe: false, source: { kind: 'interpolated' as const } }; // prettier-ignore
    const { files } = EXPORT_FORMATS.bundle.write({ ...set, cuboids: [...set.cuboids, derived] }, testLineage(), 'out.zip'); // prettier-ignore
    expect(files).toHaveLength(1);
    const read = readBundle(files[0]!.bytes!, 'out.zip');
    expect(read.records).toEqual([...set.tracks, ...set.cuboids, ...set.segments]);
    expect(read.journal.map((l) => l.name)).toEqual(['importLabels']);
    expect(read.exports.map((e) => e.lineage)).toEqual([testLineage()]);
    expect(read.lineage).toEqual(testLineage());
    expect(read.versions).toEqual([]);
    expect(read.ontology?.id).toBe(set.scene.ontologyId);
    expect(bundleFromLabelSet(set, testLineage(), 'out.zip').reviews).toEqual([]);
  });
});
