import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../src/cli/inspect';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const read = (path: string) => new Uint8Array(readFileSync(DATA + path));

/**
 * Bounds and count of the valid points of float32 records, by a plain loop: `stride` floats a point from
 * float `first`, x y z first. Valid: finite and not at the origin.
 */
function measure(floats: Float32Array, count: number, stride: number, first = 0) {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  let valid = 0;
  for (let i = 0; i < count; i++) {
    const p = [0, 1, 2].map((k) => floats[first + i * stride + k]!);
    if (!p.every(Number.isFinite) || p.every((v) => v === 0)) continue;
    valid++;
    p.forEach((v, k) => {
      min[k] = Math.min(min[k]!, v);
      max[k] = Math.max(max[k]!, v);
    });
  }
  return { valid, bounds: { min, max } };
}

/** The floats of a PCD's binary data section, starting at its DATA line (found here, not by the reader). */
function pcdFloats(bytes: Uint8Array): Float32Array {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const start = head.indexOf('\n', head.indexOf('\nDATA ') + 1) + 1;
  const data = bytes.slice(start);
  return new Float32Array(data.buffer, 0, Math.floor(data.length / 4));
}

describe('inspectFile', () => {
  it('reports a KITTI .bin: format, points, fields and bounds', async () => {
    const bytes = read('kitti-object/training/velodyne/000001.bin');
    const floats = new Float32Array(bytes.slice().buffer);
    const { valid, bounds } = measure(floats, bytes.length / 16, 4);
    expect(await inspectFile(bytes, '000001.bin')).toEqual({
      format: 'kitti-bin',
      points: valid,
      fields: ['x', 'y', 'z', 'intensity'].map((name) => ({ name, type: 'float32' })),
      bounds,
    });
    expect(valid).toBe(120268);
  });

  it('reports a nuScenes .pcd.bin', async () => {
    const folder = 'nuscenes-sample/samples/LIDAR_TOP/';
    const name = readdirSync(DATA + folder)[0]!;
    const bytes = read(folder + name);
    const { valid, bounds } = measure(new Float32Array(bytes.slice().buffer), bytes.length / 20, 5);
    const report = await inspectFile(bytes, name);
    expect(report.format).toBe('nuscenes-bin');
    expect(report.points).toBe(34688);
    expect(report.points).toBe(valid);
    expect(report.bounds).toEqual(bounds);
    expect(report.fields.map((f) => f.name)).toEqual(['x', 'y', 'z', 'intensity', 'ring']);
  });

  it('reports a SUSTechPOINTS binary PCD with its padding fields and stored types', async () => {
    const bytes = read('sustechpoints/lidar/000965.pcd');
    const { valid, bounds } = measure(pcdFloats(bytes), 66781, 12); // 48-byte records
    const report = await inspectFile(bytes, '000965.pcd');
    expect(report.format).toBe('pcd-binary');
    expect(report.points).toBe(valid);
    expect(report.bounds).toEqual(bounds);
    expect(report.fields).toEqual([
      { name: 'x', type: 'float32' },
      { name: 'y', type: 'float32' },
      { name: 'z', type: 'float32' },
      { name: '_', type: 'uint8' },
      { name: 'intensity', type: 'float32' },
      { name: '_', type: 'uint8' },
      { name: 'timestamp', type: 'float64' },
      { name: '_', type: 'uint8' },
      { name: 'ring', type: 'uint16' },
      { name: '_', type: 'uint8' },
    ]);
  });

  it('reports compressed and ascii PCDs with the bounds of the binary original', async () => {
    const original = read('pcd/pcl-generated/kitti000008_reduced_binary.pcd');
    const { bounds } = measure(pcdFloats(original), 17238, 4);
    for (const encoding of ['binary_compressed', 'ascii']) {
      const name = `kitti000008_reduced_${encoding}.pcd`;
      const report = await inspectFile(read(`pcd/pcl-generated/${name}`), name);
      expect(report.format).toBe(`pcd-${encoding}`);
      expect(report.points).toBe(17238);
      expect(report.bounds).toEqual(bounds);
    }
  });

  it('reports a PLY and the organized edge case without its invalid returns', async () => {
    const ply = 'ply\nformat binary_big_endian 1.0\nelement vertex 1\nproperty double x\nproperty double y\n' +
      'property double z\nproperty uchar red\nend_header\n'; // prettier-ignore
    const bytes = new Uint8Array(new TextEncoder().encode(ply).length + 25);
    bytes.set(new TextEncoder().encode(ply));
    const view = new DataView(bytes.buffer, bytes.length - 25);
    [1, -2, 3].forEach((v, k) => view.setFloat64(k * 8, v));
    expect(await inspectFile(bytes, 'one.ply')).toMatchObject({
      format: 'ply-binary_big_endian',
      points: 1,
      fields: [{ name: 'x', type: 'float64' }, { name: 'y', type: 'float64' }, { name: 'z', type: 'float64' }, { name: 'red', type: 'uint8' }], // prettier-ignore
      bounds: { min: [1, -2, 3], max: [1, -2, 3] },
    });
    const organized = read('pcd/edge-cases/binary.pcd');
    const { valid, bounds } = measure(pcdFloats(organized), 1809 * 16, 4);
    expect(await inspectFile(organized, 'binary.pcd')).toMatchObject({ points: valid, bounds });
  });
});
