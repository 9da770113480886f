import { multiply, type Mat4 } from '../../core/math/mat4';
import { imageDownAngle, TILT_LIMIT_DEGREES } from '../../core/geometry/projection-check';
import type { CameraSensor } from '../../core/model/scene';
import { createKittiCamera } from '../calibration/kitti-camera';
import { isNumbers } from '../labels/label-values';
import type { OpenLabel } from '../labels/openlabel-types';

/** OpenCV axes from a vehicle's (x forward, y left, z up): x right = −y, y down = −z, z forward = x. */
const OPENCV_FROM_BODY = [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1];

/**
 * The cameras `readOlScene` made from the streams, set up to project as their images were taken:
 *
 * - Axes. OpenLABEL's camera matrix projects from a camera system with OpenCV axes (x right, y down, z forward),
 *   and most files give their camera systems so (KITTI's converters, Frustum's own). Some datasets give them
 *   the vehicle's axes instead (OSDaR23: x forward, y left, z up; its poses are near the identity). Read as
 *   OpenCV, such a camera would look straight up or down with its image turned on its side. So a camera whose
 *   image down is more than 45° from the vehicle's down as given, and within 45° of it when its system is read
 *   with the vehicle's axes, is read that way (`onBodyAxes` says which). Files Frustum wrote are taken as
 *   they are.
 * - Offset. A 3×4 `camera_matrix` whose last column is not zero is `K · [I | b]` (KITTI's P2 on the rectified
 *   camera 0's system): the image is taken from the system moved by b, so `cameraFromEgo = T(b) · systemFromEgo`,
 *   and `referenceFromCamera = T(−b)` leads back to the system the labels use (as the KITTI layouts do).
 */
export function fitOpenlabelCameras(
  ol: OpenLabel,
  cameras: readonly CameraSensor[],
  onBodyAxes: (camera: string) => void,
): CameraSensor[] {
  const frustumWritten = ol.metadata['frustum'] !== undefined;
  return cameras.map((camera) => {
    let cameraFromEgo = camera.cameraFromEgo;
    const turned = multiply(OPENCV_FROM_BODY, cameraFromEgo);
    const tilted = (m: Mat4) => imageDownAngle({ ...camera, cameraFromEgo: m }) > TILT_LIMIT_DEGREES;
    if (!frustumWritten && tilted(cameraFromEgo) && !tilted(turned)) {
      onBodyAxes(camera.id);
      cameraFromEgo = turned;
    }
    const pinhole = ol.streams?.[camera.id]?.stream_properties?.['intrinsics_pinhole'] as Record<string, unknown> | undefined; // prettier-ignore
    const k = pinhole?.['camera_matrix'] ?? pinhole?.['camera_matrix_3x4'];
    if (!isNumbers(k) || k.length !== 12 || (k[3] === 0 && k[7] === 0 && k[11] === 0)) return { ...camera, cameraFromEgo }; // prettier-ignore
    try {
      const moved = createKittiCamera(camera.id, k, cameraFromEgo, camera.width, camera.height);
      return { ...camera, cameraFromEgo: moved.cameraFromEgo, referenceFromCamera: camera.referenceFromCamera ?? moved.referenceFromCamera }; // prettier-ignore
    } catch {
      // Not of the form K · [I | b] (a skewed third row): the offset cannot be read; project with K alone.
      return { ...camera, cameraFromEgo };
    }
  });
}
