import { CompressionType, setCompressionCodec, tableFromArrays, tableToIPC } from '@uwdata/flechette';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRandom } from '../../../../src/core/math/random';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { lz4FrameCodec } from '../../../../src/formats/pointcloud/lz4-frame-codec';
import { readFeatherSweep } from '../../../../src/formats/pointcloud/read-feather-sweep';
import { readPointCloudFile } from '../../../../src/formats/pointcloud/read-point-cloud-file';
import { readPointCloudFileAsync } from '../../../../src/formats/pointcloud/read-point-cloud-file-async';
import { writeFeather, writeSweep, type SweepPoint } from '../scene/argoverse2-fixture';
import { findContractBreaks, makeByteFlips, makeTruncations, type FuzzCase } from './fuzz-check';
import { packedPositions } from './packed';

const NAME = 'log/sensors/lidar/315966265259836000.feather';

/** 600 points on a ring 10–20 m out, both sensors' lasers (0–63), intensities 0–255, offsets over 100 ms. */
function ringPoints(count = 600): SweepPoint[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = (i / count) * 2 * Math.PI;
    const range = 10 + (i % 11);
    return {
      xyz: [range * Math.cos(angle), range * Math.sin(angle), -1.5 + (i % 7) * 0.25],
      intensity: (i * 37) % 256,
      laser: i % 64,
      offsetNs: Math.round((i / count) * 100_000_000),
    };
  });
}

function expectSameAsPoints(bytes: Uint8Array, points: SweepPoint[], tolerance = 0) {
  const cloud = readFeatherSweep(bytes, NAME);
  expect(cloud.format).toBe('feather');
  expect(cloud.count).toBe(points.length);
  expect(cloud.invalidCount).toBe(0);
  const xyz = packedPositions(cloud);
  for (const [i, p] of points.entries()) {
    for (let k = 0; k < 3; k++) expect(Math.abs(xyz[3 * i + k]! - Math.fround(p.xyz[k]!))).toBeLessThanOrEqual(tolerance); // prettier-ignore
  }
  // As stored: intensity 0–255 (the renderer scales by the sweep's largest), both sensors' laser numbers.
  expect(Array.from(cloud.attributes['intensity']!)).toEqual(points.map((p) => p.intensity));
  expect(Array.from(cloud.attributes['laser_number']!)).toEqual(points.map((p) => p.laser));
  // float32 keeps offsets to 8 ns at 100 ms.
  for (const [i, p] of points.entries()) expect(Math.abs(cloud.attributes['offset_ns']![i]! - p.offsetNs)).toBeLessThanOrEqual(8); // prettier-ignore
  return cloud;
}

afterEach(() => vi.restoreAllMocks());

