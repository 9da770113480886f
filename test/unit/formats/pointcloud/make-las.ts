import { createRandom } from '../../../../src/core/math/random';

/** A point for a test LAS file, in file coordinates (the integers are `round((x - offset) / scale)`). */
export interface LasTestPoint {
  x: number;
  y: number;
  z: number;
  intensity: number;
  returnNumber: number;
  numberOfReturns: number;
  classification: number;
  gpsTime: number;
  /** 16-bit colour channels, as stored. */
  red: number;
  green: number;
  blue: number;
}

export interface LasTestOptions {
  format: number;
  /** Defaults to 1.2 for formats 0–5, 1.4 for 6–10. */
  version?: '1.2' | '1.3' | '1.4';
  extraBytes?: number;
  scale?: [number, number, number];
  offset?: [number, number, number];
  /** Overrides the header's bounds (default: those of the points). */
  bounds?: { min: [number, number, number]; max: [number, number, number] };
  /** Sets bit 7 of the point format byte, as LASzip does. */
  compressed?: boolean;
  vlrs?: { userId: string; recordId: number; data: Uint8Array }[];
}

/** Standard record lengths of point formats 0–10 (LAS 1.4 specification, table of point formats). */
export const LAS_RECORD_LENGTHS = [20, 28, 26, 34, 57, 63, 30, 36, 38, 59, 67];
const HEADER_SIZES: Record<string, number> = { '1.2': 227, '1.3': 235, '1.4': 375 };

/** Writes a LAS file from known points, independently of the reader: header, VLRs, then the records. */
export function makeLas(points: LasTestPoint[], options: LasTestOptions): Uint8Array {
  const { format, extraBytes = 0, scale = [0.001, 0.001, 0.001] } = options;
  // As writers do: a whole-kilometre offset below the points, so that 1 mm integers stay within int32.
  const offset = options.offset ?? measureBounds(points).min.map((v) => Math.floor(v / 1000) * 1000);
  const version = options.version ?? (format <= 5 ? '1.2' : '1.4');
  const headerSize = HEADER_SIZES[version]!;
  const vlrs = options.vlrs ?? [];
  const vlrBytes = vlrs.reduce((sum, v) => sum + 54 + v.data.length, 0);
  const recordLength = LAS_RECORD_LENGTHS[format]! + extraBytes;
  const pointOffset = headerSize + vlrBytes;
  const out = new Uint8Array(pointOffset + points.length * recordLength);
  const d = new DataView(out.buffer);
  out.set(new TextEncoder().encode('LASF'), 0);
  d.setUint8(24, 1);
  d.setUint8(25, Number(version.slice(2)));
  out.set(new TextEncoder().encode('frustum test'), 58);
  d.setUint16(94, headerSize, true);
  d.setUint32(96, pointOffset, true);
  d.setUint32(100, vlrs.length, true);
  d.setUint8(104, format | (options.compressed ? 0x80 : 0));
  d.setUint16(105, recordLength, true);
  d.setUint32(107, format <= 5 ? points.length : 0, true);
  if (version === '1.4') d.setBigUint64(247, BigInt(points.length), true);
  for (let a = 0; a < 3; a++) {
    d.setFloat64(131 + a * 8, scale[a]!, true);
    d.setFloat64(155 + a * 8, offset[a]!, true);
  }
  const bounds = options.bounds ?? measureBounds(points);
  for (let a = 0; a < 3; a++) {
    d.setFloat64(179 + a * 16, bounds.max[a]!, true);
    d.setFloat64(187 + a * 16, bounds.min[a]!, true);
  }
  let at = headerSize;
  for (const vlr of vlrs) {
    out.set(new TextEncoder().encode(vlr.userId), at + 2);
    d.setUint16(at + 18, vlr.recordId, true);
    d.setUint16(at + 20, vlr.data.length, true);
    out.set(vlr.data, at + 54);
    at += 54 + vlr.data.length;
  }
  points.forEach((p, i) => writeRecord(d, pointOffset + i * recordLength, p, format, scale, offset, extraBytes));
  return out;
}

function writeRecord(
  d: DataView,
  o: number,
  p: LasTestPoint,
  format: number,
  scale: number[],
  offset: number[],
  extraBytes: number,
): void {
  [p.x, p.y, p.z].forEach((v, a) => {
    const integer = Math.round((v - offset[a]!) / scale[a]!);
    if (integer !== (integer | 0)) throw new Error(`test point ${v} does not fit an int32 at this scale and offset`);
    d.setInt32(o + a * 4, integer, true);
  });
  d.setUint16(o + 12, p.intensity, true);
  const extended = format >= 6;
  if (extended) {
    d.setUint8(o + 14, p.returnNumber | (p.numberOfReturns << 4));
    d.setUint8(o + 15, 0b1100_0000); // edge of flight line, scan direction: must not leak into anything decoded
    d.setUint8(o + 16, p.classification);
    d.setFloat64(o + 22, p.gpsTime, true);
  } else {
    d.setUint8(o + 14, p.returnNumber | (p.numberOfReturns << 3) | 0b1100_0000);
    d.setUint8(o + 15, p.classification | 0b1110_0000); // synthetic, key-point, withheld flags
    if (format === 1 || format >= 3) d.setFloat64(o + 20, p.gpsTime, true);
  }
  const rgbAt = { 2: 20, 3: 28, 5: 28, 7: 30, 8: 30, 10: 30 }[format];
  if (rgbAt !== undefined) [p.red, p.green, p.blue].forEach((v, c) => d.setUint16(o + rgbAt + c * 2, v, true));
  const end = o + LAS_RECORD_LENGTHS[format]!;
  for (let i = 0; i < extraBytes; i++) d.setUint8(end + i, 0xee);
}

function measureBounds(points: LasTestPoint[]) {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const p of points) {
    [p.x, p.y, p.z].forEach((v, a) => {
      min[a] = Math.min(min[a]!, v);
      max[a] = Math.max(max[a]!, v);
    });
  }
  return points.length ? { min, max } : { min: [0, 0, 0] as typeof min, max: [0, 0, 0] as typeof max };
}

/**
 * `count` seeded points around `centre` (file coordinates, metres), ±`spread` m horizontally, on a 1 mm grid,
 * with varied attributes: a UTM-like centre tests the rebase. Colours are 16-bit (8-bit × 257).
 */
export function makeLasPoints(count: number, seed: number, centre = [500_000, 4_000_000, 100], spread = 200) {
  const random = createRandom(seed);
  const grid = (v: number) => Math.round(v * 1000) / 1000;
  return Array.from({ length: count }, (_, i): LasTestPoint => {
    const numberOfReturns = 1 + Math.floor(random() * 5);
    return {
      x: grid(centre[0]! + (random() * 2 - 1) * spread),
      y: grid(centre[1]! + (random() * 2 - 1) * spread),
      z: grid(centre[2]! + (random() * 2 - 1) * 20),
      intensity: Math.floor(random() * 65536),
      returnNumber: 1 + Math.floor(random() * numberOfReturns),
      numberOfReturns,
      classification: Math.floor(random() * 19),
      gpsTime: 1.3e9 + i * 1e-5 + random() * 1e-6,
      red: Math.floor(random() * 256) * 257,
      green: Math.floor(random() * 256) * 257,
      blue: Math.floor(random() * 256) * 257,
    };
  });
}
