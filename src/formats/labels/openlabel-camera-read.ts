import type { CameraIntrinsics, Distortion } from '../../core/model/scene';
import { isNumbers as numbers } from './label-values';
import { FISHEYE_MODEL } from './openlabel-scene-write';

/** What a camera stream's properties give: its model, or why it cannot be used. */
export type CameraModel =
  | { intrinsics: CameraIntrinsics; distortion: Distortion; width: number; height: number; referenceFromCamera?: number[] } // prettier-ignore
  | { problem: string };

/**
 * Reads `intrinsics_pinhole` (`camera_matrix` or `camera_matrix_3x4`, 3×4 or 3×3, and `distortion_coeffs` or
 * `distortion_coeffs_1xN` in OpenCV's order k1 k2 p1 p2 [k3]; all zero or none is no distortion) and the
 * `intrinsics_custom` that `olSceneParts` writes for Kannala-Brandt lenses. OpenLABEL's own
 * `intrinsics_fisheye` (a polynomial in the angle, in pixels) and other custom models have no Frustum
 * equivalent: they come back as a problem.
 */
export function readCameraModel(properties: Record<string, unknown> | undefined): CameraModel {
  const pinhole = properties?.['intrinsics_pinhole'] as Record<string, unknown> | undefined;
  const custom = properties?.['intrinsics_custom'] as Record<string, unknown> | undefined;
  const fisheye = custom?.['model'] === FISHEYE_MODEL;
  const source = pinhole ?? (fisheye ? custom : undefined);
  if (!source) {
    if (properties?.['intrinsics_fisheye']) return { problem: "OpenLABEL's fisheye lens polynomial has no Frustum model" }; // prettier-ignore
    return { problem: custom ? 'a custom camera model Frustum does not know' : 'no intrinsics' };
  }
  const k = source['camera_matrix'] ?? source['camera_matrix_3x4'];
  const width = source['width_px'];
  const height = source['height_px'];
  if (!numbers(k) || (k.length !== 12 && k.length !== 9)) return { problem: 'camera_matrix must be 12 (or 9) numbers' };
  if (typeof width !== 'number' || typeof height !== 'number') return { problem: 'width_px and height_px are needed' };
  const stride = k.length / 3;
  const intrinsics = { fx: k[0]!, skew: k[1]!, cx: k[2]!, fy: k[stride + 1]!, cy: k[stride + 2]! };
  const c = source['distortion_coeffs'] ?? source['distortion_coeffs_1xN'] ?? [];
  if (!numbers(c)) return { problem: 'distortion_coeffs must be numbers' };
  let distortion: Distortion = { model: 'none' };
  if (fisheye) {
    if (c.length !== 4) return { problem: 'a Kannala-Brandt lens needs 4 coefficients' };
    distortion = { model: 'fisheye', k1: c[0]!, k2: c[1]!, k3: c[2]!, k4: c[3]! };
  } else if (c.slice(5).some((v) => v !== 0)) {
    return { problem: 'more than 5 distortion coefficients (a rational or thin-prism model) are not supported' };
  } else if (c.some((v) => v !== 0)) {
    distortion = { model: 'radtan', k1: c[0] ?? 0, k2: c[1] ?? 0, p1: c[2] ?? 0, p2: c[3] ?? 0, k3: c[4] ?? 0 };
  }
  const reference = properties?.['reference_from_camera'];
  return {
    intrinsics,
    distortion,
    width,
    height,
    ...(numbers(reference) && reference.length === 16 ? { referenceFromCamera: reference } : {}),
  };
}
