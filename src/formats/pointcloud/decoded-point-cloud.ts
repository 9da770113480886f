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
  | 'laz'
  | 'feather';

/**
 * Reader options for the caller that gives the file's bytes up: with `owned`, a reader that keeps the file's
 * records as they are (KITTI, nuScenes, plain float32 binary PCD) views them in `bytes`' buffer instead of
 * copying them, when they lie on a 4-byte boundary. The caller must then neither change nor reuse `bytes`, and
 * the cloud's buffer is `bytes`' buffer. The decode worker reads so: the bytes were transferred to it for this.
 */
export interface OwnedBytes {
  owned?: boolean;
}

/** One field of a file as stored there: `count` values of `type` per point (0 for PCD padding fields). */
export interface PointField<Type extends string = ScalarType> {
  name: string;
  type: Type;
  count: number;
}

/**
 * What every point-cloud reader returns: the cloud (positions in the file's own sensor frame, float32
 * attributes) plus what the file said about itself. JSON-safe apart from the typed arrays, so it crosses a
 * worker boundary by transferring `pointCloudBuffers(cloud)`.
 */
export interface DecodedPointCloud extends PointCloud {
  format: PointCloudFormat;
  /**
   * Every field of the file in file order, padding included, with its stored type: one of the scalar types,
   * or `float16` in a Feather sweep (Argoverse 2 stores x y z as Arrow half floats).
   */
  fields: PointField<ScalarType | 'float16'>[];
  /** Points the file holds but the cloud dropped: a NaN/±Inf coordinate, or x = y = z = 0 (a no-return). */
  invalidCount: number;
}
