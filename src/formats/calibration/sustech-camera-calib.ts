import type { CameraIntrinsics } from '../../core/model/scene';
import { FormatError } from '../pointcloud/format-error';

/** The problem code an import reports each fault of this format under. */
const MALFORMED = { code: 'sustech.calib.malformed' } as const;

/** One SUSTechPOINTS camera calibration (`calib/camera/<name>.json`). */
export interface SustechCameraCalib {
  /** `extrinsic`: camera (OpenCV axes) from LiDAR, row-major 4×4, metres. */
  cameraFromLidar: number[];
  intrinsics: CameraIntrinsics;
}

/**
 * Reads `{ extrinsic: 16 numbers, intrinsic: 9 numbers }` (row-major). Other keys (`extrinsic_ok` in some
 * files) are ignored. The images are undistorted, so there is no distortion model. Throws a `FormatError`.
 */
export function readSustechCameraCalib(text: string, path: string): SustechCameraCalib {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FormatError(path, `not valid JSON (${(error as Error).message})`, MALFORMED);
  }
  const record = (json ?? {}) as Record<string, unknown>;
  const numbers = (key: string, count: number): number[] => {
    const v = record[key];
    if (!Array.isArray(v) || v.length !== count || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new FormatError(path, `"${key}" must be an array of ${count} numbers`, MALFORMED);
    }
    return v as number[];
  };
  const extrinsic = numbers('extrinsic', 16);
  const k = numbers('intrinsic', 9);
  return {
    cameraFromLidar: extrinsic,
    intrinsics: { fx: k[0]!, skew: k[1]!, cx: k[2]!, fy: k[4]!, cy: k[5]! },
  };
}
