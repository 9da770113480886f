import { describe, expect, it } from 'vitest';
import { measureBounds } from '../../../../src/core/model/point-cloud';
import { readPcd } from '../../../../src/formats/pointcloud/read-pcd';
import { ByteWriter, makePcd } from './make-pcd';

describe('readPcd field layouts', () => {
  it('reads every SIZE/TYPE combination, COUNT > 1 (first element) and COUNT 0', () => {
    const header = [
      'VERSION .7',
      'FIELDS x y z a b c d e f g h normal pad w',
      'SIZE 4 8 4 1 1 2 2 4 4 8 8 4 1 4',
      'TYPE F F F I U I U I U I U F U I',
      'COUNT 1 1 1 1 1 1 1 1 1 1 1 3 0 1',
      'WIDTH 2',
      'HEIGHT 1',
      'POINTS 2',
    ];
    const body = new ByteWriter();
    for (const s of [1, -1]) {
      body
        .f32(1.5 * s)
        .f64(2.25 * s)
        .f32(-3 * s)
        .i8(-7 * s)
        .u8(200)
        .i16(-300 * s)
        .u16(60000);
      body
        .i32(-70000 * s)
        .u32(4000000000)
        .i64(-5n * BigInt(s))
        .u64(2n ** 40n);
      body
        .f32(0.25)
        .f32(0.5)
        .f32(0.75)
        .i32(9 * s);
    }
    const cloud = readPcd(makePcd(header, 'binary', body.toBytes()), 'types.pcd');
    expect([...cloud.positions]).toEqual([1.5, 2.25, -3, -1.5, -2.25, 3]);
    const at = (name: string) => [...cloud.attributes[name]!];
    expect(at('a')).toEqual([-7, 7]);
    expect(at('b')).toEqual([200, 200]);
    expect(at('c')).toEqual([-300, 300]);
    expect(at('d')).toEqual([60000, 60000]);
    expect(at('e')).toEqual([-70000, 70000]);
    expect(at('f')).toEqual([4000000000, 4000000000]);
    expect(at('g')).toEqual([-5, 5]);
    expect(at('h')).toEqual([2 ** 40, 2 ** 40]);
    expect(at('normal')).toEqual([0.25, 0.25]);
    expect(at('w')).toEqual([9, -9]);
    expect(Object.keys(cloud.attributes)).not.toContain('pad');
    expect(cloud.fields.map((f) => f.type)).toEqual([
      'float32', 'float64', 'float32', 'int8', 'uint8', 'int16', 'uint16',
      'int32', 'uint32', 'int64', 'uint64', 'float32', 'uint8', 'int32',
    ]); // prettier-ignore
  });

  it('reads the same layout from ascii, with nan rows dropped and COUNT > 1 values skipped', () => {
    const header = ['FIELDS x y z n intensity', 'SIZE 4 4 4 4 1', 'TYPE F F F F U', 'COUNT 1 1 1 2 1', 'POINTS 4'];
    const text = '1 2 3 9 9 10\nnan nan nan 9 9 11\n\n-4.5e1 0.5 +6 9 9 12\r\n0 0 0 9 9 13\n';
    const cloud = readPcd(makePcd(header, 'ascii', text), 'ascii.pcd');
    expect([...cloud.positions]).toEqual([1, 2, 3, -45, 0.5, 6]);
    expect([...cloud.attributes.n!]).toEqual([9, 9]);
    expect([...cloud.attributes.intensity!]).toEqual([10, 12]);
    expect(cloud.invalidCount).toBe(2);
    expect(cloud.bounds).toEqual({ min: [-45, 0.5, 3], max: [1, 2, 6] });
    expect(cloud.width).toBe(4); // WIDTH absent: POINTS
  });

  it('unpacks rgba (with alpha) and rgb stored as float bits in binary', () => {
    const header = ['FIELDS x y z rgb rgba', 'SIZE 4 4 4 4 4', 'TYPE F F F F U', 'WIDTH 1', 'POINTS 1'];
    const rgbAsFloat = new Float32Array(new Uint32Array([0x00123456]).buffer)[0]!;
    const body = new ByteWriter().f32(1).f32(1).f32(1).f32(rgbAsFloat).u32(0x80abcdef).toBytes();
    const cloud = readPcd(makePcd(header, 'binary', body), 'rgba.pcd');
    const channels = ['r', 'g', 'b', 'r_2', 'g_2', 'b_2', 'a'].map((n) => cloud.attributes[n]![0]);
    expect(channels).toEqual([0x12, 0x34, 0x56, 0xab, 0xcd, 0xef, 0x80]);
  });

  it('reads rgb in ascii both as an integer and as float bits', () => {
    const header = ['FIELDS x y z rgb', 'TYPE F F F F', 'POINTS 2'];
    const bitsAsFloat = new Float32Array(new Uint32Array([0x00010203]).buffer)[0]!;
    const cloud = readPcd(makePcd(header, 'ascii', `1 1 1 4210752\n2 2 2 ${bitsAsFloat}\n`), 'rgb.pcd');
    expect([...cloud.attributes.r!, ...cloud.attributes.g!, ...cloud.attributes.b!]).toEqual([64, 1, 64, 2, 64, 3]);
  });

  it('ignores bytes after the last point and takes POINTS from the header', () => {
    const body = new ByteWriter().f32(1).f32(2).f32(3).f32(99).f32(99).toBytes();
    const cloud = readPcd(makePcd(['FIELDS x y z', 'POINTS 1'], 'binary', body), 'trailing.pcd');
    expect(cloud.count).toBe(1);
    expect([...cloud.positions]).toEqual([1, 2, 3]);
  });

  it('accepts an empty cloud', () => {
    const cloud = readPcd(makePcd(['FIELDS x y z', 'WIDTH 0', 'POINTS 0'], 'binary', ''), 'empty.pcd');
    expect(cloud.count).toBe(0);
    expect(measureBounds(cloud)).toEqual({ min: [0, 0, 0], max: [0, 0, 0] });
  });
});
