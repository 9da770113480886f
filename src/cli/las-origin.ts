import type { DecodedPointCloud } from '../formats/pointcloud/decoded-point-cloud';
import type { LasPointCloud } from '../formats/pointcloud/decode-las-points';

/**
 * The file coordinate that a cloud's positions count from: a LAS / LAZ file's whole-unit origin (its float32
 * positions are rebased there, so that UTM-sized coordinates keep millimetres), or undefined for the formats
 * whose positions are the file's own sensor-frame metres. File coordinate = position + origin.
 */
export function lasOrigin(cloud: DecodedPointCloud): [number, number, number] | undefined {
  return cloud.format === 'las' || cloud.format === 'laz' ? [...(cloud as LasPointCloud).origin] : undefined;
}
