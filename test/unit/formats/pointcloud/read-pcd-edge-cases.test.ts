import { describe, expect, it } from 'vitest';
import { measureBounds } from '../../../../src/core/model/point-cloud';
import { readPcd } from '../../../../src/formats/pointcloud/read-pcd';
import { packedAttribute, packedPositions } from './packed';
import { findPcdDataOffset, readSharedFile } from './shared-data';

const read = (name: string) => readPcd(readSharedFile(`pcd/edge-cases/${name}`), name);

describe('readPcd edge cases', () => {
  it('output_binary.pcd gives its 3 known points', () => {
    const cloud = read('output_binary.pcd');
    expect(cloud.count).toBe(3);
    expect([...packedPositions(cloud)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(packedAttribute(cloud, 'intensity')).toEqual(new Float32Array([0.5, 0.8, 1]));
    expect(measureBounds(cloud)).toEqual({ min: [1, 2, 3], max: [7, 8, 9] });
    expect(cloud.viewpoint).toEqual([0, 0, 0, 1, 0, 0, 0]);
    expect(cloud.version).toBe('.7');
  });

  it('binary.pcd (organized 1809×16) drops the 0,0,0 returns and unpacks rgb', () => {
    const bytes = readSharedFile('pcd/edge-cases/binary.pcd');
    const cloud = readPcd(bytes, 'binary.pcd');
    expect([cloud.width, cloud.height]).toEqual([1809, 16]);
    // An independent pass over the 16-byte records: which are valid, and the packed colour of each.
    const view = new DataView(bytes.buffer, bytes.byteOffset + findPcdDataOffset(bytes));
    const valid: number[] = [];
    for (let i = 0; i < 1809 * 16; i++) {
      const [x, y, z] = [0, 4, 8].map((o) => view.getFloat32(i * 16 + o, true));
      if (x !== 0 || y !== 0 || z !== 0) valid.push(i);
    }
    expect(cloud.count).toBe(valid.length);
    expect(cloud.invalidCount).toBe(1809 * 16 - valid.length);
    expect(cloud.invalidCount).toBeGreaterThan(0);
    expect(Object.keys(cloud.attributes)).toEqual(['r', 'g', 'b']);
    for (const k of [0, 1, 777, valid.length - 1]) {
      const i = valid[k]!;
      expect(cloud.positions[k * 3]).toBe(view.getFloat32(i * 16, true));
      expect(cloud.positions[k * 3 + 2]).toBe(view.getFloat32(i * 16 + 8, true));
      const rgb = view.getUint32(i * 16 + 12, true);
      expect(cloud.attributes.r![k]).toBe((rgb >> 16) & 255);
      expect(cloud.attributes.g![k]).toBe((rgb >> 8) & 255);
      expect(cloud.attributes.b![k]).toBe(rgb & 255);
    }
    expect(cloud.fields).toContainEqual({ name: 'rgb', type: 'uint32', count: 1 });
  });

  it('ascii.pcd reads rgb written as a float number into r g b', () => {
    const cloud = read('ascii.pcd');
    expect(cloud.count).toBe(213);
    expect(cloud.fields.at(-1)).toEqual({ name: 'rgb', type: 'float32', count: 1 });
    // First line: "0.93773 0.33763 0 4.2108e+06"; 4210800 = 0x404070.
    expect(cloud.positions[0]).toBe(Math.fround(0.93773));
    expect([cloud.attributes.r![0], cloud.attributes.g![0], cloud.attributes.b![0]]).toEqual([0x40, 0x40, 0x70]);
    const colours = new Set(cloud.attributes.r!.map((r, i) => r * 65536 + cloud.attributes.g![i]! * 256));
    expect(colours.size).toBe(2);
  });

  it('reads VERSION .5 ascii without VIEWPOINT', () => {
    const cloud = read('test_v05_ascii.pcd');
    expect(cloud.version).toBe('.5');
    expect(cloud.viewpoint).toBeUndefined();
    expect([...cloud.positions]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads VERSION .6 binary with a U1 intensity', () => {
    const cloud = read('test_v06_binary.pcd');
    expect(cloud.version).toBe('.6');
    expect([...cloud.positions]).toEqual([1.5, 2.5, 3.5]);
    expect(cloud.attributes.intensity).toEqual(new Float32Array([100]));
    expect(cloud.fields.at(-1)).toEqual({ name: 'intensity', type: 'uint8', count: 1 });
  });
});
