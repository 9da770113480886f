import { decodeLasPoints, type LasPointCloud } from './decode-las-points';
import { FormatError } from './format-error';
import { parseLasHeader, type LasHeader } from './las-header';

/**
 * Reads an uncompressed LAS 1.0–1.4 file, point data formats 0–10 (extra bytes allowed). Positions are the
 * file's coordinates minus `origin` (the header's bounds centre, whole metres) as float32, so that UTM-sized
 * coordinates keep centimetres; see `decodeLasPoints` for the attributes. A compressed file (LAZ) is refused
 * with a pointer to `readLaz`. Throws `FormatError` naming `fileName` on anything unreadable.
 */
export function readLas(bytes: Uint8Array, fileName = 'cloud.las'): LasPointCloud {
  const header = parseLasHeader(bytes, fileName);
  if (header.compressed) {
    throw new FormatError(fileName, 'the points are LASzip-compressed (LAZ): read it with readLaz');
  }
  return decodeLasPoints(openLasRecords(bytes, header, fileName), header, header.pointCount, 'las');
}

/** A view of exactly `pointCount` records after the point offset, or a `FormatError` when they are not all there. */
export function openLasRecords(bytes: Uint8Array, header: LasHeader, fileName: string): DataView {
  const { pointCount, recordLength, pointOffset } = header;
  const available = bytes.length - pointOffset;
  // Compared as a quotient: the product of a 64-bit count and the length may not be an exact double.
  if (pointCount > available / recordLength) {
    throw new FormatError(
      fileName,
      `truncated: ${pointCount} points of ${recordLength} bytes need ${pointCount * recordLength} bytes, ${available} present`,
    );
  }
  return new DataView(bytes.buffer, bytes.byteOffset + pointOffset, pointCount * recordLength);
}
