import { allocateFloat32 } from './float32-pool';
import type { RecordTable, TableColumn } from './record-table';

/** Channels of a packed colour, 0–255 each, `count` values a channel. */
export interface UnpackedColor {
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
  /** Only for `rgba` fields; PCL's `rgb` carries an alpha byte that is usually 0 or 255 and means nothing. */
  a: Float32Array | undefined;
}

/** True for a 4-byte field named `rgb` or `rgba`: PCL's packed 0xAARRGGBB colour, stored as U4, I4 or F4. */
export function isPackedColor(column: TableColumn): boolean {
  const name = column.name.toLowerCase();
  const fourBytes = column.fileType === 'uint32' || column.fileType === 'int32' || column.fileType === 'float32';
  return fourBytes && (name === 'rgb' || name === 'rgba');
}

const floatBits = new Float32Array(1);
const intBits = new Uint32Array(floatBits.buffer);

/**
 * Unpacks a packed colour column. Binary files hold the raw 32 bits. Text holds a number: an integer in
 * [0, 2^32) is the packed value itself (PCL writes float `rgb` that way, and so do tools that print it with
 * `%g`, which can round the low bits), anything else is a float whose bits are the packed value.
 */
export function unpackColor(table: RecordTable, column: TableColumn): UnpackedColor {
  const { view, littleEndian: le, count } = table;
  const { base, stride } = column.layout;
  const r = allocateFloat32(count);
  const g = allocateFloat32(count);
  const b = allocateFloat32(count);
  const a = column.name.toLowerCase() === 'rgba' ? allocateFloat32(count) : undefined;
  const bitsAreFloat = column.fileType === 'float32';
  for (let i = 0, o = base; i < count; i++, o += stride) {
    let packed: number;
    if (table.fromText) {
      const value = view.getFloat64(o, le);
      if (bitsAreFloat && !(Number.isInteger(value) && value >= 0 && value < 4294967296)) {
        floatBits[0] = value;
        packed = intBits[0]!;
      } else packed = value >>> 0;
    } else packed = view.getUint32(o, le);
    r[i] = (packed >>> 16) & 255;
    g[i] = (packed >>> 8) & 255;
    b[i] = packed & 255;
    if (a) a[i] = packed >>> 24;
  }
  return { r, g, b, a };
}
