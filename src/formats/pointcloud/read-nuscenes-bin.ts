import type { DecodedPointCloud, OwnedBytes } from './decoded-point-cloud';
import { readFloatRecords } from './read-float-records';

/**
 * Reads a nuScenes LiDAR sweep (`*.pcd.bin`, not a PCD file): float32 x y z intensity ring, 20 bytes a point.
 * Positions in the LIDAR_TOP frame (x right, y forward, z up, metres); `intensity` stays 0–255 as in the
 * file, `ring` is the beam index (0–31 for the 32-beam sensor). With `owned`, the cloud may view `bytes`.
 */
export function readNuscenesBin(
  bytes: Uint8Array,
  fileName = 'lidar.pcd.bin',
  options: OwnedBytes = {},
): DecodedPointCloud {
  return readFloatRecords(bytes, fileName, 'nuscenes-bin', ['intensity', 'ring'], options.owned);
}
