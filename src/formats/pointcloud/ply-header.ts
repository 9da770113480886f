import { FormatError } from './format-error';
import { readHeaderLine } from './read-header-line';
import type { ScalarType } from './scalar-type';

export type PlyEncoding = 'ascii' | 'binary_little_endian' | 'binary_big_endian';

/** A property of a PLY element: a scalar, or a list (a count of `countType`, then that many `type` values). */
export interface PlyProperty {
  name: string;
  type: ScalarType;
  countType: ScalarType | undefined;
}

export interface PlyElement {
  name: string;
  count: number;
  properties: PlyProperty[];
}

export interface PlyHeader {
  encoding: PlyEncoding;
  elements: PlyElement[];
  /** Byte offset of the first data byte, just past `end_header`. */
  dataOffset: number;
}

const TYPES: Record<string, ScalarType | undefined> = {
  char: 'int8',
  uchar: 'uint8',
  short: 'int16',
  ushort: 'uint16',
  int: 'int32',
  uint: 'uint32',
  float: 'float32',
  double: 'float64',
  int8: 'int8',
  uint8: 'uint8',
  int16: 'int16',
  uint16: 'uint16',
  int32: 'int32',
  uint32: 'uint32',
  float32: 'float32',
  float64: 'float64',
};

/** Parses a PLY header from the `ply` magic line to `end_header`; comments and obj_info lines are skipped. */
export function parsePlyHeader(bytes: Uint8Array, fileName: string): PlyHeader {
  const first = readHeaderLine(bytes, 0, 1, fileName);
  if (first?.text.trim() !== 'ply') throw new FormatError(fileName, 'not a PLY file: the first line is not "ply"');
  let encoding: PlyEncoding | undefined;
  const elements: PlyElement[] = [];
  let offset = first.next;
  for (let number = 2; ; number++) {
    const line = readHeaderLine(bytes, offset, number, fileName);
    if (!line) throw new FormatError(fileName, 'truncated header: no end_header line');
    offset = line.next;
    const words = line.text.trim().split(/\s+/);
    const bad = () => new FormatError(fileName, `bad PLY header line ${number}: "${line.text.slice(0, 80)}"`);
    switch (words[0]) {
      case 'end_header':
        if (!encoding) throw new FormatError(fileName, 'bad PLY header: no format line');
        return { encoding, elements, dataOffset: offset };
      case 'comment':
      case 'obj_info':
      case '':
        continue;
      case 'format':
        if (words[1] !== 'ascii' && words[1] !== 'binary_little_endian' && words[1] !== 'binary_big_endian') {
          throw bad();
        }
        encoding = words[1];
        continue;
      case 'element': {
        const count = Number(words[2]);
        if (words.length !== 3 || !Number.isSafeInteger(count) || count < 0) throw bad();
        elements.push({ name: words[1]!, count, properties: [] });
        continue;
      }
      case 'property': {
        const element = elements.at(-1);
        const isList = words[1] === 'list';
        const countType = isList ? TYPES[words[2]!] : undefined;
        const type = TYPES[words[isList ? 3 : 1]!];
        if (!element || !type || (isList && !countType) || words.length !== (isList ? 5 : 3)) throw bad();
        element.properties.push({ name: words.at(-1)!, type, countType });
        continue;
      }
      default:
        throw bad();
    }
  }
}
