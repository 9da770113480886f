import { assertXyz } from './assert-xyz';
import { HOST_LITTLE_ENDIAN } from './decode-column';
import type { DecodedPointCloud } from './decoded-point-cloud';
import { decodeRecords } from './decode-records';
import { FormatError } from './format-error';
import { parseAsciiTable } from './parse-ascii-table';
import { parsePlyHeader, type PlyElement, type PlyHeader } from './ply-header';
import type { RecordTable, TableColumn } from './record-table';
import { getScalarSize } from './scalar-type';
import { skipAsciiPlyElement, skipBinaryPlyElement } from './skip-ply-element';

/** PLY's colour names, renamed so that every reader gives the renderer the same `r g b a` (0–255). */
const COLOR_NAMES: Record<string, string | undefined> = { red: 'r', green: 'g', blue: 'b', alpha: 'a' };

/**
 * Reads the `vertex` element of a PLY file (ascii, binary_little_endian or binary_big_endian) as a cloud in
 * the file's frame. Every scalar vertex property becomes a float32 attribute named after it (`red green blue
 * alpha` become `r g b a`); elements before the vertices are skipped, those after are not read. Points with a
 * NaN/±Inf coordinate or at (0, 0, 0) are dropped, as for PCD. A list property inside `vertex` is refused.
 */
export function readPly(bytes: Uint8Array, fileName = 'cloud.ply'): DecodedPointCloud {
  const header = parsePlyHeader(bytes, fileName);
  const vertex = header.elements.find((e) => e.name === 'vertex');
  if (!vertex) throw new FormatError(fileName, 'no vertex element');
  const names = vertex.properties.map((p) => p.name);
  assertXyz(names, fileName);
  const list = vertex.properties.find((p) => p.countType !== undefined);
  if (list) throw new FormatError(fileName, `vertex list property ${list.name} is not supported`);
  const table =
    header.encoding === 'ascii'
      ? openAscii(bytes, header, vertex, fileName)
      : openBinary(bytes, header, vertex, fileName);
  for (const column of table.columns) column.name = COLOR_NAMES[column.name] ?? column.name;
  const records = decodeRecords(table, fileName, names);
  const fields = vertex.properties.map((p) => ({ name: p.name, type: p.type, count: 1 }));
  return { ...records, format: `ply-${header.encoding}`, fields };
}

function openBinary(bytes: Uint8Array, header: PlyHeader, vertex: PlyElement, fileName: string): RecordTable {
  const littleEndian = header.encoding === 'binary_little_endian';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = header.dataOffset;
  for (const element of header.elements) {
    if (element === vertex) break;
    offset = skipBinaryPlyElement(view, littleEndian, offset, element, fileName);
  }
  // Records are packed with no alignment: each property starts right after the previous one.
  const stride = vertex.properties.reduce((sum, p) => sum + getScalarSize(p.type), 0);
  if (offset + vertex.count * stride > bytes.length) {
    throw new FormatError(fileName, `truncated: ${vertex.count} vertices need ${vertex.count * stride} bytes`);
  }
  const columns: TableColumn[] = [];
  let base = offset;
  for (const p of vertex.properties) {
    columns.push({ name: p.name, fileType: p.type, layout: { type: p.type, base, stride } });
    base += getScalarSize(p.type);
  }
  return { view, littleEndian, count: vertex.count, columns, fromText: false };
}

function openAscii(bytes: Uint8Array, header: PlyHeader, vertex: PlyElement, fileName: string): RecordTable {
  let offset = header.dataOffset;
  for (const element of header.elements) {
    if (element === vertex) break;
    offset = skipAsciiPlyElement(bytes, offset, element, fileName);
  }
  const width = vertex.properties.length;
  const { values } = parseAsciiTable(bytes, offset, vertex.count, width, fileName);
  const columns = vertex.properties.map((p, i): TableColumn => ({
    name: p.name,
    fileType: p.type,
    layout: { type: 'float64', base: i * 8, stride: width * 8 },
  }));
  return {
    view: new DataView(values.buffer),
    littleEndian: HOST_LITTLE_ENDIAN,
    count: vertex.count,
    columns,
    fromText: true,
  };
}
