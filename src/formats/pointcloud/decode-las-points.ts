import type { Bounds } from '../../core/model/point-cloud';
import { chooseLasOrigin } from './choose-las-origin';
import type { DecodedPointCloud, PointField } from './decoded-point-cloud';
import { decodeLasColors } from './decode-las-colors';
import { decodeLasGpsTime } from './decode-las-gps-time';
import { allocateFloat32 } from './float32-pool';
import type { LasHeader } from './las-header';
import type { LasPointLayout } from './las-point-layout';

/** A LAS or LAZ cloud, with what is needed to get the file's own coordinates back. */
export interface LasPointCloud extends DecodedPointCloud {
  format: 'las' | 'laz';
  /** e.g. "1.4". */
  version: string;
  /** 0–10. */
  pointFormat: number;
  /** Bytes a record, extra bytes included. */
  recordLength: number;
  /**
   * File coordinates (the file's CRS, usually projected metres) of the positions' zero:
   * file coordinate = position + origin. Whole units, the centre of the header's bounds.
   */
  origin: [number, number, number];
  /** GPS time (s, the file's time base) that the `gps_time` attribute counts from; undefined without GPS time. */
  gpsTimeOrigin: number | undefined;
  /** Of the rebased positions, measured while decoding (every LAS point is kept). */
  bounds: Bounds;
  /** The bounds the header claims, file coordinates (not rebased; possibly wrong or zero). */
  headerBounds: Bounds;
}

/**
 * Decodes `count` LAS point records of `header`'s format from `records` (record i at i × recordLength) into
 * a cloud: positions = (integer × scale + offset − origin) as float32, in the file's CRS axes; attributes
 * `intensity` (raw uint16), `return_number`, `number_of_returns`, `classification` (the class alone, flags
 * masked off), and where the format has them `gps_time` (seconds from `gpsTimeOrigin`) and `r g b` (0–255).
 * Every record is a point: LAS has no NaN or "no return" coordinates, so nothing is dropped. Extra bytes
 * are listed in `fields` but not decoded. The caller has checked that the records lie inside the view.
 */
export function decodeLasPoints(
  records: DataView,
  header: LasHeader,
  count: number,
  format: 'las' | 'laz',
): LasPointCloud {
  const { layout, recordLength: stride } = header;
  const origin = chooseLasOrigin(header, records, count);
  const positions = allocateFloat32(count * 3);
  const bounds = decodeLasPositions(records, header, origin, count, positions);
  const intensity = allocateFloat32(count);
  const returnNumber = allocateFloat32(count);
  const numberOfReturns = allocateFloat32(count);
  const classification = allocateFloat32(count);
  decodeLasReturns(records, layout, stride, count, intensity, returnNumber, numberOfReturns, classification);
  const attributes: Record<string, Float32Array> = {
    intensity,
    return_number: returnNumber,
    number_of_returns: numberOfReturns,
    classification,
  };
  let gpsTimeOrigin: number | undefined;
  if (layout.gpsTimeOffset !== undefined) {
    const gps = decodeLasGpsTime(records, layout.gpsTimeOffset, stride, count);
    attributes.gps_time = gps.seconds;
    gpsTimeOrigin = gps.origin;
  }
  if (layout.rgbOffset !== undefined)
    Object.assign(attributes, decodeLasColors(records, layout.rgbOffset, stride, count));
  const extra = stride - layout.standardLength;
  const fields: PointField[] = [...layout.fields];
  if (extra > 0) fields.push({ name: 'extra_bytes', type: 'uint8', count: extra });
  return {
    count,
    positions,
    attributes,
    bounds,
    format,
    fields,
    invalidCount: 0,
    version: header.version,
    pointFormat: header.pointFormat,
    recordLength: stride,
    origin,
    gpsTimeOrigin,
    headerBounds: { min: [...header.min], max: [...header.max] },
  };
}

/**
 * Writes (integer × scale + offset − origin) of each record as float32 x y z and returns their bounds. Its own
 * small function, like the other loops, so that V8 optimizes it whole instead of deoptimizing the caller.
 */
function decodeLasPositions(
  records: DataView,
  header: LasHeader,
  origin: [number, number, number],
  count: number,
  positions: Float32Array,
): Bounds {
  if (count === 0) return { min: [0, 0, 0], max: [0, 0, 0] };
  const stride = header.recordLength;
  const [sx, sy, sz] = header.scale;
  // Subtracting the origin from the offset first keeps the large terms out of each point's float64 sum.
  const ox = header.offset[0] - origin[0];
  const oy = header.offset[1] - origin[1];
  const oz = header.offset[2] - origin[2];
  let minX = Infinity;
  let minY = Infinity;
  let minZ = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let maxZ = -Infinity;
  for (let o = 0, w = 0, end = count * 3; w < end; o += stride, w += 3) {
    const x = records.getInt32(o, true) * sx + ox;
    const y = records.getInt32(o + 4, true) * sy + oy;
    const z = records.getInt32(o + 8, true) * sz + oz;
    positions[w] = x;
    positions[w + 1] = y;
    positions[w + 2] = z;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    minZ = Math.min(minZ, z);
    maxZ = Math.max(maxZ, z);
  }
  // fround: the bounds of the float32 positions are the rounded float64 extremes (rounding is monotonic).
  const f = Math.fround;
  return { min: [f(minX), f(minY), f(minZ)], max: [f(maxX), f(maxY), f(maxZ)] };
}

/** Intensity as stored, and return number, number of returns and class from their bit fields. */
function decodeLasReturns(
  records: DataView,
  layout: LasPointLayout,
  stride: number,
  count: number,
  intensity: Float32Array,
  returnNumber: Float32Array,
  numberOfReturns: Float32Array,
  classification: Float32Array,
): void {
  const { returnMask, returnsShift, returnsMask, classificationOffset, classificationMask } = layout;
  for (let i = 0, o = 0; i < count; i++, o += stride) {
    intensity[i] = records.getUint16(o + 12, true);
    const returns = records.getUint8(o + 14);
    returnNumber[i] = returns & returnMask;
    numberOfReturns[i] = (returns >>> returnsShift) & returnsMask;
    classification[i] = records.getUint8(o + classificationOffset) & classificationMask;
  }
}
