import { multiply } from '../../core/math/mat4';
import { FormatError } from '../pointcloud/format-error';
import { readCalibRows } from './read-calib-rows';
import { toMat4 } from './to-mat4';

/** The problem code an import reports each fault of this format under. */
const MALFORMED = { code: 'kitti.calib.malformed' } as const;

/**
 * A KITTI calibration with DESIGN.md's names. Frames: `velo` (Velodyne: x forward, y left, z up), `cam0`
 * (unrectified reference camera 0, OpenCV axes), `rect` (rectified reference camera), `imu` (OXTS unit).
 */
export interface KittiCalib {
  /** P0..P3: rectified 3×4 projections (row-major, pixels) of cameras 0–3, from `rect`; undefined if absent. */
  projections: (number[] | undefined)[];
  /** `R0_rect` padded to 4×4. */
  rectFromCam0: number[];
  /** `Tr_velo_to_cam`. */
  cam0FromVelo: number[];
  /** `Tr_imu_to_velo`, where the file has it. */
  veloFromImu: number[] | undefined;
}

/** The row names of the object benchmark, with the colon-less spellings of the tracking benchmark. */
const ALIASES = {
  rect: ['R0_rect', 'R_rect'],
  velo: ['Tr_velo_to_cam', 'Tr_velo_cam'],
  imu: ['Tr_imu_to_velo', 'Tr_imu_velo'],
} as const;

/**
 * Reads a KITTI object (`calib/NNNNNN.txt`) or tracking (`calib/SSSS.txt`) calibration. Throws a
 * `FormatError` naming `path` when R0_rect or Tr_velo_to_cam is missing or malformed.
 */
export function readKittiCalib(text: string, path: string): KittiCalib {
  const rows = readCalibRows(text);
  const pick = (names: readonly string[]) => names.map((n) => rows.get(n)).find((v) => v !== undefined);
  const matrix = (names: readonly string[], required: boolean): number[] | undefined => {
    const values = pick(names);
    if (!values) {
      if (required) throw new FormatError(path, `no ${names[0]} row`, MALFORMED);
      return undefined;
    }
    try {
      return toMat4(values, names[0]);
    } catch (error) {
      throw new FormatError(path, (error as Error).message, MALFORMED);
    }
  };
  const projections = [0, 1, 2, 3].map((i) => {
    const p = rows.get(`P${i}`);
    if (p && p.length !== 12) throw new FormatError(path, `P${i} has ${p.length} numbers (expected 12)`, MALFORMED);
    return p;
  });
  return {
    projections,
    rectFromCam0: matrix(ALIASES.rect, true)!,
    cam0FromVelo: matrix(ALIASES.velo, true)!,
    veloFromImu: matrix(ALIASES.imu, false),
  };
}

/** `rectFromVelo = R0_rect · Tr_velo_to_cam`: the frame in which KITTI labels and P0..P3 live. */
export function rectFromVelo(calib: KittiCalib): number[] {
  return multiply(calib.rectFromCam0, calib.cam0FromVelo);
}
