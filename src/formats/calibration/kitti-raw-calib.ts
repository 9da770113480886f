import { FormatError } from '../pointcloud/format-error';
import type { KittiCalib } from './kitti-calib';
import { readCalibRows } from './read-calib-rows';
import { fromRotationTranslation, toMat4 } from './to-mat4';

/** The problem code an import reports each fault of this format under. */
const MALFORMED = { code: 'kitti.calib.malformed' } as const;

/** The three text files of a KITTI raw recording day, by name. `imuToVelo` may be missing. */
export interface KittiRawCalibTexts {
  camToCam: { path: string; text: string };
  veloToCam: { path: string; text: string };
  imuToVelo?: { path: string; text: string };
}

/**
 * Reads a KITTI raw day's `calib_cam_to_cam.txt` (P_rect_0i, R_rect_00, S_rect_0i), `calib_velo_to_cam.txt`
 * (R, T) and `calib_imu_to_velo.txt` (R, T) into the same `KittiCalib` as the benchmarks use, plus each
 * rectified camera's image size (pixels) from S_rect_0i. Throws a `FormatError` naming the faulty file.
 */
export function readKittiRawCalib(
  texts: KittiRawCalibTexts,
): KittiCalib & { imageSizes: ([number, number] | undefined)[] } {
  const cam = readCalibRows(texts.camToCam.text);
  const rectRow = cam.get('R_rect_00');
  if (!rectRow || rectRow.length !== 9)
    throw new FormatError(texts.camToCam.path, 'no R_rect_00 row of 9 numbers', MALFORMED);
  const projections = [0, 1, 2, 3].map((i) => {
    const p = cam.get(`P_rect_0${i}`);
    if (p && p.length !== 12)
      throw new FormatError(texts.camToCam.path, `P_rect_0${i} has ${p.length} numbers`, MALFORMED);
    return p;
  });
  const imageSizes = [0, 1, 2, 3].map((i) => {
    const s = cam.get(`S_rect_0${i}`);
    return s && s.length === 2 ? ([Math.round(s[0]!), Math.round(s[1]!)] as [number, number]) : undefined;
  });
  return {
    projections,
    rectFromCam0: toMat4(rectRow),
    cam0FromVelo: readRigid(texts.veloToCam.path, texts.veloToCam.text),
    veloFromImu: texts.imuToVelo ? readRigid(texts.imuToVelo.path, texts.imuToVelo.text) : undefined,
    imageSizes,
  };
}

/** A `targetFromSource` from the `R:` and `T:` rows of a KITTI raw calibration file. */
function readRigid(path: string, text: string): number[] {
  const rows = readCalibRows(text);
  const r = rows.get('R');
  const t = rows.get('T');
  if (!r || !t) throw new FormatError(path, 'expected an R row (9 numbers) and a T row (3 numbers)', MALFORMED);
  try {
    return fromRotationTranslation(r, t);
  } catch (error) {
    throw new FormatError(path, (error as Error).message, MALFORMED);
  }
}
