import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { readKittiBin } from '../../../../src/formats/pointcloud/read-kitti-bin';
import { readNuscenesBin } from '../../../../src/formats/pointcloud/read-nuscenes-bin';
import { readPointCloudFile } from '../../../../src/formats/pointcloud/read-point-cloud-file';
import { packedAttribute, packedPositions } from './packed';
import { listSharedFiles, readSharedFile } from './shared-data';

const KITTI = 'kitti-object/training/velodyne';
const NUSCENES = 'nuscenes-sample/samples/LIDAR_TOP';
const nuscenesName = listSharedFiles(NUSCENES)[0]!;

/** The file's floats through a plain Float32Array view: the reference the readers must reproduce. */
const floatsOf = (bytes: Uint8Array) => new Float32Array(bytes.slice().buffer);
/** [min, max] of a typed array, by a loop (spreading 120k values into Math.min overflows the stack). */
function rangeOf(values: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return [lo, hi];
}

describe('readKittiBin', () => {
  for (const name of listSharedFiles(KITTI)) {
    it(`reads ${name}: bytes / 16 points, x y z and intensity 0–1 exactly as stored`, () => {
      const bytes = readSharedFile(`${KITTI}/${name}`);
      const cloud = readKittiBin(bytes, name);
      const floats = floatsOf(bytes);
      expect(cloud.count).toBe(bytes.length / 16);
      expect(cloud.format).toBe('kitti-bin');
      const positions = packedPositions(cloud);
      const intensity = packedAttribute(cloud, 'intensity')!;
      for (let i = 0; i < cloud.count; i += 997) {
        expect(positions.subarray(i * 3, i * 3 + 3)).toEqual(floats.subarray(i * 4, i * 4 + 3));
        expect(intensity[i]).toBe(floats[i * 4 + 3]);
      }
      const [lo, hi] = rangeOf(intensity);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(1);
      expect(hi).toBeGreaterThan(0.5);
    });
  }

  it('reads from an unaligned view of the bytes', () => {
    const bytes = readSharedFile(`${KITTI}/000000.bin`);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const cloud = readKittiBin(shifted.subarray(1), 'shifted.bin');
    expect(packedPositions(cloud)).toEqual(packedPositions(readKittiBin(bytes)));
  });
});

describe('readNuscenesBin', () => {
  it('reads 34,688 points of x y z intensity (0–255) ring (0–31)', () => {
    const bytes = readSharedFile(`${NUSCENES}/${nuscenesName}`);
    const cloud = readNuscenesBin(bytes, nuscenesName);
    const floats = floatsOf(bytes);
    expect(cloud.count).toBe(34688);
    expect(cloud.format).toBe('nuscenes-bin');
    const positions = packedPositions(cloud);
    const [intensity, ring] = [packedAttribute(cloud, 'intensity')!, packedAttribute(cloud, 'ring')!];
    for (const i of [0, 1, 20000, 34687]) {
      expect(positions[i * 3 + 1]).toBe(floats[i * 5 + 1]);
      expect(intensity[i]).toBe(floats[i * 5 + 3]);
      expect(ring[i]).toBe(floats[i * 5 + 4]);
    }
    expect(rangeOf(ring)).toEqual([0, 31]);
    expect(ring.every(Number.isInteger)).toBe(true);
    expect(rangeOf(intensity)).toEqual([0, 255]);
  });
});

describe('readPointCloudFile chooses the reader by name and size', () => {
  const points = (n: number, stride: number) => new Uint8Array(new Float32Array(n * stride).fill(1).buffer);

  it('reads .pcd.bin as nuScenes and a KITTI .bin as KITTI', () => {
    expect(readPointCloudFile(readSharedFile(`${NUSCENES}/${nuscenesName}`), nuscenesName).format).toBe('nuscenes-bin');
    expect(readPointCloudFile(readSharedFile(`${KITTI}/000000.bin`), '000000.bin').format).toBe('kitti-bin');
  });

  it('picks nuScenes for a .bin divisible by 20 but not 16, KITTI when divisible by 16', () => {
    expect(readPointCloudFile(points(3, 5), 'sweep.bin').format).toBe('nuscenes-bin'); // 60 bytes
    expect(readPointCloudFile(points(3, 4), 'sweep.bin').format).toBe('kitti-bin'); // 48 bytes
    expect(readPointCloudFile(points(4, 5), 'sweep.BIN').format).toBe('kitti-bin'); // 80 bytes: both fit
  });

  it('lets `layout` override the name and the size', () => {
    const sweep = points(4, 5);
    expect(readPointCloudFile(sweep, 'sweep.bin', { layout: 'nuscenes' }).count).toBe(4);
    expect(readPointCloudFile(sweep, 'sweep.pcd.bin', { layout: 'kitti' }).count).toBe(5);
  });

  it('rejects sizes that fit neither layout, and unknown extensions', () => {
    expect(() => readPointCloudFile(new Uint8Array(50), 'odd.bin')).toThrow(FormatError);
    expect(() => readPointCloudFile(new Uint8Array(50), 'odd.bin')).toThrow(/odd\.bin: 50 bytes fits neither/);
    expect(() => readPointCloudFile(new Uint8Array(50), 'odd.pcd.bin')).toThrow(/odd\.pcd\.bin: 50 bytes is not/);
    expect(() => readPointCloudFile(new Uint8Array(16), 'cloud.e57')).toThrow(
      /cloud\.e57: unknown point-cloud file type/,
    );
  });

  it('dispatches .pcd and .ply by name', () => {
    const pcd = readSharedFile('pcd/edge-cases/output_binary.pcd');
    expect(readPointCloudFile(pcd, 'x.PCD').format).toBe('pcd-binary');
    const ply = new TextEncoder().encode('ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\n' +
      'property float y\nproperty float z\nend_header\n1 2 3\n'); // prettier-ignore
    expect(readPointCloudFile(ply, 'x.ply').format).toBe('ply-ascii');
  });
});
