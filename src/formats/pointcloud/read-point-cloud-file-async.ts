import type { DecodedPointCloud } from './decoded-point-cloud';
import { readLaz } from './read-laz';
import { readPointCloudFile, type ReadPointCloudOptions } from './read-point-cloud-file';

/**
 * `readPointCloudFile` for every format, LAZ included: `.laz` goes to `readLaz` (laz-perf's WebAssembly
 * decoder, imported on the first LAZ file only), everything else to the synchronous readers. For workers
 * and the CLI, which may meet any format. Rejects with a `FormatError` naming the file.
 */
export async function readPointCloudFileAsync(
  bytes: Uint8Array,
  fileName: string,
  options: ReadPointCloudOptions = {},
): Promise<DecodedPointCloud> {
  if (fileName.toLowerCase().endsWith('.laz')) return readLaz(bytes, fileName);
  return readPointCloudFile(bytes, fileName, options);
}
