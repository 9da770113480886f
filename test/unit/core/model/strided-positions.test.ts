import { describe, expect, it } from 'vitest';
import { buildGridIndex } from '../../../../src/core/fit/grid-index';
import { estimateGround } from '../../../../src/core/fit/estimate-ground';
import { buildSweepIndex } from '../../../../src/core/fit/sweep-index';
import { estimateGroundZ } from '../../../../src/core/geometry/ground';
import { projectCloud } from '../../../../src/core/geometry/project-cloud';
import { fromPose } from '../../../../src/core/math/mat4';
import {
  measureBounds,
  pointCloudBuffers,
  pointCloudBytes,
  positionStride,
  withRecords,
  type PointCloud,
} from '../../../../src/core/model/point-cloud';
import type { CameraSensor } from '../../../../src/core/model/scene';
import { carryBoxPoints, type BoxFrame } from '../../../../src/core/tracks/accumulate-track';
import { readNuscenesBin } from '../../../../src/formats/pointcloud/read-nuscenes-bin';
import { readKittiBin } from '../../../../src/formats/pointcloud/read-kitti-bin';
import { packedAttributes, packedPositions } from '../../formats/pointcloud/packed';
import { listSharedFiles, readSharedFile } from '../../formats/pointcloud/shared-data';

/** Equal field by field, typed arrays byte by byte (a deep equality over 360k floats takes seconds). */
function expectSame(actual: unknown, expected: unknown): void {
  if (ArrayBuffer.isView(expected)) {
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(ArrayBuffer.isView(actual) && bytes(actual).equals(bytes(expected))).toBe(true);
  } else if (expected && typeof expected === 'object') {
    expect(Object.keys(actual as object)).toEqual(Object.keys(expected));
    for (const [k, v] of Object.entries(expected)) expectSame((actual as Record<string, unknown>)[k], v);
  } else expect(actual).toEqual(expected);
}

/** A real sweep as the readers give it (interleaved records), and the same values packed. */
function bothForms(cloud: PointCloud): [PointCloud, PointCloud] {
  const packed = { count: cloud.count, positions: packedPositions(cloud), attributes: packedAttributes(cloud) };
  return [cloud, { ...packed, bounds: cloud.bounds }];
}

const kitti = readKittiBin(readSharedFile('kitti-object/training/velodyne/000000.bin'), '000000.bin');
const nuscenesName = listSharedFiles('nuscenes-sample/samples/LIDAR_TOP')[0]!;
const nuscenes = readNuscenesBin(readSharedFile(`nuscenes-sample/samples/LIDAR_TOP/${nuscenesName}`), nuscenesName);
// A sensor 1.73 m up, turned a little, so that every reader applies a transform that is not the identity.
const egoFromLidar = fromPose([0.3, -0.1, 1.73], 0.2);
const camera: CameraSensor = {
  id: 'front',
  name: 'front',
  cameraFromEgo: [0, -1, 0, 0, 0, 0, -1, 1.6, 1, 0, 0, -0.3, 0, 0, 0, 1],
  width: 1242,
  height: 375,
  distortion: { model: 'none' },
  intrinsics: { fx: 721.5, fy: 721.5, cx: 609.6, cy: 172.9, skew: 0 },
};

describe('everything that reads positions reads interleaved records at their stride', () => {
  for (const [name, sweep, stride] of [
    ['KITTI', kitti, 4],
    ['nuScenes', nuscenes, 5],
  ] as const) {
    const [records, packed] = bothForms(sweep);

    it(`${name}: the reader gives records of ${stride} values, and packing them changes no answer`, () => {
      expect(positionStride(records)).toBe(stride);
      expect(positionStride(packed)).toBe(3);
      expectSame(buildGridIndex(records, egoFromLidar), buildGridIndex(packed, egoFromLidar));
      expectSame(estimateGround(records, egoFromLidar), estimateGround(packed, egoFromLidar));
      expectSame(buildSweepIndex(records, egoFromLidar), buildSweepIndex(packed, egoFromLidar));
      const groundZ = estimateGroundZ(records, egoFromLidar, 8, 1);
      expect(groundZ).toBeDefined();
      expect(groundZ).toBe(estimateGroundZ(packed, egoFromLidar, 8, 1));
      const box: BoxFrame = { position: [10, 2, 0.5], size: [8, 6, 3], yaw: 0.4, pitch: 0, roll: 0 };
      const reference: BoxFrame = { position: [0, 0, 0], size: [8, 6, 3], yaw: 0, pitch: 0, roll: 0 };
      const carried = carryBoxPoints(records, egoFromLidar, box, reference, 1);
      expect(carried.length).toBeGreaterThan(30);
      expectSame(carried, carryBoxPoints(packed, egoFromLidar, box, reference, 1));
      const out = (n: number) => new Float32Array(n * 3);
      const [a, b] = [out(sweep.count), out(sweep.count)];
      const n = projectCloud(camera, egoFromLidar, records.positions, records.count, a, 0.5, stride);
      expect(n).toBeGreaterThan(1000);
      expect(projectCloud(camera, egoFromLidar, packed.positions, packed.count, b)).toBe(n);
      expectSame(a, b);
    });
  }

  it('measures the bounds a sweep read as its records does not carry, through its stride', () => {
    expect(kitti.bounds).toBeUndefined();
    const [, packed] = bothForms(kitti);
    const p = packed.positions;
    const axis = (k: number) => p.filter((_, i) => i % 3 === k);
    const expected = [0, 1, 2].map((k) => axis(k).reduce((a, b) => [Math.min(a[0]!, b), Math.max(a[1]!, b)], [Infinity, -Infinity])); // prettier-ignore
    expect(measureBounds(kitti)).toEqual({ min: expected.map((e) => e[0]), max: expected.map((e) => e[1]) });
    const given = { min: [1, 2, 3], max: [4, 5, 6] } as const;
    expect(measureBounds({ ...packed, bounds: { min: [...given.min], max: [...given.max] } })).toEqual(given);
  });

  it('a copy of the records carries the views at their offsets; one buffer is transferred and counted', () => {
    const copy = withRecords(nuscenes, nuscenes.interleaved!.records.slice());
    expect(copy.positions.buffer).not.toBe(nuscenes.positions.buffer);
    expect(copy.attributes['ring']!.buffer).toBe(copy.positions.buffer);
    expectSame(packedPositions(copy), packedPositions(nuscenes));
    expectSame(packedAttributes(copy), packedAttributes(nuscenes));
    expect(pointCloudBuffers(copy)).toEqual([copy.interleaved!.records.buffer]);
    expect(pointCloudBytes(copy)).toBe(nuscenes.count * 20);
    const [, packed] = bothForms(nuscenes);
    expect(withRecords(packed, new Float32Array(4))).toBe(packed);
    expect(pointCloudBuffers(packed)).toHaveLength(3);
    expect(pointCloudBytes(packed)).toBe(nuscenes.count * 20);
  });
});
