import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { digestRecords, listVersions, saveVersion, versionForExport } from '../../../src/storage/version-repository';
import { listExports, recordExport } from '../../../src/storage/export-repository';
import type { Cuboid, LabelRecord, Track } from '../../../src/core/model/labels';
import { pastDatabase } from './past-database';

let db: FrustumDb | undefined;
let n = 0;
afterEach(() => db?.close());

const track: Track = { type: 'track', id: 't1', sceneId: 's1', classId: 'car', attributes: {}, rigid: true };
const box = (x: number, prelabel = false): Cuboid => ({
  type: 'cuboid',
  id: `c${x}`,
  sceneId: 's1',
  trackId: 't1',
  frameIndex: x,
  position: [x, 0, 0.8],
  size: [4, 2, 1.5],
  yaw: 0,
  pitch: 0,
  roll: 0,
  attributes: {},
  keyframe: true,
  source: prelabel ? { kind: 'prelabel', model: 'centerpoint', version: '2.0', score: 0.9 } : { kind: 'manual' },
});

describe('label versions', () => {
  it('upgrades a v4 database to v5 with its scenes and journal kept and no versions or exports yet', async () => {
    const name = `versions-migrate-${++n}`;
    const v4 = pastDatabase(name, 4);
    await v4.table('scenes').put({ id: 's1', name: 'Drive', ontologyId: 'general-driving' });
    await v4.table('journal').add({ sceneId: 's1', time: 1, author: 'a', name: 'createCuboid', patch: { added: [], updated: [], removed: [] } }); // prettier-ignore
    v4.close();
    db = openDb(name);
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect((await db.scenes.get('s1'))?.name).toBe('Drive');
    expect(await db.journal.count()).toBe(1);
    expect(await listVersions(db, 's1')).toEqual([]);
    expect(await listExports(db, 's1')).toEqual([]);
  });

  it('chains versions through their parents, each a copy of the records with its pre-label models', async () => {
    db = openDb(`versions-${++n}`);
    const records: LabelRecord[] = [track, box(0), box(1, true)];
    const first = await saveVersion(db, { sceneId: 's1', records, author: 'ann', message: 'first pass' });
    records.push(box(2));
    const second = await saveVersion(db, { sceneId: 's1', records, author: 'ann', message: 'frame 3 too' });
    await saveVersion(db, { sceneId: 'other', records: [], author: 'bob', message: 'elsewhere' });
    const listed = await listVersions(db, 's1');
    expect(listed.map((v) => [v.message, v.parentId])).toEqual([
      ['first pass', undefined],
      ['frame 3 too', first.id],
    ]);
    expect(listed[0]!.records).toHaveLength(3);
    expect(listed[1]).toEqual(second);
    expect(second.prelabelModels).toEqual([{ name: 'centerpoint', version: '2.0' }]);
    expect(second.time).toBeGreaterThan(first.time);
  });

  it('an export names the latest version while the labels are unchanged (in any order), else a new one', async () => {
    db = openDb(`versions-export-${++n}`);
    const saved = await saveVersion(db, { sceneId: 's1', records: [track, box(0)], author: 'ann', message: 'done' });
    // The same records with their fields and order shuffled, as a reload from the journal could give them.
    const { id, type, ...rest } = box(0);
    const same = await versionForExport(db, { sceneId: 's1', records: [{ ...rest, type, id } as Cuboid, track], author: 'x', message: 'Export' }); // prettier-ignore
    expect(same).toEqual({ version: saved, created: false });
    const changed = await versionForExport(db, { sceneId: 's1', records: [track, box(0), box(1)], author: 'x', message: 'Export openlabel' }); // prettier-ignore
    expect(changed.created).toBe(true);
    expect(changed.version.parentId).toBe(saved.id);
    expect(changed.version.message).toBe('Export openlabel');
    expect(await digestRecords([box(1), track, box(0)])).toBe(changed.version.digest);
    expect(changed.version.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps each export with its lineage, listed oldest first per scene', async () => {
    db = openDb(`exports-${++n}`);
    const lineage = { frustumVersion: '0.1.0', author: 'ann', time: '2026-01-01T00:00:00.000Z', inputs: [], ontology: { id: 'kitti', version: 1 }, prelabelModels: [] }; // prettier-ignore
    await recordExport(db, { id: 'e2', sceneId: 's1', format: 'csv', fileName: 'b.csv', time: 20, lineage, problems: [] }); // prettier-ignore
    await recordExport(db, { id: 'e1', sceneId: 's1', format: 'openlabel', fileName: 'a.json', time: 10, lineage, problems: [] }); // prettier-ignore
    await recordExport(db, { id: 'e3', sceneId: 's2', format: 'csv', fileName: 'c.csv', time: 5, lineage, problems: [] }); // prettier-ignore
    expect((await listExports(db, 's1')).map((e) => e.fileName)).toEqual(['a.json', 'b.csv']);
  });
});
