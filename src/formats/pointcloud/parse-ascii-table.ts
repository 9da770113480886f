import { FormatError } from './format-error';
import { parseDecimal } from './parse-decimal';

/** Numbers read from text, one row per point, `columns` values a row, as float64 in host byte order. */
export interface AsciiTable {
  values: Float64Array;
  /** Byte offset just past the last row read. */
  end: number;
}

/**
 * Reads `rows` lines of `columns` whitespace-separated numbers from `bytes`, starting at `start`. Blank lines
 * are skipped. A line with another number of values, a value that is not a number, or too few lines throw a
 * `FormatError` naming the file and the point.
 */
export function parseAsciiTable(
  bytes: Uint8Array,
  start: number,
  rows: number,
  columns: number,
  fileName: string,
): AsciiTable {
  const n = bytes.length;
  // Each value takes at least a digit and a separator: refuse a header count the text cannot hold before
  // allocating for it.
  if (rows * columns > (n - start + 1) / 2) {
    throw new FormatError(fileName, `truncated: ${rows} points of ${columns} values cannot fit in the text`);
  }
  const values = new Float64Array(rows * columns);
  let p = start;
  let row = 0;
  while (row < rows && p < n) {
    let column = 0;
    let w = row * columns;
    for (;;) {
      let c = bytes[p];
      while (c === 32 || c === 9 || c === 13) c = bytes[++p]; // space, tab, CR
      if (c === undefined || c === 10) break;
      const tokenStart = p;
      while (c !== undefined && c !== 32 && c !== 9 && c !== 13 && c !== 10) c = bytes[++p];
      if (column < columns) {
        const value = parseDecimal(bytes, tokenStart, p);
        if (value === undefined) {
          const token = String.fromCharCode(...bytes.subarray(tokenStart, Math.min(p, tokenStart + 40)));
          throw new FormatError(fileName, `point ${row + 1} has a value that is not a number: "${token}"`);
        }
        values[w++] = value;
      }
      column++;
    }
    p++; // past the newline
    if (column === 0) continue;
    if (column !== columns) {
      throw new FormatError(fileName, `point ${row + 1} has ${column} values, expected ${columns}`);
    }
    row++;
  }
  if (row < rows) throw new FormatError(fileName, `truncated: ${row} of ${rows} points present in the text`);
  return { values, end: Math.min(p, n) };
}
