import { describe, expect, it } from 'vitest';
import { measureBounds } from '../../../../src/core/model/point-cloud';
import { readKittiBin } from '../../../../src/formats/pointcloud/read-kitti-bin';
import { readPcd } from '../../../../src/formats/pointcloud/read-pcd';
import { makePcd } from './make-pcd';
import { packedAttribute, packedAttributes, packedPositions, viewsFit } from './packed';
import { findPcdDataOffset, readSharedFile } from './shared-data';
import { readPointCloudFile } from '../../../../src/formats/pointcloud/read-point-cloud-file';

/** A PCD header for `fields` (all SIZE 4 TYPE F COUNT 1 unless given) and `points` points. */
function header(fields: string[], points: number, types = fields.map(() => 'F')): string[] {
  const all = (v: string) => fields.map(() => v).join(' ');
  const sizes = types.map((t) => (t === 'U1' ? '1' : '4')).join(' ');
  const typeLetters = types.map((t) => t[0]).join(' ');
  return [
    'VERSION .7',
    `FIELDS ${fields.join(' ')}`,
    `SIZE ${sizes}`,
    `TYPE ${typeLetters}`,
    `COUNT ${all('1')}`,
    `WIDTH ${points}`,
    'HEIGHT 1',
    `POINTS ${points}`,
  ];
}

const floats = (values: number[]) => new Uint8Array(new Float32Array(values).buffer);

