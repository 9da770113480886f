import { FormatError } from './format-error';
import type { LasHeader } from './las-header';

/** What LASzip's VLR (user "laszip encoded", record 22204) says about the compressed points. */
export interface LaszipVlr {
  /** 2: pointwise chunked (formats 0–5); 3: layered chunked (formats 6–10). 0 (none) and 1 are not in use. */
  compressor: number;
  /** Points a chunk, or 0xFFFFFFFF for chunks of varying size. */
  chunkSize: number;
}

export const VARIABLE_CHUNK_SIZE = 0xffffffff;
/** Reserved u16, user id [16], record id u16, record length u16, description [32]. */
const VLR_HEADER_BYTES = 54;

/**
 * Walks the VLRs after the public header and returns LASzip's, or undefined when the file has none. Throws a
 * `FormatError` when a VLR runs past the point data (a corrupt count or length).
 */
export function findLaszipVlr(bytes: Uint8Array, header: LasHeader, fileName: string): LaszipVlr | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = header.headerSize;
  // Every VLR takes at least its header, so the loop ends within the bytes whatever the count says.
  for (let i = 0; i < header.vlrCount; i++) {
    if (at + VLR_HEADER_BYTES > header.pointOffset) {
      throw new FormatError(fileName, `bad LAS header: VLR ${i + 1} of ${header.vlrCount} runs into the point data`);
    }
    const userId = readText(bytes, at + 2, 16);
    const recordId = view.getUint16(at + 18, true);
    const length = view.getUint16(at + 20, true);
    const data = at + VLR_HEADER_BYTES;
    if (data + length > header.pointOffset) {
      throw new FormatError(fileName, `bad LAS header: VLR ${i + 1} (${userId}) runs into the point data`);
    }
    if (userId === 'laszip encoded' && recordId === 22204) {
      if (length < 16) throw new FormatError(fileName, `bad LASzip VLR: ${length} bytes`);
      return { compressor: view.getUint16(data, true), chunkSize: view.getUint32(data + 12, true) };
    }
    at = data + length;
  }
  return undefined;
}

/** A NUL-padded ASCII field. */
function readText(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  for (let i = start; i < start + length && bytes[i] !== 0; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}
