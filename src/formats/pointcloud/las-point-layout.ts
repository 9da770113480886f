import type { PointField } from './decoded-point-cloud';

/**
 * Where a LAS point data format (0–10) keeps what the reader decodes, in bytes from the record's start. X Y Z
 * (int32) and intensity (uint16) are at 0, 4, 8 and 12 in every format; the rest moved when LAS 1.4 added
 * formats 6–10 (4-bit return numbers, a full classification byte, a 16-bit scan angle).
 */
export interface LasPointLayout {
  /** Bytes a record of this format takes; a file's record length may be larger (extra bytes). */
  standardLength: number;
  /** Byte 14 holds the return number in its low bits and the number of returns above it. */
  returnMask: number;
  returnsShift: number;
  returnsMask: number;
  classificationOffset: number;
  /** Formats 0–5 keep flags in the top 3 bits of the classification byte. */
  classificationMask: number;
  gpsTimeOffset: number | undefined;
  /** red, green, blue uint16 one after another. */
  rgbOffset: number | undefined;
  /** The fields of a record in file order, as `fields` of the decoded cloud reports them. */
  fields: PointField[];
}

const LEGACY_LENGTHS = [20, 28, 26, 34, 57, 63];
const EXTENDED_LENGTHS = [30, 36, 38, 59, 67];

/** The layout of point data format `format` (0–10); undefined for any other number. */
export function getLasPointLayout(format: number): LasPointLayout | undefined {
  if (!Number.isInteger(format) || format < 0 || format > 10) return undefined;
  return format <= 5 ? getLegacyLayout(format) : getExtendedLayout(format);
}

function field(name: string, type: PointField['type'], count = 1): PointField {
  return { name, type, count };
}

const COMMON = [field('x', 'int32'), field('y', 'int32'), field('z', 'int32'), field('intensity', 'uint16')];
const RGB = [field('red', 'uint16'), field('green', 'uint16'), field('blue', 'uint16')];
/** Waveform descriptor index, offset, size, return point location and x(t) y(t) z(t): 29 bytes. */
const WAVE_PACKET = field('wave_packet', 'uint8', 29);

function getLegacyLayout(format: number): LasPointLayout {
  const hasGpsTime = format === 1 || format >= 3;
  const hasRgb = format === 2 || format === 3 || format === 5;
  const fields = [
    ...COMMON,
    field('returns', 'uint8'),
    field('classification', 'uint8'),
    field('scan_angle_rank', 'int8'),
    field('user_data', 'uint8'),
    field('point_source_id', 'uint16'),
    ...(hasGpsTime ? [field('gps_time', 'float64')] : []),
    ...(hasRgb ? RGB : []),
    ...(format >= 4 ? [WAVE_PACKET] : []),
  ];
  return {
    standardLength: LEGACY_LENGTHS[format]!,
    returnMask: 0b111,
    returnsShift: 3,
    returnsMask: 0b111,
    classificationOffset: 15,
    classificationMask: 0b11111,
    gpsTimeOffset: hasGpsTime ? 20 : undefined,
    rgbOffset: hasRgb ? (hasGpsTime ? 28 : 20) : undefined,
    fields,
  };
}

function getExtendedLayout(format: number): LasPointLayout {
  const hasRgb = format === 7 || format === 8 || format === 10;
  const hasNir = format === 8 || format === 10;
  const fields = [
    ...COMMON,
    field('returns', 'uint8'),
    field('flags', 'uint8'),
    field('classification', 'uint8'),
    field('user_data', 'uint8'),
    field('scan_angle', 'int16'),
    field('point_source_id', 'uint16'),
    field('gps_time', 'float64'),
    ...(hasRgb ? RGB : []),
    ...(hasNir ? [field('nir', 'uint16')] : []),
    ...(format >= 9 ? [WAVE_PACKET] : []),
  ];
  return {
    standardLength: EXTENDED_LENGTHS[format - 6]!,
    returnMask: 0b1111,
    returnsShift: 4,
    returnsMask: 0b1111,
    classificationOffset: 16,
    classificationMask: 0xff,
    gpsTimeOffset: 22,
    rgbOffset: hasRgb ? 30 : undefined,
    fields,
  };
}
