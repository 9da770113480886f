import { HOST_LITTLE_ENDIAN } from './decode-column';
import { decompressLzf } from './decompress-lzf';
import { FormatError } from './format-error';
import { parseAsciiTable } from './parse-ascii-table';
import type { PcdHeader } from './pcd-header';
import type { RecordTable, TableColumn } from './record-table';
import { getScalarSize } from './scalar-type';

/** Bytes of PCL's binary_compressed preamble: uint32 compressed size, uint32 uncompressed size. */
const COMPRESSED_PREAMBLE = 8;
/** The longest LZF token, 3 bytes, repeats 264: no stream expands more than 88 times. */
const MAX_LZF_EXPANSION = 88;

/**
 * Makes the data section of a PCD readable column by column. The point count always comes from the header:
 * bytes after the last point (PCL pads to a page) are ignored, missing bytes are an error. A field with
 * COUNT > 1 contributes its first element; COUNT 0 fields take no space and give no column. PCD binary data
 * is little-endian (PCL writes x86 memory as is).
 */
export function openPcdData(bytes: Uint8Array, header: PcdHeader, fileName: string): RecordTable {
  switch (header.encoding) {
    case 'ascii':
      return openAscii(bytes, header, fileName);
    case 'binary':
      return openBinary(bytes, header, fileName);
    case 'binary_compressed':
      return openCompressed(bytes, header, fileName);
  }
}

function getPointSize(header: PcdHeader): number {
  return header.fields.reduce((sum, f) => sum + getScalarSize(f.type) * f.count, 0);
}

function openBinary(bytes: Uint8Array, header: PcdHeader, fileName: string): RecordTable {
  const stride = getPointSize(header);
  const needed = header.points * stride;
  const available = bytes.length - header.dataOffset;
  if (available < needed) {
    throw new FormatError(fileName, `truncated: ${header.points} points need ${needed} bytes, ${available} present`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataOffset, needed);
  const columns: TableColumn[] = [];
  let offset = 0;
  for (const field of header.fields) {
    if (field.count > 0)
      columns.push({ name: field.name, fileType: field.type, layout: { type: field.type, base: offset, stride } });
    offset += getScalarSize(field.type) * field.count;
  }
  return { view, littleEndian: true, count: header.points, columns, fromText: false };
}

function openCompressed(bytes: Uint8Array, header: PcdHeader, fileName: string): RecordTable {
  const start = header.dataOffset;
  if (bytes.length < start + COMPRESSED_PREAMBLE) throw new FormatError(fileName, 'truncated: no compressed sizes');
  const sizes = new DataView(bytes.buffer, bytes.byteOffset + start, COMPRESSED_PREAMBLE);
  const compressedSize = sizes.getUint32(0, true);
  const uncompressedSize = sizes.getUint32(4, true);
  const expected = header.points * getPointSize(header);
  if (uncompressedSize !== expected) {
    throw new FormatError(
      fileName,
      `uncompressed size ${uncompressedSize} should be ${expected} for ${header.points} points`,
    );
  }
  const dataStart = start + COMPRESSED_PREAMBLE;
  if (bytes.length < dataStart + compressedSize) {
    throw new FormatError(
      fileName,
      `truncated: compressed size ${compressedSize}, ${bytes.length - dataStart} bytes present`,
    );
  }
  // Checked before allocating: the two sizes and POINTS can agree on 4 GiB in a file of a few bytes.
  if (uncompressedSize > compressedSize * MAX_LZF_EXPANSION) {
    throw new FormatError(
      fileName,
      `corrupt compressed data: ${compressedSize} bytes of LZF cannot hold ${uncompressedSize} bytes`,
    );
  }
  const block = new Uint8Array(uncompressedSize);
  let written: number;
  try {
    written = decompressLzf(bytes.subarray(dataStart, dataStart + compressedSize), block);
  } catch (error) {
    throw new FormatError(fileName, `corrupt compressed data (${(error as Error).message})`);
  }
  if (written !== uncompressedSize) {
    throw new FormatError(fileName, `compressed data gives ${written} bytes, header says ${uncompressedSize}`);
  }
  // PCL stores each field for all points before the next field: x0 x1 … y0 y1 …
  const columns: TableColumn[] = [];
  let offset = 0;
  for (const field of header.fields) {
    const stride = getScalarSize(field.type) * field.count;
    if (field.count > 0)
      columns.push({ name: field.name, fileType: field.type, layout: { type: field.type, base: offset, stride } });
    offset += stride * header.points;
  }
  return { view: new DataView(block.buffer), littleEndian: true, count: header.points, columns, fromText: false };
}

function openAscii(bytes: Uint8Array, header: PcdHeader, fileName: string): RecordTable {
  const width = header.fields.reduce((sum, f) => sum + f.count, 0);
  const { values } = parseAsciiTable(bytes, header.dataOffset, header.points, width, fileName);
  const columns: TableColumn[] = [];
  let token = 0;
  for (const field of header.fields) {
    if (field.count > 0) {
      columns.push({
        name: field.name,
        fileType: field.type,
        layout: { type: 'float64', base: token * 8, stride: width * 8 },
      });
    }
    token += field.count;
  }
  return {
    view: new DataView(values.buffer),
    littleEndian: HOST_LITTLE_ENDIAN,
    count: header.points,
    columns,
    fromText: true,
  };
}
