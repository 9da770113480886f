import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LabelSet } from '../../../../src/core/model/label-set';
import type { Cuboid, Track } from '../../../../src/core/model/labels';
import { readCsv } from '../../../../src/formats/labels/csv-reader';
import { writeCsv } from '../../../../src/formats/labels/csv-writer';
import { readKittiLabels } from '../../../../src/formats/labels/kitti-label';
import { readKittiLabelSet } from '../../../../src/formats/labels/kitti-reader';
import { KITTI_SIDECAR, writeKitti } from '../../../../src/formats/labels/kitti-writer';
import { readNuscenesStyle } from '../../../../src/formats/labels/nuscenes-reader';
import { writeNuscenesStyle } from '../../../../src/formats/labels/nuscenes-writer';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';
import { writeOpenLabel } from '../../../../src/formats/labels/openlabel-writer';
import { testLineage } from './label-set-fixtures';
import { randomLabelSet } from './random-label-set';

const UUID = '3f9a2c1e-77b0-4c1d-9e2a-1a2b3c4d5e6f';
const TOKEN = 'e91afa15647c4c4994f19aeb302c7179';
/** One track of each kind of identity; the last repeats the first's dataset id (a label file imported twice). */
const IDENTITIES: Pick<Track, 'externalId' | 'name'>[] = [
  { externalId: '12' },
  { externalId: UUID },
  { externalId: TOKEN },
  { externalId: 'ped_07, "左"', name: 'Lead car 头车' },
  { name: 'Mine' },
  {},
  { externalId: '12' },
];

/** Seven tracks of one box each on frame 0, in front of the cameras, on a random scene. */
function identitySet(): LabelSet {
  const base = randomLabelSet(3);
  const box = base.cuboids[0]!;
  const tracks: Track[] = IDENTITIES.map((identity, i) => ({ type: 'track', id: `trk-${i}`, sceneId: base.scene.id, classId: i % 2 ? 'truck' : 'car', attributes: {}, rigid: true, ...identity })); // prettier-ignore
  const cuboids: Cuboid[] = tracks.map((t, i) => ({ ...box, id: `${t.id}@0`, trackId: t.id, frameIndex: 0, position: [box.position[0] + i * 3, box.position[1], box.position[2]], attributes: {}, keyframe: true, source: { kind: 'manual' } })); // prettier-ignore
  return { ...base, tracks, cuboids, segments: [] };
}

const identityOf = (tracks: readonly Track[]) =>
  Object.fromEntries(tracks.map((t) => [t.id, { externalId: t.externalId, name: t.name }]));

