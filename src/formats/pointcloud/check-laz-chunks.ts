import { VARIABLE_CHUNK_SIZE, type LaszipVlr } from './find-laszip-vlr';
import { FormatError } from './format-error';
import type { LasHeader } from './las-header';

/**
 * Real scans compress to 2–10 bytes a point. A header count beyond 64 points a compressed byte (1/8 bit a
 * point) is taken as corrupt rather than decoded: laz-perf would happily decode garbage for ever.
 */
const MAX_POINTS_PER_BYTE = 64;
/** Layers of a LAS 1.4 point (channel/returns/XY, Z, class, flags, intensity, scan angle, user data, source, time). */
const POINT14_LAYERS = 9;

/**
 * Checks what can be checked of a LAZ file's chunks before laz-perf sees them, so that a corrupt or truncated
 * file fails with a clear `FormatError` instead of decoding garbage or making laz-perf allocate gigabytes.
 *
 * LASzip puts an int64 offset to its chunk table where the points would start, the chunks after it, and the
 * table (uint32 version 0, uint32 chunk count, arithmetic-coded sizes) at the end, so truncation loses it.
 * Layered chunks (formats 6–10) are walked: each is its first point raw, a uint32 point count, a uint32 byte
 * size per layer, then the layers. Pointwise chunks (formats 0–5) are one arithmetic-coded stream whose end
 * only decoding finds.
 */
export function checkLazChunks(bytes: Uint8Array, header: LasHeader, vlr: LaszipVlr, fileName: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunksStart = header.pointOffset + 8;
  if (chunksStart > bytes.length) throw new FormatError(fileName, 'truncated: no chunk table offset');
  const low = view.getUint32(header.pointOffset, true);
  const high = view.getUint32(header.pointOffset + 4, true);
  if (low === 0xffffffff && high === 0xffffffff) {
    throw new FormatError(fileName, 'no chunk table (a streamed LAZ file): not supported');
  }
  const tableOffset = high * 4294967296 + low;
  if (tableOffset < chunksStart || tableOffset + 8 > bytes.length) {
    throw new FormatError(fileName, `truncated or corrupt: the chunk table at byte ${tableOffset} is outside the file`);
  }
  const version = view.getUint32(tableOffset, true);
  const chunks = view.getUint32(tableOffset + 4, true);
  const compressedBytes = tableOffset - chunksStart;
  // Each chunk starts with its first point stored raw.
  if (version !== 0 || chunks === 0 || chunks > compressedBytes / header.recordLength) {
    throw new FormatError(fileName, `corrupt chunk table: version ${version}, ${chunks} chunks`);
  }
  const count = header.pointCount;
  const fixedSize = vlr.chunkSize !== VARIABLE_CHUNK_SIZE;
  if ((fixedSize && count > chunks * vlr.chunkSize) || count > compressedBytes * MAX_POINTS_PER_BYTE) {
    throw new FormatError(
      fileName,
      `corrupt: ${count} points cannot be in ${chunks} chunks of ${compressedBytes} bytes`,
    );
  }
  if (header.pointFormat >= 6) walkLayeredChunks(view, header, vlr, chunksStart, tableOffset, chunks, fileName);
}

function walkLayeredChunks(
  view: DataView,
  header: LasHeader,
  vlr: LaszipVlr,
  start: number,
  end: number,
  chunks: number,
  fileName: string,
): void {
  const { pointFormat, recordLength } = header;
  const extraBytes = recordLength - header.layout.standardLength;
  const layers = POINT14_LAYERS + (pointFormat >= 7 ? 1 : 0) + (pointFormat === 8 ? 1 : 0) + extraBytes;
  let points = 0;
  let at = start;
  for (let chunk = 1; chunk <= chunks && points < header.pointCount; chunk++) {
    const sizesAt = at + recordLength + 4;
    if (sizesAt + layers * 4 > end) throw corrupt(fileName, chunk, 'runs into the chunk table');
    const inChunk = view.getUint32(at + recordLength, true);
    if (inChunk === 0 || (vlr.chunkSize !== VARIABLE_CHUNK_SIZE && inChunk > vlr.chunkSize)) {
      throw corrupt(fileName, chunk, `says it holds ${inChunk} points`);
    }
    let size = 0;
    for (let layer = 0; layer < layers; layer++) size += view.getUint32(sizesAt + layer * 4, true);
    at = sizesAt + layers * 4 + size;
    if (at > end) throw corrupt(fileName, chunk, `has ${size} bytes of layers, more than the file holds`);
    points += inChunk;
  }
  if (points < header.pointCount) {
    throw new FormatError(fileName, `corrupt: the chunks hold ${points} points, the header says ${header.pointCount}`);
  }
}

function corrupt(fileName: string, chunk: number, problem: string): FormatError {
  return new FormatError(fileName, `corrupt LAZ chunk ${chunk}: ${problem}`);
}
