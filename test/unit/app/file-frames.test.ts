import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchFileFrame, releaseFileFrame } from '../../../src/app/file-frames';
import type { Scene } from '../../../src/core/model/scene';
import type { WorkerPool } from '../../../src/decode/worker-pool';
import type { SceneFiles } from '../../../src/formats/scene/scene-files';
import type { CachedFrame } from '../../../src/storage/db';
import type { FrameCache } from '../../../src/storage/frame-cache';
import type { LoadedFrame } from '../../../src/state/frame-provider';
import type { DecodeWorkerApi } from '../../../workers/decode.worker';
import type { DecodedPointCloud } from '../../../src/formats/pointcloud/decoded-point-cloud';

const SCENE = {
  id: 'scene',
  frames: [{ index: 0, timestampUs: 0, lidar: [{ sensorId: 'lidar', timestampUs: 0, uri: 'a.bin' }], cameras: [] }],
  cameras: [],
} as unknown as Scene;
const FILES = { name: 'test', list: () => ['a.bin'], read: () => Promise.resolve(new Uint8Array(16)) } as SceneFiles;

/** `values` in a pooled-looking array: a view of the start of a buffer with room for `spare` more floats. */
function pooled(values: number[], spare: number): Float32Array {
  const array = new Float32Array(new ArrayBuffer((values.length + spare) * 4), 0, values.length);
  array.set(values);
  return array;
}

/** A decode pool of one fake worker, recording what it is given back. */
function fakePool(cloud: DecodedPointCloud | undefined) {
  const recycled: ArrayBuffer[][] = [];
  const remote = {
    decode: () => Promise.resolve(cloud!),
    recycle: (buffers: ArrayBuffer[]) => {
      recycled.push(buffers);
      return Promise.resolve();
    },
  };
  const pool = { run: <T>(task: (r: typeof remote) => Promise<T>) => task(remote) };
  return { pool: pool as unknown as WorkerPool<DecodeWorkerApi>, recycled };
}

/** A frame cache in memory, recording what was stored. */
function fakeCache(stored?: CachedFrame['payload']) {
  const puts: CachedFrame['payload'][] = [];
  const cache = {
    get: () => Promise.resolve(stored),
    putMany: (_: string, items: { payload: CachedFrame['payload'] }[]) => {
      puts.push(...items.map((i) => i.payload));
      return Promise.resolve(true);
    },
  };
  return { cache: cache as unknown as FrameCache, puts };
}

afterEach(() => vi.restoreAllMocks());

describe('fetchFileFrame', () => {
  it('caches exact copies of pooled views, and keeps the pooled arrays in the frame', async () => {
    const positions = pooled([1, 2, 3, 4, 5, 6], 3);
    const intensity = new Float32Array([0.5, 0.25]);
    const decoded: DecodedPointCloud = {
      count: 2,
      positions,
      attributes: { intensity, ring: pooled([7, 8], 1) },
      bounds: { min: [1, 2, 3], max: [4, 5, 6] },
      format: 'kitti-bin',
      fields: [],
      invalidCount: 0,
    };
    const { pool } = fakePool(decoded);
    const { cache, puts } = fakeCache();
    const frame = await fetchFileFrame(SCENE, FILES, pool, cache, 0);
    expect(frame.cloud.positions).toBe(positions);
    expect(frame.cloud.attributes.ring).toBe(decoded.attributes.ring);
    const stored = puts[0]!;
    if (stored.kind !== 'points') throw new Error('points expected');
    // IndexedDB clones whole buffers: each stored array must own exactly its bytes.
    for (const array of [stored.positions, ...Object.values(stored.attributes)]) {
      expect(array.buffer.byteLength).toBe(array.byteLength);
    }
    expect([...stored.positions]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...stored.attributes.ring!]).toEqual([7, 8]);
    // Already exact: stored as it is, no copy.
    expect(stored.attributes.intensity).toBe(intensity);
  });
});

describe('fetchFileFrame with interleaved records', () => {
  it('caches one exact copy of pooled records, views moved onto it, and keeps the pooled records in the frame', async () => {
    // Two KITTI records x y z i in a pooled buffer with room for a third.
    const records = pooled([1, 2, 3, 0.5, 4, 5, 6, 0.25], 4);
    const decoded: DecodedPointCloud = {
      count: 2,
      positions: records.subarray(0),
      attributes: { intensity: records.subarray(3) },
      bounds: { min: [1, 2, 3], max: [4, 5, 6] },
      interleaved: { records, stride: 4 },
      format: 'kitti-bin',
      fields: [],
      invalidCount: 0,
    };
    const { pool } = fakePool(decoded);
    const { cache, puts } = fakeCache();
    const frame = await fetchFileFrame(SCENE, FILES, pool, cache, 0);
    expect(frame.cloud.interleaved?.records).toBe(records);
    expect(frame.cloud.positions).toBe(decoded.positions);
    const stored = puts[0]!;
    if (stored.kind !== 'points') throw new Error('points expected');
    const copy = stored.interleaved!.records;
    expect(copy.buffer.byteLength).toBe(32);
    expect([stored.positions.buffer, stored.attributes.intensity!.buffer]).toEqual([copy.buffer, copy.buffer]);
    expect([stored.positions[4], stored.attributes.intensity![4]]).toEqual([4, 0.25]);
    expect(stored.interleaved!.stride).toBe(4);
  });
});

describe('releaseFileFrame', () => {
  it("revokes the frame's image URLs and gives each distinct, live buffer back to a worker once", () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const positions = pooled([1, 2, 3], 0);
    const detached = new Float32Array(2);
    structuredClone(detached.buffer, { transfer: [detached.buffer] });
    const frame: LoadedFrame = {
      index: 3,
      cloud: {
        count: 1,
        positions,
        // Two views of one buffer, and an array already detached: neither may reach the transfer list twice.
        attributes: { a: positions.subarray(0, 1), b: new Float32Array([9]), gone: detached },
        bounds: { min: [1, 2, 3], max: [1, 2, 3] },
      },
      images: [{ cameraId: 'cam', url: 'blob:x', width: 1, height: 1 }],
    };
    const { pool, recycled } = fakePool(undefined);
    releaseFileFrame(frame, pool);
    expect(revoke).toHaveBeenCalledWith('blob:x');
    expect(recycled).toHaveLength(1);
    const [given] = recycled as [ArrayBuffer[]];
    expect(given).toHaveLength(2);
    expect(given[0]).toBe(positions.buffer);
    expect(given[1]).toBe(frame.cloud.attributes.b!.buffer);
  });
});
