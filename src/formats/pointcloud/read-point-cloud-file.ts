import type { DecodedPointCloud, OwnedBytes } from './decoded-point-cloud';
import { FormatError } from './format-error';
import { readFeatherSweep } from './read-feather-sweep';
import { readKittiBin } from './read-kitti-bin';
import { readLas } from './read-las';
import { readNuscenesBin } from './read-nuscenes-bin';
import { readPcd } from './read-pcd';
import { readPly } from './read-ply';

/** The record layout of a headerless `.bin` sweep. */
export type BinLayout = 'kitti' | 'nuscenes';

export interface ReadPointCloudOptions extends OwnedBytes {
  /** Forces the layout of a `.bin` / `.pcd.bin` file, whatever its name and size say. */
  layout?: BinLayout;
}

/**
 * Reads a point-cloud file, choosing the reader by name: `.pcd` (PCD), `.ply` (PLY), `.las` (LAS), `.feather`
 * (a Feather v2 table of points, Argoverse 2's sweeps), `.pcd.bin` (nuScenes, 20 B/pt), other `.bin` by size
 * (a multiple of 16 bytes is KITTI, else a multiple of 20 is nuScenes). `options.layout` overrides the choice
 * for `.bin` files. `.laz` needs the WebAssembly decoder, which loads asynchronously: read those with
 * `readPointCloudFileAsync`. `options.owned`: see `OwnedBytes`. Throws `FormatError` naming the file.
 */
export function readPointCloudFile(
  bytes: Uint8Array,
  fileName: string,
  options: ReadPointCloudOptions = {},
): DecodedPointCloud {
  const name = fileName.toLowerCase();
  const owned = { owned: options.owned ?? false };
  if (name.endsWith('.pcd')) return readPcd(bytes, fileName, owned);
  if (name.endsWith('.ply')) return readPly(bytes, fileName);
  if (name.endsWith('.las')) return readLas(bytes, fileName);
  if (name.endsWith('.feather')) return readFeatherSweep(bytes, fileName);
  if (name.endsWith('.laz')) {
    throw new FormatError(fileName, 'LAZ decodes asynchronously: read it with readPointCloudFileAsync');
  }
  if (!name.endsWith('.bin')) {
    throw new FormatError(
      fileName,
      'unknown point-cloud file type (expected .pcd, .ply, .las, .laz, .feather, .bin or .pcd.bin)',
    );
  }
  const layout = options.layout ?? (name.endsWith('.pcd.bin') ? 'nuscenes' : chooseBinLayout(bytes, fileName));
  return layout === 'kitti' ? readKittiBin(bytes, fileName, owned) : readNuscenesBin(bytes, fileName, owned);
}

/** KITTI when the size is a multiple of 16 bytes (also when it is one of 20: KITTI is the common case). */
function chooseBinLayout(bytes: Uint8Array, fileName: string): BinLayout {
  if (bytes.byteLength % 16 === 0) return 'kitti';
  if (bytes.byteLength % 20 === 0) return 'nuscenes';
  throw new FormatError(
    fileName,
    `${bytes.byteLength} bytes fits neither KITTI (16 bytes a point) nor nuScenes (20 bytes a point)`,
  );
}
