import { compactAttribute, compactValidPoints, trimPositions } from './compact-valid-points';
import { decodeColumn, HOST_LITTLE_ENDIAN } from './decode-column';
import type { DecodedPointCloud, PointField } from './decoded-point-cloud';
import { allocateFloat32 } from './float32-pool';
import { FormatError } from './format-error';
import { readInterleavedRecords } from './read-interleaved-records';

/**
 * Reads a headerless file of little-endian float32 records whose first three values are x y z (metres,
 * sensor frame) and whose others become the named attributes: the records as they are, viewed in place
 * (`readInterleavedRecords`). Points with a NaN/±Inf coordinate or at (0, 0, 0) are dropped, as in every
 * reader (real KITTI and nuScenes sweeps have none); a file that has any is de-interleaved and compacted.
 * `owned`: see `readInterleavedRecords` (the records may view `bytes` instead of a copy).
 */
export function readFloatRecords(
  bytes: Uint8Array,
  fileName: string,
  format: DecodedPointCloud['format'],
  attributeNames: readonly string[],
  owned = false,
): DecodedPointCloud {
  const floats = 3 + attributeNames.length;
  const stride = floats * 4;
  if (bytes.byteLength % stride !== 0) {
    throw new FormatError(fileName, `${bytes.byteLength} bytes is not a whole number of ${stride}-byte points`);
  }
  const count = bytes.byteLength / stride;
  const fields = ['x', 'y', 'z', ...attributeNames].map((name): PointField => ({ name, type: 'float32', count: 1 }));
  // The records as they are (one copy), unless a point must be dropped: then the copying reader below.
  const attributes = attributeNames.map((name, j) => ({ name, offset: 3 + j }));
  const records = readInterleavedRecords(bytes, { start: 0, count, stride: floats, x: 0, attributes }, owned);
  if (records) return { ...records, format, fields, invalidCount: 0 };
  const positions = allocateFloat32(count * 3);
  const columns = attributeNames.map(() => allocateFloat32(count));
  if (HOST_LITTLE_ENDIAN) {
    // A float view over the file (copied once if it does not start on a 4-byte boundary), one pass a column.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const src = new Float32Array(aligned.buffer, aligned.byteOffset, count * floats);
    for (let r = 0, w = 0, end = count * 3; w < end; r += floats, w += 3) {
      positions[w] = src[r]!;
      positions[w + 1] = src[r + 1]!;
      positions[w + 2] = src[r + 2]!;
    }
    for (let j = 0; j < columns.length; j++) copyFloatColumn(src, 3 + j, floats, count, columns[j]!);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let j = 0; j < floats; j++) {
      const layout = { type: 'float32' as const, base: j * 4, stride };
      if (j < 3) decodeColumn(view, true, layout, count, positions, j, 3);
      else decodeColumn(view, true, layout, count, columns[j - 3]!, 0, 1);
    }
  }
  const kept = compactValidPoints(positions, count);
  return {
    count: kept.count,
    positions: trimPositions(positions, kept),
    attributes: Object.fromEntries(attributeNames.map((name, j) => [name, compactAttribute(columns[j]!, kept)])),
    bounds: kept.bounds,
    format,
    fields,
    invalidCount: count - kept.count,
  };
}

/** Kept out of `readFloatRecords` so that no closure captures the arrays and V8 keeps them in registers. */
function copyFloatColumn(src: Float32Array, first: number, step: number, count: number, out: Float32Array): void {
  for (let i = 0, r = first; i < count; i++, r += step) out[i] = src[r]!;
}