describe('readFeatherSweep (Argoverse 2 sweeps, Feather v2)', () => {
  it('reads an LZ4-compressed sweep in several record batches, unpacking every body buffer through the codec', () => {
    const points = ringPoints();
    const bytes = writeSweep(points, { maxBatchRows: 250 });
    const decode = vi.spyOn(lz4FrameCodec, 'decode');
    const cloud = expectSameAsPoints(bytes, points);
    // The writer keeps a buffer LZ4 does not shrink as it is; laser numbers (repeating every 64 points) shrink
    // in each of the 3 batches.
    expect(decode.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(cloud.fields).toEqual([
      { name: 'x', type: 'float32', count: 1 },
      { name: 'y', type: 'float32', count: 1 },
      { name: 'z', type: 'float32', count: 1 },
      { name: 'intensity', type: 'uint8', count: 1 },
      { name: 'laser_number', type: 'uint8', count: 1 },
      { name: 'offset_ns', type: 'int32', count: 1 },
    ]);
    expect(cloud.bounds!.max[0]).toBe(Math.max(...points.map((p) => Math.fround(p.xyz[0]))));
  });

  it('reads the same sweep uncompressed, and from bytes that do not start on an 8-byte boundary', () => {
    const points = ringPoints();
    const bytes = writeSweep(points, { plain: true });
    const decode = vi.spyOn(lz4FrameCodec, 'decode');
    expectSameAsPoints(bytes, points);
    expect(decode).not.toHaveBeenCalled();
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expectSameAsPoints(shifted.subarray(3), points);
  });

  it('reads x y z stored as half floats, as the dataset ships them', () => {
    const points = ringPoints();
    const cloud = expectSameAsPoints(writeSweep(points, { half: true }), points, 20 / 1024);
    expect(cloud.fields.slice(0, 3).map((f) => f.type)).toEqual(['float16', 'float16', 'float16']);
    // 10.5 m is exact in float16: the lookup table decodes it exactly.
    const exact = readFeatherSweep(writeSweep([{ xyz: [10.5, -3.25, 0.125], intensity: 1, laser: 40, offsetNs: 0 }], { half: true }), NAME); // prettier-ignore
    expect(Array.from(packedPositions(exact))).toEqual([10.5, -3.25, 0.125]);
  });

  it('drops points at (0, 0, 0) or with a NaN coordinate, keeping the attributes of the others in step', () => {
    const points = ringPoints(5);
    points[1]!.xyz = [0, 0, 0];
    points[3]!.xyz = [NaN, 1, 1];
    const cloud = readFeatherSweep(writeSweep(points), NAME);
    expect(cloud.count).toBe(3);
    expect(cloud.invalidCount).toBe(2);
    expect(Array.from(cloud.attributes['laser_number']!)).toEqual([0, 2, 4]);
  });

  it('is what readPointCloudFile and readPointCloudFileAsync give for a .feather name', async () => {
    const bytes = writeSweep(ringPoints(20));
    expect(readPointCloudFile(bytes, NAME).count).toBe(20);
    expect((await readPointCloudFileAsync(bytes, 'SWEEP.FEATHER')).format).toBe('feather');
  });

  it('keeps other number columns as attributes and leaves text columns out', () => {
    const bytes = writeFeather(
      { x: Float32Array.of(1, 2), y: Float32Array.of(3, 4), z: Float32Array.of(5, 6), ring: Float64Array.of(7, 8), note: ['a', 'b'] }, // prettier-ignore
      {},
    );
    const cloud = readFeatherSweep(bytes, NAME);
    expect(Object.keys(cloud.attributes)).toEqual(['ring']);
    expect(cloud.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['x:float32', 'y:float32', 'z:float32', 'ring:float64']); // prettier-ignore
  });
});

describe('readFeatherSweep errors name the file', () => {
  const message = (read: () => unknown) => {
    try {
      read();
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      return (error as Error).message;
    }
    throw new Error('did not throw');
  };

  it('refuses a file that is not Arrow, and Feather version 1', () => {
    expect(message(() => readFeatherSweep(new TextEncoder().encode('x,y,z\n1,2,3\n'), NAME))).toBe(
      `${NAME}: not a Feather version 2 (Arrow IPC) file: it does not start with ARROW1`,
    );
    expect(message(() => readFeatherSweep(new TextEncoder().encode('FEA1....'), NAME))).toMatch(/Feather version 1/);
  });

  it('refuses a table without x, y and z, listing the columns it has', () => {
    const bytes = writeFeather({ x: Float32Array.of(1), y: Float32Array.of(2), intensity: Uint8Array.of(3) }, {});
    expect(message(() => readFeatherSweep(bytes, NAME))).toBe(`${NAME}: no x, y, z fields; the file has: x, y, intensity`); // prettier-ignore
  });

  it('refuses a text column in place of a coordinate', () => {
    const bytes = writeFeather({ x: Float32Array.of(1), y: Float32Array.of(2), z: ['up'] }, {});
    expect(message(() => readFeatherSweep(bytes, NAME))).toBe(`${NAME}: column z does not hold numbers`);
  });

  it('says which codec a file needs that is not read (ZSTD), with a code an import reports', () => {
    // A stand-in ZSTD "compressor" makes a file that declares ZSTD; it is unregistered before reading.
    setCompressionCodec(CompressionType.ZSTD, { encode: (b) => b.subarray(0, 1), decode: (b) => b });
    const columns = { x: new Float32Array(64), y: new Float32Array(64), z: new Float32Array(64) };
    const zstd = tableToIPC(tableFromArrays(columns), { format: 'file', codec: CompressionType.ZSTD })!;
    setCompressionCodec(CompressionType.ZSTD, undefined as never);
    try {
      readFeatherSweep(zstd, NAME);
      throw new Error('did not throw');
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).code).toBe('feather.codec.unsupported');
      expect((error as FormatError).values).toEqual({ codec: 'ZSTD' });
      expect((error as Error).message.startsWith(`${NAME}: compressed with ZSTD`)).toBe(true);
    }
  });

  it('survives truncations anywhere and damaged LZ4 frames: a cloud or a FormatError', async () => {
    const bytes = writeSweep(ringPoints(200), { maxBatchRows: 80 });
    // Each compressed buffer: its unpacked length (8 bytes), then one LZ4 frame (magic 04 22 4D 18, 3 more
    // header bytes, blocks of a 4-byte size and their data, a zero end mark). Flips there, lengths included.
    const frames: [number, number][] = [];
    for (let at = 8; at + 11 <= bytes.length; at++) {
      if (bytes[at] !== 0x04 || bytes[at + 1] !== 0x22 || bytes[at + 2] !== 0x4d || bytes[at + 3] !== 0x18) continue;
      const block = new DataView(bytes.buffer, bytes.byteOffset + at + 7, 4).getUint32(0, true) & 0x7fffffff;
      frames.push([at - 8, at + 7 + 4 + block + 4]);
    }
    expect(frames.length).toBeGreaterThanOrEqual(3);
    const random = createRandom(16);
    const flips = frames.flatMap(([start, end]) =>
      makeByteFlips(bytes.subarray(start, end), 20, 40, random).map((c): FuzzCase => {
        const copy = bytes.slice();
        copy.set(c.bytes, start);
        return { label: `frame at ${start}: ${c.label}`, bytes: copy };
      }),
    );
    // Flips in the Arrow metadata are left out: a damaged vector length there has an Arrow library (flechette
    // and apache-arrow alike) build an array that long, which takes seconds or all the memory before it fails.
    const cases = [...makeTruncations(bytes, 400), ...flips];
    const breaks = await findContractBreaks(readFeatherSweep, NAME, cases);
    expect(breaks.slice(0, 10), `${breaks.length} of ${cases.length} cases broke the contract`).toEqual([]);
  });
});