describe("the dataset's ids and the tracks' names through every writer and reader", () => {
  const set = identitySet();

  it('OpenLABEL: the dataset id is the object uid where OpenLABEL allows one, the name its name; read back exactly', () => {
    const text = writeOpenLabel(set, testLineage()).files[0]!.text;
    const objects = (JSON.parse(text) as { openlabel: { objects: Record<string, { name: string }> } }).openlabel.objects; // prettier-ignore
    // KITTI's 12 and the UUID are the uids; the token and text are no uid: they take free integers, as does a
    // second track with the dataset id 12.
    expect(Object.fromEntries(Object.entries(objects).map(([k, o]) => [k, o.name]))).toEqual({
      '12': '12',
      [UUID]: UUID,
      '0': TOKEN,
      '1': 'Lead car 头车',
      '2': 'Mine',
      '3': 'trk-5',
      '4': '12',
    });
    expect(identityOf(readOpenLabel(text, 'o.json').set.tracks)).toEqual(identityOf(set.tracks));
  });

  it("OpenLABEL from another tool: an object's uid is its dataset id and its name (unique in the file) its name", () => {
    const file = new URL('../../../../../shared/data/kitti-tracking-openlabel/openlabel100_kitti_tracking_0001.json', import.meta.url); // prettier-ignore
    const { tracks } = readOpenLabel(readFileSync(file, 'utf8'), 'k.json').set;
    expect(tracks.find((t) => t.externalId === '0')).toMatchObject({ id: 'Car0', name: 'Car0', classId: 'Car' });
    expect(tracks.find((t) => t.externalId === '95')).toMatchObject({ id: 'Car95', name: 'Car95' });
    // Written back, the KITTI ids are the uids again.
    const again = JSON.parse(writeOpenLabel(readOpenLabel(readFileSync(file, 'utf8'), 'k.json').set, testLineage()).files[0]!.text) as { openlabel: { objects: Record<string, { name: string }> } }; // prettier-ignore
    expect(again.openlabel.objects['95']!.name).toBe('Car95');
  });

  it('OpenLABEL that Frustum wrote before names existed: ids as before, no dataset id made up from its keys', () => {
    const text = writeOpenLabel({ ...set, tracks: set.tracks.map(({ name: _, externalId: __, ...t }) => t) }, testLineage()).files[0]!.text; // prettier-ignore
    const old = JSON.parse(text) as { openlabel: { metadata: { frustum: Record<string, unknown> }; objects: Record<string, { name: string }> } }; // prettier-ignore
    delete old.openlabel.metadata.frustum['tracks'];
    for (const o of Object.values(old.openlabel.objects)) expect(o.name).toMatch(/^trk-\d$/);
    const { tracks } = readOpenLabel(JSON.stringify(old), 'old.json').set;
    expect(tracks.map((t) => t.id).sort()).toEqual(set.tracks.map((t) => t.id));
    expect(tracks.filter((t) => t.externalId !== undefined || t.name !== undefined)).toEqual([]);
  });

  it("nuScenes-style: a token dataset id is the instance token; another tool's instance token is the dataset id", () => {
    const text = writeNuscenesStyle(set, testLineage()).files[0]!.text;
    const json = JSON.parse(text) as { instance: { token: string; track_id: string; external_id?: string }[] };
    const tokenOf = (id: string) => json.instance.find((i) => i.track_id === id)!.token;
    expect(tokenOf('trk-2')).toBe(TOKEN);
    expect(tokenOf('trk-1')).toBe(UUID.replace(/-/g, ''));
    expect(new Set(json.instance.map((i) => i.token)).size).toBe(set.tracks.length);
    expect(identityOf(readNuscenesStyle(text, 'n.json').set.tracks)).toEqual(identityOf(set.tracks));
    // Another tool's file: no Frustum fields, the instance token names the object.
    for (const i of json.instance as Record<string, unknown>[]) for (const k of ['track_id', 'class_id', 'attributes', 'external_id', 'name']) delete i[k]; // prettier-ignore
    const foreign = readNuscenesStyle(JSON.stringify(json), 'n.json').set.tracks;
    expect(foreign.find((t) => t.id === TOKEN)).toMatchObject({ externalId: TOKEN });
    expect(foreign.every((t) => t.externalId === t.id && t.name === undefined)).toBe(true);
  });

  it('CSV: track_name and external_id columns; a CSV written before them still reads, with neither', () => {
    const text = writeCsv(set, testLineage()).files[0]!.text;
    expect(text.split('\r\n')[0]).toContain(',score,track_name,external_id');
    expect(text).toContain(',Lead car 头车,"ped_07, ""左"""');
    expect(identityOf(readCsv(text, 'l.csv').set.tracks)).toEqual(identityOf(set.tracks));
    // The same labels as an older Frustum wrote them: no identity columns at all.
    const bare = writeCsv({ ...set, tracks: set.tracks.map(({ name: _, externalId: __, ...t }) => t) }, testLineage()).files[0]!.text; // prettier-ignore
    const old = bare.replace(',track_name,external_id', '').replace(/,,\r\n/g, '\r\n');
    expect(old).not.toContain('track_name');
    const read = readCsv(old, 'old.csv').set.tracks;
    expect(read.map((t) => t.id)).toEqual(set.tracks.map((t) => t.id));
    expect(read.filter((t) => t.name !== undefined || t.externalId !== undefined)).toEqual([]);
  });

  it('KITTI tracking: an integer dataset id is the track_id as it was, others are numbered; the sidecar gives back the rest', () => {
    const { files } = writeKitti(set, testLineage(), { mode: 'tracking' });
    const rows = readKittiLabels(files[0]!.text, files[0]!.path, 'tracking');
    // Boxes are written in the set's order on the one frame: trk-0 keeps 12, the rest take 0, 1, 2, … (trk-6
    // too: 12 is taken).
    expect(rows.map((r) => r.trackId)).toEqual([12, 0, 1, 2, 3, 4, 5]);
    const sidecar = JSON.parse(files.find((f) => f.path === KITTI_SIDECAR)!.text) as { trackIds: Record<string, string>; tracks: Record<string, unknown> }; // prettier-ignore
    expect(sidecar.trackIds).toMatchObject({ '12': 'trk-0', '0': 'trk-1' });
    expect(sidecar.tracks['2']).toEqual({ id: 'trk-3', externalId: 'ped_07, "左"', name: 'Lead car 头车' });
    const back = readKittiLabelSet(files, set.scene, { mode: 'tracking', sidecar });
    expect(identityOf(back.tracks)).toEqual(identityOf(set.tracks));
    expect(back.cuboids.map((c) => c.trackId).sort()).toEqual(set.tracks.map((t) => t.id));
    // Without the sidecar, each track_id is the dataset id of its track.
    const bare = readKittiLabelSet(files, set.scene, { mode: 'tracking' });
    expect(bare.tracks.map((t) => t.externalId).sort()).toEqual(['0', '1', '12', '2', '3', '4', '5']);
    // A sidecar written before `tracks` (ids only) gives the ids back; its numbers were Frustum's, not the dataset's.
    const older = readKittiLabelSet(files, set.scene, { mode: 'tracking', sidecar: { trackIds: sidecar.trackIds } });
    expect(older.tracks.map((t) => [t.id, t.externalId]).sort()).toEqual(set.tracks.map((t) => [t.id, undefined]));
  });

  it('keeps every dataset id through OpenLABEL → KITTI tracking → CSV → nuScenes-style', () => {
    const ol = readOpenLabel(writeOpenLabel(set, testLineage()).files[0]!.text, 'a.json').set;
    const kitti = writeKitti(ol, testLineage(), { mode: 'tracking' }).files;
    const sidecar = JSON.parse(kitti.find((f) => f.path === KITTI_SIDECAR)!.text) as unknown;
    const fromKitti = readKittiLabelSet(kitti, ol.scene, { mode: 'tracking', sidecar });
    const csv = readCsv(writeCsv({ ...ol, ...fromKitti }, testLineage()).files[0]!.text, 'b.csv').set;
    const nu = readNuscenesStyle(writeNuscenesStyle(csv, testLineage()).files[0]!.text, 'c.json').set;
    expect(identityOf(nu.tracks)).toEqual(identityOf(set.tracks));
  });
});
