import { FormatError } from './format-error';

/** One header line as text, with its 1-based number and the byte offset just past its newline. */
export interface HeaderLine {
  text: string;
  number: number;
  next: number;
}

/** No header line of a real PCD or PLY comes near this; past it the bytes are not a header. */
const MAX_LINE_BYTES = 65536;

/**
 * Reads the text line that starts at byte `start` (LF or CRLF endings, Latin-1 text), or undefined at the end
 * of the bytes. Used by the PCD and PLY header parsers, which stop at their own last header line.
 */
export function readHeaderLine(
  bytes: Uint8Array,
  start: number,
  number: number,
  fileName: string,
): HeaderLine | undefined {
  if (start >= bytes.length) return undefined;
  const limit = Math.min(bytes.length, start + MAX_LINE_BYTES);
  let end = start;
  while (end < limit && bytes[end] !== 10) end++;
  if (end === limit && limit < bytes.length) {
    throw new FormatError(fileName, `header line ${number} is longer than ${MAX_LINE_BYTES} bytes`);
  }
  const textEnd = end > start && bytes[end - 1] === 13 ? end - 1 : end;
  let text = '';
  for (let i = start; i < textEnd; i++) text += String.fromCharCode(bytes[i]!);
  return { text, number, next: end + 1 };
}
