import {
  CompressionType,
  Precision,
  setCompressionCodec,
  tableFromIPC,
  Type,
  type Column,
  type DataType,
  type Table,
} from '@uwdata/flechette';
import { FormatError } from './format-error';
import { lz4FrameCodec } from './lz4-frame-codec';
import type { ScalarType } from './scalar-type';

/** A column's stored number type: the scalar types plus Arrow's half float (AV2 stores sweep x y z so). */
export type FeatherNumberType = ScalarType | 'float16';

/** "ARROW1": the first bytes of an Arrow IPC file, which a Feather v2 file is. */
const ARROW_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
/** "FEA1": the first bytes of the retired Feather v1 format. */
const FEATHER_V1_MAGIC = [0x46, 0x45, 0x41, 0x31];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Reads a Feather v2 file (an Arrow IPC file, uncompressed or LZ4-frame compressed as pyarrow writes it) with
 * flechette; 64-bit integers come back as BigInt, so nanosecond timestamps stay exact. Throws a FormatError
 * naming the file: not Arrow, Feather v1, a codec other than LZ4 (`feather.codec.unsupported`), damaged data.
 */
export function readFeatherTable(bytes: Uint8Array, fileName: string): Table {
  if (!startsWith(bytes, ARROW_MAGIC)) {
    throw new FormatError(
      fileName,
      startsWith(bytes, FEATHER_V1_MAGIC)
        ? 'Feather version 1 is not read: write it again as Feather version 2 (Arrow IPC)'
        : 'not a Feather version 2 (Arrow IPC) file: it does not start with ARROW1',
    );
  }
  setCompressionCodec(CompressionType.LZ4_FRAME, lz4FrameCodec);
  // Arrow aligns every buffer to 8 bytes from the file's start; the reader's typed-array views need that
  // alignment from the start of the ArrayBuffer, which a slice of a larger buffer may not keep.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  try {
    return tableFromIPC(aligned, { useBigInt: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const codec = /compression codec "(\w+)"/.exec(reason)?.[1];
    if (codec) {
      throw new FormatError(fileName, `compressed with ${codec}, which is not read here (LZ4 is)`, {
        code: 'feather.codec.unsupported',
        values: { codec },
      });
    }
    throw new FormatError(fileName, `damaged Arrow data (${reason})`);
  }
}

/** The column `name`; a FormatError (`feather.column.missing`) naming the file and the column if there is none. */
export function requireColumn(table: Table, name: string, fileName: string): Column<unknown> {
  const column = table.getChild(name) as Column<unknown> | undefined;
  if (!column) {
    const has = table.names.join(', ') || 'none';
    throw new FormatError(fileName, `no column ${name}; the file has: ${has}`, {
      code: 'feather.column.missing',
      values: { column: name },
    });
  }
  return column;
}

/** How a number column is stored, or undefined for a column of anything else (text, lists, booleans). */
export function numberTypeOf(type: DataType): FeatherNumberType | undefined {
  if (type.typeId === Type.Float) {
    return type.precision === Precision.HALF ? 'float16' : type.precision === Precision.SINGLE ? 'float32' : 'float64';
  }
  if (type.typeId === Type.Int) return `${type.signed ? 'int' : 'uint'}${type.bitWidth}` as ScalarType;
  return undefined;
}

let halfFloats: Float32Array | undefined;

/** Every float16 bit pattern's value (256 KiB, made once): a lookup beats decoding sign, exponent and mantissa. */
function halfFloatTable(): Float32Array {
  if (halfFloats) return halfFloats;
  halfFloats = new Float32Array(65536);
  for (let bits = 0; bits < 65536; bits++) {
    const exponent = (bits >> 10) & 0x1f;
    const fraction = bits & 0x3ff;
    const sign = bits & 0x8000 ? -1 : 1;
    halfFloats[bits] =
      exponent === 0x1f
        ? fraction
          ? NaN
          : sign * Infinity
        : exponent === 0
          ? sign * fraction * 2 ** -24
          : sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
  }
  return halfFloats;
}

/**
 * Writes a number column as float32 into `out[offset + i * stride]` for every row i, batch by batch from the
 * stored arrays (no per-value objects); a null row gets `nullValue`. Throws a FormatError naming the file for
 * a column that holds no numbers or whose stored values are fewer than its rows.
 */
export function decodeNumberColumn(
  column: Column<unknown>,
  name: string,
  out: Float32Array,
  offset: number,
  stride: number,
  nullValue: number,
  fileName: string,
): void {
  const type = numberTypeOf(column.type);
  if (!type) throw new FormatError(fileName, `column ${name} does not hold numbers`);
  const half = type === 'float16' ? halfFloatTable() : undefined;
  let w = offset;
  for (const batch of column.data) {
    const n = batch.length;
    const values = batch.values;
    if (!values || values.length < n) throw new FormatError(fileName, `column ${name} holds fewer values than rows`);
    const start = w;
    if (half) {
      const bits = values as Uint16Array;
      for (let i = 0; i < n; i++, w += stride) out[w] = half[bits[i]!]!;
    } else if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
      for (let i = 0; i < n; i++, w += stride) out[w] = Number(values[i]!);
    } else {
      const numbers = values as Exclude<typeof values, BigInt64Array | BigUint64Array>;
      for (let i = 0; i < n; i++, w += stride) out[w] = numbers[i]!;
    }
    if (batch.nullCount > 0) {
      for (let i = 0; i < n; i++) if (!batch.isValid(i)) out[start + i * stride] = nullValue;
    }
  }
}

/** A small table's number column as float64 values (calibrations, poses, boxes); a null is a FormatError. */
export function readNumbers(table: Table, name: string, fileName: string): number[] {
  return readValues(table, name, fileName, 'number', (v) =>
    typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined,
  );
}

/** An integer column as exact BigInts (nanosecond timestamps past 2^53); a null or a fraction is a FormatError. */
export function readBigInts(table: Table, name: string, fileName: string): bigint[] {
  return readValues(table, name, fileName, 'whole number', (v) =>
    typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : undefined,
  );
}

/** A text column (plain or dictionary-encoded); a null is a FormatError. */
export function readStrings(table: Table, name: string, fileName: string): string[] {
  return readValues(table, name, fileName, 'text', (v) => (typeof v === 'string' ? v : undefined));
}

function readValues<T>(
  table: Table,
  name: string,
  fileName: string,
  kind: string,
  convert: (v: unknown) => T | undefined,
): T[] {
  const out: T[] = [];
  for (const value of requireColumn(table, name, fileName)) {
    const converted = convert(value);
    if (converted === undefined) {
      throw new FormatError(fileName, `column ${name}: ${String(value)} is not ${kind === 'text' ? '' : 'a '}${kind}`, {
        place: `row ${out.length}`,
      });
    }
    out.push(converted);
  }
  return out;
}
