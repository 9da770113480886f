import { FormatError } from './format-error';
import type { PointField } from './decoded-point-cloud';
import { readHeaderLine } from './read-header-line';
import type { ScalarType } from './scalar-type';

export type PcdEncoding = 'ascii' | 'binary' | 'binary_compressed';

/** A parsed PCD header (VERSION .5 to .7). */
export interface PcdHeader {
  version: string | undefined;
  fields: PointField[];
  width: number;
  height: number;
  points: number;
  /** tx ty tz qw qx qy qz as written; nothing is applied to the points. */
  viewpoint: number[] | undefined;
  encoding: PcdEncoding;
  /** Byte offset of the first data byte, just past the DATA line. */
  dataOffset: number;
}

const TYPES: Record<string, ScalarType | undefined> = {
  F4: 'float32',
  F8: 'float64',
  U1: 'uint8',
  U2: 'uint16',
  U4: 'uint32',
  U8: 'uint64',
  I1: 'int8',
  I2: 'int16',
  I4: 'int32',
  I8: 'int64',
};

/**
 * Parses the header of a PCD file up to and including its DATA line. SIZE, TYPE and COUNT default to 4, F and
 * 1 when absent (as in early files); POINTS defaults to WIDTH × HEIGHT, HEIGHT to 1, WIDTH to POINTS.
 */
export function parsePcdHeader(bytes: Uint8Array, fileName: string): PcdHeader {
  const entries = new Map<string, string[]>();
  let encoding: PcdEncoding | undefined;
  let offset = 0;
  for (let number = 1; encoding === undefined; number++) {
    const line = readHeaderLine(bytes, offset, number, fileName);
    if (!line) throw new FormatError(fileName, 'truncated header: no DATA line');
    offset = line.next;
    const text = line.text.trim();
    if (text === '' || text.startsWith('#')) continue;
    const [rawKey = '', ...values] = text.split(/\s+/);
    const key = rawKey.toUpperCase() === 'COLUMNS' ? 'FIELDS' : rawKey.toUpperCase();
    if (!KNOWN_KEYS.has(key) || entries.has(key)) {
      throw new FormatError(fileName, `bad PCD header line ${number}: "${text.slice(0, 80)}"`);
    }
    entries.set(key, values);
    if (key === 'DATA') encoding = parseEncoding(values, fileName);
  }
  const names = entries.get('FIELDS');
  if (!names || names.length === 0) throw new FormatError(fileName, 'bad PCD header: no FIELDS line');
  const sizes = readList(entries.get('SIZE'), names.length, '4', 'SIZE', fileName);
  const types = readList(entries.get('TYPE'), names.length, 'F', 'TYPE', fileName);
  const counts = readList(entries.get('COUNT'), names.length, '1', 'COUNT', fileName);
  const fields = names.map((name, i): PointField => {
    const type = TYPES[`${types[i]!.toUpperCase()}${sizes[i]}`];
    const count = Number(counts[i]);
    if (!type) throw new FormatError(fileName, `bad PCD header: field ${name} has TYPE ${types[i]} SIZE ${sizes[i]}`);
    if (!Number.isInteger(count) || count < 0) {
      throw new FormatError(fileName, `bad PCD header: field ${name} has COUNT ${counts[i]}`);
    }
    return { name, type, count };
  });
  const points = readCount(entries, 'POINTS', fileName);
  const width = readCount(entries, 'WIDTH', fileName) ?? points;
  const height = readCount(entries, 'HEIGHT', fileName) ?? 1;
  if (width === undefined) throw new FormatError(fileName, 'bad PCD header: neither WIDTH nor POINTS');
  const viewpoint = entries.get('VIEWPOINT')?.map(Number);
  if (viewpoint && (viewpoint.length !== 7 || viewpoint.some((v) => !Number.isFinite(v)))) {
    throw new FormatError(fileName, 'bad PCD header: VIEWPOINT needs 7 numbers');
  }
  const version = entries.get('VERSION')?.[0];
  return { version, fields, width, height, points: points ?? width * height, viewpoint, encoding, dataOffset: offset };
}

const KNOWN_KEYS = new Set([
  'VERSION',
  'FIELDS',
  'SIZE',
  'TYPE',
  'COUNT',
  'WIDTH',
  'HEIGHT',
  'VIEWPOINT',
  'POINTS',
  'DATA',
]);

function parseEncoding(values: string[], fileName: string): PcdEncoding {
  const value = values[0]?.toLowerCase();
  if (value === 'ascii' || value === 'binary' || value === 'binary_compressed') return value;
  throw new FormatError(fileName, `bad PCD header: unknown DATA "${values.join(' ')}"`);
}

function readList(values: string[] | undefined, length: number, fallback: string, key: string, fileName: string) {
  if (!values) return new Array<string>(length).fill(fallback);
  if (values.length !== length) {
    throw new FormatError(fileName, `bad PCD header: ${key} has ${values.length} entries for ${length} FIELDS`);
  }
  return values;
}

function readCount(entries: Map<string, string[]>, key: string, fileName: string): number | undefined {
  const values = entries.get(key);
  if (!values) return undefined;
  const value = Number(values[0]);
  if (values.length !== 1 || !Number.isSafeInteger(value) || value < 0) {
    throw new FormatError(fileName, `bad PCD header: ${key} "${values.join(' ')}" is not a count`);
  }
  return value;
}
