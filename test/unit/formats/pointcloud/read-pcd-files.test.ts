import { describe, expect, it } from 'vitest';
import { measureBounds } from '../../../../src/core/model/point-cloud';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { readPcd } from '../../../../src/formats/pointcloud/read-pcd';
import { packedAttribute, packedPositions, viewsFit } from './packed';
import { findPcdDataOffset, listSharedFiles, readPcdHeaderValue, readSharedFile } from './shared-data';

const folders = ['pcd/edge-cases', 'pcd/pcl-generated', 'sustechpoints/lidar'];

describe('readPcd on every real PCD file', () => {
  for (const folder of folders) {
    for (const name of listSharedFiles(folder)) {
      it(`${folder}/${name}`, () => {
        const bytes = readSharedFile(`${folder}/${name}`);
        if (name === 'test_v06_mixed_types.pcd') {
          const error = (() => {
            try {
              readPcd(bytes, name);
            } catch (e) {
              return e;
            }
          })();
          expect(error).toBeInstanceOf(FormatError);
          expect((error as Error).message).toContain(name);
          expect((error as Error).message).toMatch(/no x, y, z/);
          expect((error as Error).message).toContain('pos, normal_x, rgb, label');
          return;
        }
        const cloud = readPcd(bytes, name);
        expect(cloud.count + cloud.invalidCount).toBe(Number(readPcdHeaderValue(bytes, 'POINTS')));
        expect(viewsFit(cloud)).toBe(true);
        expect(packedPositions(cloud).every(Number.isFinite)).toBe(true);
      });
    }
  }
});

describe('PCL-written KITTI frame in three encodings', () => {
  const read = (encoding: string) => {
    const name = `kitti000008_reduced_${encoding}.pcd`;
    return readPcd(readSharedFile(`pcd/pcl-generated/${name}`), name);
  };
  const binary = read('binary');

  it('has 17,238 points with x y z intensity', () => {
    expect(binary.count).toBe(17238);
    expect(binary.format).toBe('pcd-binary');
    expect(Object.keys(binary.attributes)).toEqual(['intensity']);
  });

  it('decodes binary to the float32 values in the file (checked with a plain DataView loop)', () => {
    const bytes = readSharedFile('pcd/pcl-generated/kitti000008_reduced_binary.pcd');
    const view = new DataView(bytes.buffer, bytes.byteOffset + findPcdDataOffset(bytes));
    const [positions, intensity] = [packedPositions(binary), packedAttribute(binary, 'intensity')!];
    for (const i of [0, 1, 5000, 17237]) {
      expect(positions[i * 3]).toBe(view.getFloat32(i * 16, true));
      expect(positions[i * 3 + 2]).toBe(view.getFloat32(i * 16 + 8, true));
      expect(intensity[i]).toBe(view.getFloat32(i * 16 + 12, true));
    }
  });

  for (const encoding of ['ascii', 'binary_compressed']) {
    it(`decodes ${encoding} to exactly the same float32 values as binary`, () => {
      const other = read(encoding);
      expect(other.format).toBe(`pcd-${encoding}`);
      expect(other.count).toBe(17238);
      expect(packedPositions(other)).toEqual(packedPositions(binary));
      expect(packedAttribute(other, 'intensity')).toEqual(packedAttribute(binary, 'intensity'));
      expect(other.bounds).toEqual(measureBounds(binary));
    });
  }
});

describe('SUSTechPOINTS binary PCD (COUNT 0 padding, garbage fields, 3,848 trailing bytes)', () => {
  const bytes = readSharedFile('sustechpoints/lidar/000965.pcd');
  const cloud = readPcd(bytes, '000965.pcd');

  it('takes the point count from the header, not from the file size', () => {
    expect(cloud.count).toBe(66781);
    expect(bytes.length - findPcdDataOffset(bytes) - 66781 * 48).toBe(3848);
  });

  it('reads x y z intensity from 48-byte records, skipping the padding fields', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset + findPcdDataOffset(bytes));
    for (const i of [0, 33333, 66780]) {
      expect(cloud.positions[i * 3 + 1]).toBe(view.getFloat32(i * 48 + 4, true));
      expect(cloud.attributes.intensity![i]).toBe(view.getFloat32(i * 48 + 16, true));
    }
    expect(Object.keys(cloud.attributes)).toEqual(['intensity', 'timestamp', 'ring']);
    expect(cloud.fields.map((f) => f.count)).toEqual([1, 1, 1, 4, 1, 0, 1, 6, 1, 12]);
  });

  it("matches PCL's binary_compressed re-save exactly in x y z intensity", () => {
    const name = 'sustech000965_binary_compressed.pcd';
    const resaved = readPcd(readSharedFile(`pcd/pcl-generated/${name}`), name);
    expect(resaved.count).toBe(cloud.count);
    expect(resaved.positions).toEqual(cloud.positions);
    expect(resaved.attributes.intensity).toEqual(cloud.attributes.intensity);
  });
});
