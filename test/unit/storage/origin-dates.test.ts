import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { pastDatabase } from './past-database';

let db: FrustumDb | undefined;
afterEach(() => db?.close());

const patch = { added: [], updated: [], removed: [] };

describe('storage v6: when each scene came in', () => {
  it('upgrades a v5 database, dating a scene by the import of its labels and leaving the rest undated', async () => {
    const name = 'origin-dates-v5';
    const v5 = pastDatabase(name, 5);
    await v5.table('scenes').bulkPut([
      { id: 'demo-7', name: 'Demo drive', source: { kind: 'demo', seed: 7 } },
      { id: 'kitti-object-a', name: 'training', source: { kind: 'files', root: 'training' } },
      { id: 'kitti-object-b', name: 'unlabelled', source: { kind: 'files', root: 'unlabelled' } },
    ]);
    await v5.table('origins').bulkPut([
      { sceneId: 'demo-7', kind: 'demo', seed: 7 },
      { sceneId: 'kitti-object-a', kind: 'opfs', name: 'training', paths: ['velodyne/000000.bin'] },
      { sceneId: 'kitti-object-b', kind: 'url', manifestUrl: 'https://example.org/m.json', paths: [] },
    ]);
    await v5.table('journal').bulkAdd([
      { sceneId: 'kitti-object-a', time: 1_700_000_000_000, author: 'import', name: 'importLabels', patch },
      { sceneId: 'kitti-object-a', time: 1_700_000_900_000, author: 'ann', name: 'moveCuboid', patch },
      // Labelled by hand only: its first entry says nothing of when its files came in.
      { sceneId: 'kitti-object-b', time: 1_700_000_500_000, author: 'ann', name: 'createCuboid', patch },
    ]);
    v5.close();

    db = openDb(name);
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.origins.get('kitti-object-a')).toEqual({
      sceneId: 'kitti-object-a',
      kind: 'opfs',
      name: 'training',
      paths: ['velodyne/000000.bin'],
      importedAt: 1_700_000_000_000,
    });
    expect((await db.origins.get('kitti-object-b'))?.importedAt).toBeUndefined();
    expect((await db.origins.get('demo-7'))?.importedAt).toBeUndefined();
    expect(await db.scenes.count()).toBe(3);
    expect(await db.journal.count()).toBe(3);
  });
});
