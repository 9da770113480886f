import { assertXyz } from './assert-xyz';
import type { DecodedPointCloud, OwnedBytes } from './decoded-point-cloud';
import { decodeRecords } from './decode-records';
import { openPcdData } from './open-pcd-data';
import { parsePcdHeader } from './pcd-header';
import { pcdRecordLayout } from './pcd-record-layout';
import { readInterleavedRecords } from './read-interleaved-records';

/** A PCD cloud with what its header said beyond the fields. */
export interface PcdPointCloud extends DecodedPointCloud {
  format: 'pcd-ascii' | 'pcd-binary' | 'pcd-binary_compressed';
  version: string | undefined;
  /** Organized clouds have height > 1 (e.g. 1809 × 16 for a 16-beam scan); after invalid points are dropped
   * the cloud is no longer a grid, so these say what the file was, not how `positions` is laid out. */
  width: number;
  height: number;
  /** VIEWPOINT tx ty tz qw qx qy qz as written, or undefined when absent. Not applied to the points. */
  viewpoint: number[] | undefined;
}

/**
 * Reads a PCD file (VERSION .5–.7; DATA ascii, binary or binary_compressed; any FIELDS/SIZE/TYPE/COUNT).
 * Positions stay in the file's sensor frame. `x y z` become float32 positions; other fields float32
 * attributes named after them, only the first element of a COUNT > 1 field; `_` padding fields are skipped;
 * packed `rgb`/`rgba` becomes `r g b (a)` in 0–255. Points with a NaN/±Inf coordinate or at (0, 0, 0) are
 * dropped and counted in `invalidCount`. Throws `FormatError` naming `fileName` on anything unreadable.
 * Binary data of plain float32 fields is kept as its records (`pcdRecordLayout`) unless points are dropped;
 * with `owned`, those records may view `bytes` (see `OwnedBytes`).
 */
export function readPcd(bytes: Uint8Array, fileName = 'cloud.pcd', options: OwnedBytes = {}): PcdPointCloud {
  const header = parsePcdHeader(bytes, fileName);
  const names = header.fields.map((f) => f.name);
  // Before the data is read, so that a cloud without coordinates fails fast and says so.
  assertXyz(
    header.fields.filter((f) => f.count > 0).map((f) => f.name),
    fileName,
    names,
  );
  // Checks that the data is all there before either reader runs.
  const table = openPcdData(bytes, header, fileName);
  const layout = pcdRecordLayout(header);
  const interleaved = layout && readInterleavedRecords(bytes, layout, options.owned);
  const records = interleaved ? { ...interleaved, invalidCount: 0 } : decodeRecords(table, fileName, names);
  return {
    ...records,
    format: `pcd-${header.encoding}`,
    fields: header.fields,
    version: header.version,
    width: header.width,
    height: header.height,
    viewpoint: header.viewpoint,
  };
}
