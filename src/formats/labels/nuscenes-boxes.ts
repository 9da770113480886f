import type { Vec3 } from '../../core/math/mat4';
import { FormatError } from '../pointcloud/format-error';

/** The problem code an import reports each fault of this format under. */
const MALFORMED = { code: 'nuscenes.boxes.malformed' } as const;

/** One box of the nuScenes-style sample (`derived/sample_calib_and_boxes.json`, `boxes_lidar`). */
export interface NuscenesBox {
  category: string;
  /** Geometric centre in the LIDAR_TOP frame (x right, y forward, z up), metres. */
  center: Vec3;
  /** Length (along the heading), width, height, metres. */
  sizeLwh: Vec3;
  /** About LiDAR +z from LiDAR +x, radians. */
  yaw: number;
  /** False where mmdet3d flagged the box (no LiDAR or radar point in it). */
  valid: boolean;
  /** The nuScenes instance the box belongs to, where the file names it (`instance_token`). */
  instanceToken?: string;
}

/** Reads the `boxes_lidar` array. Throws a `FormatError` naming `path` and the box index on a malformed box. */
export function readNuscenesBoxes(value: unknown, path: string): NuscenesBox[] {
  if (!Array.isArray(value)) throw new FormatError(path, '"boxes_lidar" must be an array', MALFORMED);
  return value.map((raw: unknown, i) => {
    const box = (raw ?? {}) as Record<string, unknown>;
    const vec = (key: string): Vec3 => {
      const v = box[key];
      if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
        throw new FormatError(path, `boxes_lidar[${i}].${key} must be 3 numbers`, MALFORMED);
      }
      return [v[0], v[1], v[2]] as Vec3;
    };
    if (typeof box['category'] !== 'string')
      throw new FormatError(path, `boxes_lidar[${i}].category is missing`, MALFORMED);
    if (typeof box['yaw'] !== 'number')
      throw new FormatError(path, `boxes_lidar[${i}].yaw must be a number`, MALFORMED);
    return {
      category: box['category'],
      center: vec('center'),
      sizeLwh: vec('size_lwh'),
      yaw: box['yaw'],
      valid: box['valid'] !== false,
      ...(typeof box['instance_token'] === 'string' && box['instance_token'] !== '' ? { instanceToken: box['instance_token'] } : {}), // prettier-ignore
    };
  });
}