describe('sweeps read as their records', () => {
  it('a KITTI sweep is one copy of the file: positions and intensity view it at stride 4', () => {
    const bytes = readSharedFile('kitti-object/training/velodyne/000001.bin');
    const cloud = readKittiBin(bytes, '000001.bin');
    const records = cloud.interleaved!;
    expect(records.stride).toBe(4);
    const copied = Buffer.from(records.records.buffer, records.records.byteOffset, records.records.byteLength);
    expect(copied.equals(bytes)).toBe(true);
    // A copy, not the caller's bytes: they may be reused or transferred after the read.
    expect(records.records.buffer).not.toBe(bytes.buffer);
    expect(cloud.positions.buffer).toBe(records.records.buffer);
    expect(cloud.attributes['intensity']!.byteOffset - cloud.positions.byteOffset).toBe(12);
    expect(viewsFit(cloud)).toBe(true);
    expect(cloud.invalidCount).toBe(0);
  });

  it('bytes given up whole (`owned`, as the decode worker reads) are viewed where they are, not copied', () => {
    const bytes = readSharedFile('kitti-object/training/velodyne/000001.bin');
    const owned = readKittiBin(bytes, '000001.bin', { owned: true });
    expect(owned.interleaved!.records.buffer).toBe(bytes.buffer);
    expect(owned.interleaved!.records.byteOffset).toBe(bytes.byteOffset);
    expect(packedPositions(owned)).toEqual(packedPositions(readKittiBin(bytes, '000001.bin')));
    // Off a 4-byte boundary no float view can see them: copied as without `owned`.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const copied = readKittiBin(shifted.subarray(1), 'shifted.bin', { owned: true });
    expect(copied.interleaved!.records.buffer).not.toBe(shifted.buffer);
    // A PCD's records after its header, and the dispatcher's option, the same way.
    const pcd = readSharedFile('pcd/pcl-generated/kitti000008_reduced_binary.pcd');
    const aligned = new Uint8Array(pcd.length + 4);
    const at = (4 - (findPcdDataOffset(pcd) % 4)) % 4;
    aligned.set(pcd, at);
    const view = readPointCloudFile(aligned.subarray(at, at + pcd.length), 'a.pcd', { owned: true });
    expect(view.interleaved!.records.buffer).toBe(aligned.buffer);
    expect(packedPositions(view)).toEqual(packedPositions(readPcd(pcd, 'a.pcd')));
    // A sweep that must drop points is compacted into buffers of its own even then.
    const holes = readKittiBin(floats([1, 2, 3, 0.5, 0, 0, 0, 0, 4, 5, 6, 0.7]), 'holes.bin', { owned: true });
    expect([holes.interleaved, holes.count]).toEqual([undefined, 2]);
  });

  it('a sweep with a NaN or a no-return keeps the copying reader, which drops and counts them', () => {
    const cloud = readKittiBin(
      floats([1, 2, 3, 0.5, NaN, 0, 0, 0.1, 4, 5, 6, 0.7, 0, 0, 0, 0, -1, -2, -3, 0.2]),
      'x.bin',
    );
    expect(cloud.interleaved).toBeUndefined();
    expect([cloud.count, cloud.invalidCount]).toEqual([3, 2]);
    expect([...cloud.positions]).toEqual([1, 2, 3, 4, 5, 6, -1, -2, -3]);
    expect(cloud.attributes['intensity']).toEqual(new Float32Array([0.5, 0.7, 0.2]));
    expect(cloud.bounds).toEqual({ min: [-1, -2, -3], max: [4, 5, 6] });
    const infinite = readKittiBin(floats([1, 2, 3, 0.5, 1, Infinity, 1, 0.1]), 'inf.bin');
    expect([infinite.interleaved, infinite.count, infinite.invalidCount]).toEqual([undefined, 1, 1]);
  });

  it('binary PCD of plain float32 fields is read as its records, x anywhere as long as y and z follow it', () => {
    const bytes = makePcd(
      header(['intensity', 'x', 'y', 'z', 'ring', 'ring'], 2),
      'binary',
      floats([0.5, 1, 2, 3, 7, 8, 0.25, 4, 5, 6, 9, 10]),
    );
    const cloud = readPcd(bytes, 'a.pcd');
    expect(cloud.interleaved?.stride).toBe(6);
    expect(cloud.positions.byteOffset - cloud.interleaved!.records.byteOffset).toBe(4);
    expect([...packedPositions(cloud)]).toEqual([1, 2, 3, 4, 5, 6]);
    // Named as the copying reader names them: in field order, a repeated name with a suffix.
    expect(packedAttributes(cloud)).toEqual({
      intensity: new Float32Array([0.5, 0.25]),
      ring: new Float32Array([7, 9]),
      ring_2: new Float32Array([8, 10]),
    });
    // Not measured while reading (the drawing needs none); measured where needed, through the stride.
    expect(cloud.bounds).toBeUndefined();
    expect(measureBounds(cloud)).toEqual({ min: [1, 2, 3], max: [4, 5, 6] });
    expect(viewsFit(cloud)).toBe(true);
  });

  it('other layouts keep the copying reader, with the same values', () => {
    const cases: [string, Uint8Array][] = [
      // A uint8 field: not a float32 record.
      ['u8.pcd', makePcd(header(['x', 'y', 'z', 'i'], 1, ['F', 'F', 'F', 'U1']), 'binary', new Uint8Array([...floats([1, 2, 3]), 200]))], // prettier-ignore
      // Packed colour, unpacked into channels.
      ['rgb.pcd', makePcd(header(['x', 'y', 'z', 'rgb'], 1), 'binary', floats([1, 2, 3, 0]))],
      // z before y.
      ['xzy.pcd', makePcd(header(['x', 'z', 'y'], 1), 'binary', floats([1, 3, 2]))],
      // Text.
      ['ascii.pcd', makePcd(header(['x', 'y', 'z', 'intensity'], 1), 'ascii', '1 2 3 0.5\n')],
    ];
    for (const [name, bytes] of cases) {
      const cloud = readPcd(bytes, name);
      expect(cloud.interleaved, name).toBeUndefined();
      expect([...cloud.positions], name).toEqual([1, 2, 3]);
    }
    // SUSTechPOINTS: padding fields and a float64 timestamp.
    expect(readPcd(readSharedFile('sustechpoints/lidar/000965.pcd'), '000965.pcd').interleaved).toBeUndefined();
    // An organized cloud with no-returns: dropped by the copying reader.
    const organized = readPcd(readSharedFile('pcd/edge-cases/binary.pcd'), 'binary.pcd');
    expect(organized.interleaved).toBeUndefined();
    expect(organized.invalidCount).toBeGreaterThan(0);
  });

  it('a PCL-written binary PCD gives the values its ascii twin gives through the copying reader', () => {
    const read = (encoding: string) => {
      const name = `kitti000008_reduced_${encoding}.pcd`;
      return readPcd(readSharedFile(`pcd/pcl-generated/${name}`), name);
    };
    const [binary, ascii] = [read('binary'), read('ascii')];
    expect(binary.interleaved?.stride).toBe(4);
    expect(ascii.interleaved).toBeUndefined();
    expect(packedPositions(binary)).toEqual(ascii.positions);
    expect(packedAttribute(binary, 'intensity')).toEqual(ascii.attributes['intensity']);
    expect(measureBounds(binary)).toEqual(ascii.bounds);
  });
});
