import { beforeEach, describe, expect, it } from 'vitest';
import { pointCloudBuffers } from '../../../../src/core/model/point-cloud';
import type { DecodedPointCloud } from '../../../../src/formats/pointcloud/decoded-point-cloud';
import { clearFloat32Pool, poolStats, recycleFloat32Buffers } from '../../../../src/formats/pointcloud/float32-pool';
import { readPointCloudFileAsync } from '../../../../src/formats/pointcloud/read-point-cloud-file-async';
import { makeLas, makeLasPoints } from './make-las';
import { makePcd } from './make-pcd';
import { packedAttributes, packedPositions, viewsFit } from './packed';
import { listSharedFiles, readSharedFile } from './shared-data';

const KITTI = 'kitti-object/training/velodyne';

/** Every output array of a cloud, by name, copied out of whatever buffer it views (packed). */
function valuesOf(cloud: DecodedPointCloud): Record<string, Float32Array> {
  return { positions: packedPositions(cloud), ...packedAttributes(cloud) };
}

/** Byte for byte (NaNs included), and fast: a deep equality over 360k floats takes a second. */
function expectSameValues(actual: Record<string, Float32Array>, expected: Record<string, Float32Array>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [name, values] of Object.entries(expected)) {
    const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(actual[name]!).equals(bytes(values)), name).toBe(true);
  }
}

/** Hands a cloud's buffers to the pool as the app does, after scribbling on them as an old frame would have. */
function recycle(cloud: DecodedPointCloud): ArrayBuffer[] {
  const buffers = pointCloudBuffers(cloud);
  for (const buffer of buffers) new Float32Array(buffer).fill(-7);
  recycleFloat32Buffers(buffers);
  return buffers;
}

/** A PCD with organized-cloud holes (NaN and 0 0 0 points) and packed colour: the compaction paths. */
const HOLES_PCD = makePcd(
  [
    'VERSION .7',
    'FIELDS x y z rgb intensity',
    'SIZE 4 4 4 4 4',
    'TYPE F F F U F',
    'COUNT 1 1 1 1 1',
    'WIDTH 5',
    'HEIGHT 1',
    'VIEWPOINT 0 0 0 1 0 0 0',
    'POINTS 5',
  ],
  'ascii',
  '1 2 3 16711680 0.5\nnan nan nan 255 0.1\n4 5 6 65280 0.25\n0 0 0 0 0\n7 8 9 255 1\n',
);

const FILES: [string, () => Uint8Array][] = [
  ...listSharedFiles('pcd/pcl-generated').map((n): [string, () => Uint8Array] => [
    n,
    () => readSharedFile(`pcd/pcl-generated/${n}`),
  ]),
  // test_v06_mixed_types.pcd has no x y z: refused.
  ...listSharedFiles('pcd/edge-cases')
    .filter((n) => n !== 'test_v06_mixed_types.pcd')
    .map((n): [string, () => Uint8Array] => [n, () => readSharedFile(`pcd/edge-cases/${n}`)]),
  ['000000.bin', () => readSharedFile(`${KITTI}/000000.bin`)],
  ['holes.pcd', () => HOLES_PCD],
  ['format3.las', () => makeLas(makeLasPoints(300, 3), { format: 3 })],
];

describe('readers decode into pooled buffers', () => {
  beforeEach(clearFloat32Pool);

  it('decodes a KITTI sweep into the records of a recycled, slightly larger one, with the same values', async () => {
    const fresh = valuesOf(await readPointCloudFileAsync(readSharedFile(`${KITTI}/000001.bin`), '000001.bin'));
    // 000002 has 126,891 points, 000001 120,268: the records of 000002 fit those of 000001.
    const donor = await readPointCloudFileAsync(readSharedFile(`${KITTI}/000002.bin`), '000002.bin');
    const recycled = recycle(donor);
    const cloud = await readPointCloudFileAsync(readSharedFile(`${KITTI}/000001.bin`), '000001.bin');
    expect(recycled).toEqual([cloud.interleaved!.records.buffer]);
    expect(cloud.attributes.intensity!.buffer).toBe(cloud.positions.buffer);
    expect(viewsFit(cloud)).toBe(true);
    expectSameValues(valuesOf(cloud), fresh);
    expect(poolStats()).toMatchObject({ buffers: 0, reused: 1 });
  });

  it('does not decode into buffers too small or more than 1.1 times too large', async () => {
    // 000000 has 115,384 points: its records are too small for 000001's 120,268.
    const recycled = recycle(await readPointCloudFileAsync(readSharedFile(`${KITTI}/000000.bin`), '000000.bin'));
    const cloud = await readPointCloudFileAsync(readSharedFile(`${KITTI}/000001.bin`), '000001.bin');
    for (const buffer of pointCloudBuffers(cloud)) expect(recycled).not.toContain(buffer);
    expect(poolStats()).toMatchObject({ buffers: 1, reused: 0 });
    // And a buffer more than 1.1 times the records' bytes is not taken either: 000001 and 000002's records
    // together (two KITTI sweeps' bytes in one) for 000000's.
    clearFloat32Pool();
    recycleFloat32Buffers([new ArrayBuffer((120268 + 126891) * 16)]);
    const small = await readPointCloudFileAsync(readSharedFile(`${KITTI}/000000.bin`), '000000.bin');
    expect(small.positions.buffer.byteLength).toBe(115384 * 16);
    expect(poolStats()).toMatchObject({ buffers: 1, reused: 0 });
  });

  for (const [name, read] of FILES) {
    it(`${name}: the same values from recycled, scribbled-on buffers as from fresh ones`, async () => {
      const fresh = await readPointCloudFileAsync(read(), name);
      const expected = valuesOf(fresh);
      const recycled = recycle(fresh);
      const cloud = await readPointCloudFileAsync(read(), name);
      expectSameValues(valuesOf(cloud), expected);
      expect(viewsFit(cloud)).toBe(true);
      expect(recycled).toContain(cloud.positions.buffer);
      // A packed cloud's arrays have a buffer each; an interleaved one's share its records' buffer.
      const arrays = [cloud.positions, ...Object.values(cloud.attributes)];
      expect(pointCloudBuffers(cloud)).toHaveLength(cloud.interleaved ? 1 : arrays.length);
    });
  }
});
