import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { readPly } from '../../../../src/formats/pointcloud/read-ply';
import { makePly, type TestElement } from './make-ply';

/** An unaligned mix of every property type and alias, between the coordinates. */
const vertex: TestElement = {
  name: 'vertex',
  properties: [
    ['float', 'x'], ['uchar', 'red'], ['double', 'y'], ['short', 's'], ['float32', 'z'], ['char', 'c'],
    ['ushort', 'u'], ['int', 'i'], ['uint', 'n'], ['uint8', 'green'], ['int16', 't'], ['float64', 'time'],
    ['uchar', 'blue'], ['int8', 'k'],
  ], // prettier-ignore
  rows: [
    [1.5, 255, -2.25, -300, 3.125, -7, 65535, -70000, 4000000000, 128, 12, 1.25, 0, 5],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // a no-return at the origin: dropped
    [-10.5, 1, 20.75, 32767, -0.5, 127, 1, 2147483647, 0, 2, -32768, -1, 3, -128],
  ],
};
/** Elements around the vertices: a list element before them (must be skipped), faces after them. */
const edges: TestElement = {
  name: 'edge',
  properties: [['list', 'uchar', 'int', 'vertex_index'], ['float', 'weight']], // prettier-ignore
  rows: [[[0, 1], 0.5], [[1, 2, 0], 2]], // prettier-ignore
};
const faces: TestElement = {
  name: 'face',
  properties: [['list', 'uchar', 'uint', 'vertex_indices']],
  rows: [[[0, 1, 2]], [[2, 1, 0]]],
};

const encodings = ['ascii', 'binary_little_endian', 'binary_big_endian'];

describe('readPly', () => {
  for (const encoding of encodings) {
    it(`reads ${encoding} vertices exactly, skipping other elements`, () => {
      const cloud = readPly(makePly(encoding, [edges, vertex, faces]), `mix-${encoding}.ply`);
      expect(cloud.format).toBe(`ply-${encoding}`);
      expect(cloud.count).toBe(2);
      expect(cloud.invalidCount).toBe(1);
      expect([...cloud.positions]).toEqual([1.5, -2.25, 3.125, -10.5, 20.75, -0.5]);
      const a = cloud.attributes;
      expect(Object.keys(a)).toEqual(['r', 's', 'c', 'u', 'i', 'n', 'g', 't', 'time', 'b', 'k']);
      expect([...a.r!, ...a.g!, ...a.b!]).toEqual([255, 1, 128, 2, 0, 3]);
      expect([...a.s!, ...a.c!, ...a.u!]).toEqual([-300, 32767, -7, 127, 65535, 1]);
      expect([...a.i!, ...a.n!, ...a.t!]).toEqual([-70000, Math.fround(2147483647), 4000000000, 0, 12, -32768]);
      expect([...a.time!, ...a.k!]).toEqual([1.25, -1, 5, -128]);
      expect(cloud.bounds).toEqual({ min: [-10.5, -2.25, -0.5], max: [1.5, 20.75, 3.125] });
      expect(cloud.fields.slice(0, 3)).toEqual([
        { name: 'x', type: 'float32', count: 1 },
        { name: 'red', type: 'uint8', count: 1 },
        { name: 'y', type: 'float64', count: 1 },
      ]);
    });
  }

  it('needs x, y and z, and says which properties the file has', () => {
    const bytes = makePly('ascii', [{ name: 'vertex', properties: [['float', 'x'], ['float', 'y']], rows: [[1, 2]] }]); // prettier-ignore
    expect(() => readPly(bytes, 'flat.ply')).toThrow(FormatError);
    expect(() => readPly(bytes, 'flat.ply')).toThrow('flat.ply: no x, y, z fields; the file has: x, y');
  });

  it('rejects a file with no vertex element, or that is not a PLY', () => {
    expect(() => readPly(makePly('ascii', [faces]), 'faces.ply')).toThrow('faces.ply: no vertex element');
    expect(() => readPly(new TextEncoder().encode('solid cube\n'), 'cube.ply')).toThrow(/cube\.ply: not a PLY/);
  });

  it('rejects truncated data and bad header lines, naming the file', () => {
    const full = makePly('binary_little_endian', [edges, vertex]);
    expect(() => readPly(full.subarray(0, full.length - 1), 'cut.ply')).toThrow(/cut\.ply: truncated/);
    const text = new TextDecoder().decode(makePly('ascii', [vertex])).replace('property uint n', 'property long n');
    expect(() => readPly(new TextEncoder().encode(text), 'long.ply')).toThrow(/long\.ply: bad PLY header line \d+/);
    const short = makePly('ascii', [edges, vertex]);
    expect(() => readPly(short.subarray(0, short.length - 30), 'rows.ply')).toThrow(/rows\.ply: (truncated|point)/);
  });
});
