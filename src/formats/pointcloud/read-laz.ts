import { checkLazChunks } from './check-laz-chunks';
import { decodeLasPoints, type LasPointCloud } from './decode-las-points';
import { decompressLaz } from './decompress-laz';
import { findLaszipVlr } from './find-laszip-vlr';
import { FormatError } from './format-error';
import { parseLasHeader } from './las-header';
import { readLas } from './read-las';

/** The point formats laz-perf decompresses; 4, 5, 9 and 10 carry waveform packets it has no decoder for. */
const LAZ_FORMATS = new Set([0, 1, 2, 3, 6, 7, 8]);

/**
 * Reads a LAZ file (LASzip-compressed LAS 1.2–1.4, point formats 0–3 and 6–8) with laz-perf, loaded on the
 * first call; the result is as `readLas` gives it, with format 'laz'. A `.laz` file whose points are not
 * compressed is read as LAS. Throws a `FormatError` naming `fileName` on a missing LASzip VLR, a waveform
 * format, a chunk table outside the file, a point count the data cannot hold, or data laz-perf rejects.
 */
export async function readLaz(bytes: Uint8Array, fileName = 'cloud.laz'): Promise<LasPointCloud> {
  const header = parseLasHeader(bytes, fileName);
  if (!header.compressed) return readLas(bytes, fileName);
  const vlr = findLaszipVlr(bytes, header, fileName);
  if (!vlr) throw new FormatError(fileName, 'the point format says compressed, but there is no LASzip VLR');
  if (!LAZ_FORMATS.has(header.pointFormat)) {
    throw new FormatError(fileName, `LAZ point format ${header.pointFormat} (waveform packets) is not supported`);
  }
  const compressor = header.pointFormat <= 5 ? 2 : 3;
  if (vlr.compressor !== compressor) {
    throw new FormatError(
      fileName,
      `LASzip compressor ${vlr.compressor} does not fit point format ${header.pointFormat} (expected ${compressor})`,
    );
  }
  if (header.pointCount === 0) return decodeLasPoints(new DataView(new ArrayBuffer(0)), header, 0, 'laz');
  checkLazChunks(bytes, header, vlr, fileName);
  const records = await decompressLaz(bytes, header, fileName);
  return decodeLasPoints(new DataView(records.buffer), header, header.pointCount, 'laz');
}
