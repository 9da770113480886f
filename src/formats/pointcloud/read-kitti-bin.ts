import type { DecodedPointCloud, OwnedBytes } from './decoded-point-cloud';
import { readFloatRecords } from './read-float-records';

/**
 * Reads a KITTI Velodyne sweep: float32 x y z reflectance, 16 bytes a point, no header. Positions in the
 * Velodyne frame (x forward, y left, z up, metres); reflectance becomes `intensity`, 0–1 as in the file.
 * With `owned`, the cloud may view `bytes` (see `OwnedBytes`).
 */
export function readKittiBin(
  bytes: Uint8Array,
  fileName = 'velodyne.bin',
  options: OwnedBytes = {},
): DecodedPointCloud {
  return readFloatRecords(bytes, fileName, 'kitti-bin', ['intensity'], options.owned);
}
