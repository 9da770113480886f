import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type CachedPoints, type FrustumDb } from '../../../src/storage/db';
import { FrameCache } from '../../../src/storage/frame-cache';
import { measureBounds } from '../../../src/core/model/point-cloud';
import { readKittiBin } from '../../../src/formats/pointcloud/read-kitti-bin';
import { packedAttribute, packedPositions } from '../formats/pointcloud/packed';
import { readSharedFile } from '../formats/pointcloud/shared-data';
import { pastDatabase } from './past-database';

let db: FrustumDb | undefined;
afterEach(() => db?.close());

describe('storage v7: cached sweeps as records', () => {
  it('drops the frames a v6 database cached and keeps everything else', async () => {
    const name = 'frame-records-v6';
    // v6: the last version whose cached sweeps were always packed arrays.
    const v6 = pastDatabase(name, 6);
    const packed = {
      kind: 'points',
      count: 2,
      positions: new Float32Array([1, 2, 3, 4, 5, 6]),
      attributes: { intensity: new Float32Array([0.5, 1]) },
      bounds: { min: [1, 2, 3], max: [4, 5, 6] },
    };
    const key = 'kitti-a|velodyne|0';
    await v6.table('frames').put({ key, sceneId: 'kitti-a', bytes: 32, lastUsed: 1, payload: packed });
    await v6.table('frameUse').put({ key, bytes: 32, lastUsed: 1 });
    await v6.table('scenes').put({ id: 'kitti-a', name: 'training', source: { kind: 'files', root: 'training' } });
    const patch = { added: [], updated: [], removed: [] };
    await v6.table('journal').add({ sceneId: 'kitti-a', time: 1, author: 'ann', name: 'createCuboid', patch });
    v6.close();

    db = openDb(name);
    expect(await new FrameCache(db, 1 << 30).get('kitti-a', 'velodyne', 0)).toBeUndefined();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect([await db.frames.count(), await db.frameUse.count()]).toEqual([0, 0]);
    expect([await db.scenes.count(), await db.journal.count()]).toEqual([1, 1]);
  });

  it('stores a KITTI sweep as one array of records and reads it back as views of one buffer', async () => {
    db = openDb('frame-records-kitti');
    const cache = new FrameCache(db, 1 << 30);
    const bytes = readSharedFile('kitti-object/training/velodyne/000000.bin');
    const cloud = readKittiBin(bytes, '000000.bin');
    const payload: CachedPoints = { kind: 'points', ...cloud };
    expect(await cache.putMany('kitti-a', [{ sensorId: 'velodyne', index: 0, payload }])).toBe(true);
    expect((await db.frameUse.get('kitti-a|velodyne|0'))?.bytes).toBe(bytes.length);

    const read = (await cache.get('kitti-a', 'velodyne', 0)) as CachedPoints;
    expect(read.interleaved?.stride).toBe(4);
    expect(read.interleaved!.records.byteLength).toBe(bytes.length);
    // The structured clone keeps the views together: one buffer, the file's own bytes.
    expect(read.positions.buffer).toBe(read.interleaved!.records.buffer);
    expect(read.attributes['intensity']!.buffer).toBe(read.interleaved!.records.buffer);
    expect(Buffer.from(read.interleaved!.records.buffer).equals(bytes)).toBe(true);
    // …with the views where they were: x at the first value of a record, intensity at the fourth.
    expect(packedPositions(read).subarray(0, 6)).toEqual(packedPositions(cloud).subarray(0, 6));
    expect(packedAttribute(read, 'intensity')!.subarray(0, 2)).toEqual(
      packedAttribute(cloud, 'intensity')!.subarray(0, 2),
    );
    expect(read.attributes['intensity']!.byteOffset - read.positions.byteOffset).toBe(12);
    expect(measureBounds(read)).toEqual(measureBounds(cloud));
  });
});
