import type { PointCloud } from '../../core/model/point-cloud';
import type { ScalarType } from './scalar-type';

/** The container and encoding a cloud was read from, as `frustum inspect` prints it. */
export type PointCloudFormat =
  | 'pcd-ascii'
  | 'pcd-binary'
  | 'pcd-binary_compressed'
  | 'kitti-bin'
  | 'nuscenes-bin'
  | 'ply-ascii'
  | 'ply-binary_little_endian'
  | 'ply-binary_big_endian'
  | 'las'
  | 'laz';

/** One field of a file as stored there: `count` values of `type` per point (0 for PCD padding fields). */
export interface PointField {
  name: string;
  type: ScalarType;
  count: number;
}

/**
 * What every point-cloud reader returns: the cloud (positions in the file's own sensor frame, float32
 * attributes) plus what the file said about itself. JSON-safe apart from the typed arrays, so it crosses a
 * worker boundary by transferring `pointCloudBuffers(cloud)`.
 */
export interface DecodedPointCloud extends PointCloud {
  format: PointCloudFormat;
  /** Every field of the file in file order, padding included, with its stored type. */
  fields: PointField[];
  /** Points the file holds but the cloud dropped: a NaN/±Inf coordinate, or x = y = z = 0 (a no-return). */
  invalidCount: number;
}
