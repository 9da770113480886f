import { FormatError } from './format-error';
import { getLasPointLayout, type LasPointLayout } from './las-point-layout';

type Vector3 = [number, number, number];

/** The parts of a LAS 1.0–1.4 public header that reading the points needs, checked for sense. */
export interface LasHeader {
  /** e.g. "1.4". */
  version: string;
  versionMinor: number;
  headerSize: number;
  /** Byte offset of the first point record (of LASzip's chunk-table offset in a LAZ file). */
  pointOffset: number;
  vlrCount: number;
  /** 0–10, with LASzip's compression bits cleared. */
  pointFormat: number;
  layout: LasPointLayout;
  /** Bit 7 (or the old bit 6) of the point format byte: the records are LASzip-compressed. */
  compressed: boolean;
  /** Bytes a record; more than the format's standard length when the file carries extra bytes. */
  recordLength: number;
  /** From LAS 1.4's 64-bit count when set, else the legacy 32-bit one. Not yet checked against the bytes. */
  pointCount: number;
  /** File coordinate = integer × scale + offset, per axis (CRS units: metres for a projected CRS). */
  scale: Vector3;
  offset: Vector3;
  /** What the writer says the points span, file coordinates; not trusted (it may be zero or wrong). */
  min: Vector3;
  max: Vector3;
}

/** Bytes of the public header, by minor version: 1.3 added the waveform offset, 1.4 the EVLRs and 64-bit counts. */
const HEADER_SIZES = [227, 227, 227, 235, 375];
/** Keeps every int32 × scale + offset far inside float64 and float32 range (coordinates are never near 1e30). */
const MAX_COORDINATE = 1e30;
const TWO_31 = 2147483648;

/**
 * Parses and checks the public header of a LAS or LAZ file (1.0–1.4; 1.2–1.4 in practice). Throws a
 * `FormatError` naming the file on a missing signature, an unknown version or point format, a record length
 * shorter than its format, or a header or point offset outside the file.
 */
export function parseLasHeader(bytes: Uint8Array, fileName: string): LasHeader {
  if (bytes.length < 4 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'LASF') {
    throw new FormatError(fileName, 'not a LAS file: it does not start with "LASF"');
  }
  if (bytes.length < HEADER_SIZES[0]!) throw new FormatError(fileName, `truncated header: ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = view.getUint8(24);
  const minor = view.getUint8(25);
  const version = `${major}.${minor}`;
  const minimumSize = major === 1 ? HEADER_SIZES[minor] : undefined;
  if (minimumSize === undefined) throw new FormatError(fileName, `unsupported LAS version ${version}`);
  const headerSize = view.getUint16(94, true);
  if (headerSize < minimumSize) {
    throw new FormatError(fileName, `bad LAS header: size ${headerSize} is below ${minimumSize} for LAS ${version}`);
  }
  if (headerSize > bytes.length) throw new FormatError(fileName, `truncated header: ${bytes.length} bytes`);
  const pointOffset = view.getUint32(96, true);
  if (pointOffset < headerSize || pointOffset > bytes.length) {
    throw new FormatError(fileName, `bad LAS header: point data offset ${pointOffset} is outside the file`);
  }
  const formatByte = view.getUint8(104);
  const pointFormat = formatByte & 0x3f;
  const layout = getLasPointLayout(pointFormat);
  if (!layout) throw new FormatError(fileName, `unknown LAS point data format ${pointFormat}`);
  const recordLength = view.getUint16(105, true);
  if (recordLength < layout.standardLength) {
    throw new FormatError(
      fileName,
      `bad LAS header: record length ${recordLength} is below format ${pointFormat}'s ${layout.standardLength}`,
    );
  }
  const scale = readVector(view, 131);
  const offset = readVector(view, 155);
  checkScaling(scale, offset, fileName);
  return {
    version,
    versionMinor: minor,
    headerSize,
    pointOffset,
    vlrCount: view.getUint32(100, true),
    pointFormat,
    layout,
    compressed: (formatByte & 0xc0) !== 0,
    recordLength,
    pointCount: readPointCount(view, minor),
    scale,
    offset,
    // Stored max x, min x, max y, min y, max z, min z.
    min: [view.getFloat64(187, true), view.getFloat64(203, true), view.getFloat64(219, true)],
    max: [view.getFloat64(179, true), view.getFloat64(195, true), view.getFloat64(211, true)],
  };
}

function readVector(view: DataView, at: number): Vector3 {
  return [view.getFloat64(at, true), view.getFloat64(at + 8, true), view.getFloat64(at + 16, true)];
}

/** Refuses a scale or offset that would put coordinates at zero spacing, NaN or beyond float range. */
function checkScaling(scale: Vector3, offset: Vector3, fileName: string): void {
  for (let axis = 0; axis < 3; axis++) {
    const s = scale[axis]!;
    const o = offset[axis]!;
    if (!(s !== 0 && Math.abs(s) * TWO_31 + Math.abs(o) < MAX_COORDINATE)) {
      throw new FormatError(fileName, `bad LAS header: ${'xyz'[axis]} scale ${s} and offset ${o} are not usable`);
    }
  }
}

/** LAS 1.4 has a 64-bit count (the legacy one is 0 for formats 6–10 and beyond 2^32 points). */
function readPointCount(view: DataView, minor: number): number {
  const legacy = view.getUint32(107, true);
  if (minor < 4) return legacy;
  const count = view.getUint32(251, true) * 4294967296 + view.getUint32(247, true);
  return count > 0 ? count : legacy;
}
