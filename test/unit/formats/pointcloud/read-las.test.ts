import { describe, expect, it } from 'vitest';
import type { LasPointCloud } from '../../../../src/formats/pointcloud/decode-las-points';
import { readLas } from '../../../../src/formats/pointcloud/read-las';
import { LAS_RECORD_LENGTHS, makeLas, makeLasPoints, type LasTestPoint } from './make-las';

const GPS = new Set([1, 3, 4, 5, 6, 7, 8, 9, 10]);
const RGB = new Set([2, 3, 5, 7, 8, 10]);

/** Asserts that a decoded cloud holds `points`: positions within `tolerance` (file units), attributes exact. */
function expectPoints(cloud: LasPointCloud, points: LasTestPoint[], format: number, tolerance = 0.001) {
  expect(cloud.count).toBe(points.length);
  expect(cloud.positions.length).toBe(points.length * 3);
  let worst = 0;
  points.forEach((p, i) => {
    [p.x, p.y, p.z].forEach((v, a) => {
      worst = Math.max(worst, Math.abs(cloud.positions[i * 3 + a]! + cloud.origin[a]! - v));
    });
    expect(cloud.attributes.intensity![i]).toBe(p.intensity);
    expect(cloud.attributes.return_number![i]).toBe(p.returnNumber);
    expect(cloud.attributes.number_of_returns![i]).toBe(p.numberOfReturns);
    expect(cloud.attributes.classification![i]).toBe(p.classification);
    if (GPS.has(format)) {
      // float32 seconds after the origin: 150 points span 1.5 ms, so steps are ~1e-10 s.
      expect(cloud.attributes.gps_time![i]! + cloud.gpsTimeOrigin!).toBeCloseTo(p.gpsTime, 6);
    }
    if (RGB.has(format)) {
      expect([cloud.attributes.r![i], cloud.attributes.g![i], cloud.attributes.b![i]]).toEqual(
        [p.red, p.green, p.blue].map((v) => v >> 8),
      );
    }
  });
  expect(worst).toBeLessThanOrEqual(tolerance);
  expect(cloud.attributes.gps_time === undefined).toBe(!GPS.has(format));
  expect(cloud.attributes.r === undefined).toBe(!RGB.has(format));
  for (const values of Object.values(cloud.attributes)) expect(values.length).toBe(points.length);
}

describe('readLas', () => {
  for (let format = 0; format <= 10; format++) {
    for (const version of format <= 5 ? (['1.2', '1.4'] as const) : (['1.4'] as const)) {
      it(`reads point format ${format} in a LAS ${version} file, with and without extra bytes`, () => {
        for (const extraBytes of [0, 5]) {
          const points = makeLasPoints(150, format * 10 + extraBytes);
          const cloud = readLas(makeLas(points, { format, version, extraBytes }), `f${format}.las`);
          expect(cloud).toMatchObject({ format: 'las', version, pointFormat: format, invalidCount: 0 });
          expect(cloud.recordLength).toBe(LAS_RECORD_LENGTHS[format]! + extraBytes);
          expectPoints(cloud, points, format);
          const names = cloud.fields.map((f) => f.name);
          expect(names.slice(0, 4)).toEqual(['x', 'y', 'z', 'intensity']);
          expect(names.includes('gps_time')).toBe(GPS.has(format));
          expect(cloud.fields.at(-1)).toEqual(
            extraBytes ? { name: 'extra_bytes', type: 'uint8', count: 5 } : expect.anything(),
          );
        }
      });
    }
  }

  it('keeps UTM coordinates to the millimetre by rebasing them to the bounds centre', () => {
    // 1 mm integers 4 km across at 500 km east, 4,000 km north: float32 steps there are 0.03 m and 0.25 m.
    const points = makeLasPoints(2000, 7, [500_000, 4_000_000, 250], 2000);
    const cloud = readLas(makeLas(points, { format: 1 }), 'utm.las');
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const centre = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
    expect(cloud.origin.slice(0, 2)).toEqual(centre.map(Math.round));
    expectPoints(cloud, points, 1, 0.001);
    // Unrebased, the same points would be off by up to 0.125 m.
    const unrebased = Math.max(...ys.map((y) => Math.abs(Math.fround(y) - y)));
    expect(unrebased).toBeGreaterThan(0.05);
    // Bounds are those of the rebased float32 positions.
    expect(cloud.bounds.min[0]).toBeCloseTo(Math.min(...xs) - cloud.origin[0], 2);
    expect(cloud.bounds.max[1]).toBeCloseTo(Math.max(...ys) - cloud.origin[1], 2);
  });

  it('keeps the centimetre 130 km from the origin', () => {
    const points = makeLasPoints(10, 3, [500_000, 4_000_000, 0], 10);
    points.push({ ...points[0]!, x: 630_000.123, y: 3_870_000.987 });
    const min: [number, number, number] = [499_990, 3_999_990, -20];
    const bounds = { min, max: [500_010, 4_000_010, 20] as [number, number, number] };
    const cloud = readLas(makeLas(points, { format: 0, bounds, offset: [0, 3_000_000, 0] }), 'far.las');
    expect(cloud.origin).toEqual([500_000, 4_000_000, 0]);
    expectPoints(cloud, points, 0, 0.01);
  });

  it('takes the first point as origin when the header bounds are unusable', () => {
    const points = makeLasPoints(20, 4);
    // x: not numbers; y: a centre no int32 of this scale and offset can reach; z: inverted.
    const min: [number, number, number] = [NaN, 0, 500];
    const max: [number, number, number] = [NaN, 0, -500];
    const cloud = readLas(makeLas(points, { format: 0, bounds: { min, max } }), 'nan.las');
    expect(cloud.origin).toEqual([points[0]!.x, points[0]!.y, points[0]!.z].map(Math.round));
    expectPoints(cloud, points, 0);
    expect(Number.isNaN(cloud.headerBounds.min[0])).toBe(true);
  });

  it('keeps 8-bit colours stored in 16-bit fields as they are', () => {
    const points = makeLasPoints(30, 5).map((p) => ({ ...p, red: p.red >> 8, green: p.green >> 8, blue: 255 }));
    const cloud = readLas(makeLas(points, { format: 2 }), 'rgb8.las');
    expect(Array.from(cloud.attributes.r!)).toEqual(points.map((p) => p.red));
    expect(Array.from(cloud.attributes.b!)).toEqual(points.map(() => 255));
  });

  it('reads an empty file and a 1.3 header', () => {
    const empty = readLas(makeLas([], { format: 3, version: '1.3' }), 'empty.las');
    expect(empty).toMatchObject({ count: 0, version: '1.3', bounds: { min: [0, 0, 0], max: [0, 0, 0] } });
    expect(empty.attributes.gps_time!.length).toBe(0);
  });

  it("prefers LAS 1.4's 64-bit point count and reads past trailing bytes", () => {
    const points = makeLasPoints(12, 6);
    const bytes = makeLas(points, { format: 6 });
    const padded = new Uint8Array(bytes.length + 100);
    padded.set(bytes);
    expect(new DataView(padded.buffer).getUint32(107, true)).toBe(0);
    expectPoints(readLas(padded, 'p.las'), points, 6);
  });
});
