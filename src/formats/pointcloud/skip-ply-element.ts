import { FormatError } from './format-error';
import type { PlyElement } from './ply-header';
import { getScalarSize, type ScalarType } from './scalar-type';

/**
 * Returns the byte offset just past all records of a binary PLY element that starts at `offset`. Elements
 * of scalars are skipped by arithmetic; elements with lists (faces) are walked record by record.
 */
export function skipBinaryPlyElement(
  view: DataView,
  littleEndian: boolean,
  offset: number,
  element: PlyElement,
  fileName: string,
): number {
  const truncated = () => new FormatError(fileName, `truncated: element ${element.name} runs past the end`);
  if (element.properties.every((p) => p.countType === undefined)) {
    const end = offset + element.count * element.properties.reduce((s, p) => s + getScalarSize(p.type), 0);
    if (end > view.byteLength) throw truncated();
    return end;
  }
  let o = offset;
  for (let i = 0; i < element.count; i++) {
    for (const property of element.properties) {
      if (property.countType === undefined) {
        o += getScalarSize(property.type);
        continue;
      }
      if (o + getScalarSize(property.countType) > view.byteLength) throw truncated();
      const length = readListLength(view, o, property.countType, littleEndian);
      o += getScalarSize(property.countType) + length * getScalarSize(property.type);
    }
  }
  if (o > view.byteLength) throw truncated();
  return o;
}

function readListLength(view: DataView, offset: number, type: ScalarType, le: boolean): number {
  switch (type) {
    case 'uint8':
    case 'int8':
      return view.getUint8(offset);
    case 'uint16':
    case 'int16':
      return view.getUint16(offset, le);
    default:
      return view.getUint32(offset, le);
  }
}

/** Returns the byte offset just past the records of an ASCII PLY element, one non-blank line each. */
export function skipAsciiPlyElement(bytes: Uint8Array, offset: number, element: PlyElement, fileName: string): number {
  let p = offset;
  for (let skipped = 0; skipped < element.count;) {
    if (p >= bytes.length) throw new FormatError(fileName, `truncated: element ${element.name} has too few lines`);
    let blank = true;
    for (; p < bytes.length && bytes[p] !== 10; p++) if (bytes[p]! > 32) blank = false;
    p++;
    if (!blank) skipped++;
  }
  return p;
}
