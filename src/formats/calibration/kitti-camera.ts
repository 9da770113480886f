import { fromTranslation, multiply, type Mat4 } from '../../core/math/mat4';
import type { CameraSensor } from '../../core/model/scene';

/**
 * A `CameraSensor` from a KITTI rectified projection `P = K · [I | b]` (3×4, row-major, pixels). The
 * intrinsics are P's 3×3 part; the stereo offset b (metres, rectified frame) is folded into the extrinsics:
 * `cameraFromEgo = T(b) · rectFromEgo`, so that projecting an ego point gives exactly `P · rectFromEgo · p`;
 * `referenceFromCamera = T(−b)` leads back to the rectified frame KITTI's labels use.
 * Throws when P's left 3×3 is not an upper-triangular pinhole matrix (KITTI's always is).
 */
export function createKittiCamera(
  id: string,
  projection: readonly number[],
  rectFromEgo: Mat4,
  width: number,
  height: number,
): CameraSensor {
  const p = projection;
  const [fx, skew, cx, fy, cy] = [p[0]!, p[1]!, p[2]!, p[5]!, p[6]!];
  const pinhole = p[4] === 0 && p[8] === 0 && p[9] === 0 && p[10] === 1 && fx > 0 && fy > 0;
  if (!pinhole) throw new Error(`${id}: projection matrix is not of the form K · [I | b]`);
  // b = K⁻¹ · p₄, solved from the bottom row up (K is upper triangular).
  const bz = p[11]!;
  const by = (p[7]! - cy * bz) / fy;
  const bx = (p[3]! - skew * by - cx * bz) / fx;
  return {
    id,
    name: id,
    cameraFromEgo: multiply(fromTranslation(bx, by, bz), rectFromEgo),
    // KITTI's labels refer to the rectified reference frame, not to this camera: keep the way back to it.
    referenceFromCamera: fromTranslation(-bx, -by, -bz),
    intrinsics: { fx, fy, cx, cy, skew },
    width,
    height,
    distortion: { model: 'none' },
  };
}
