import type { CameraSensor } from '../model/scene';

/** Below this share of a sweep's points inside an image, the calibration is suspect (real cameras: 9–22 %). */
export const FEW_INSIDE_SHARE = 0.02;
/** An image's down more than this far from the vehicle's down suggests a rotation the wrong way round. */
export const TILT_LIMIT_DEGREES = 45;

/** Why a camera's calibration looks wrong on a frame, in figures for the hint. */
export type ProjectionHint = { kind: 'few-inside'; percent: number } | { kind: 'tilted'; degrees: number } | undefined;

/**
 * The angle (degrees) between the camera's image down (+y, OpenCV axes) and the vehicle's down (ego −z). A
 * camera on a car looks roughly level, so this is small; a camera-from-ego matrix given the other way round (or
 * with a LiDAR's axes taken for the vehicle's) turns the image's down sideways or up. The third row of the
 * rotation is not needed: row 2 of `cameraFromEgo` is the camera's y axis in ego coordinates.
 */
export function imageDownAngle(camera: CameraSensor): number {
  const m = camera.cameraFromEgo;
  const [x, y, z] = [m[4]!, m[5]!, m[6]!];
  const length = Math.hypot(x, y, z) || 1;
  return (Math.acos(Math.max(-1, Math.min(1, -z / length))) * 180) / Math.PI;
}

/**
 * What to tell the user about a camera's calibration after an import, from the sweep points that landed inside
 * its image (`inside` of `total`): too few on a real sweep (a 360° LiDAR puts 9–22 % of its points in a
 * forward camera's image), or an image down that is not the vehicle's down. Undefined when it looks right. A
 * rotation wrong by a turn about the vertical still passes both, and so does the inverse of a camera looking
 * straight right (its rotation is its own inverse): that is what the projected points show.
 */
export function projectionHint(camera: CameraSensor, inside: number, total: number): ProjectionHint {
  if (total >= 1000 && inside / total < FEW_INSIDE_SHARE)
    return { kind: 'few-inside', percent: Math.round((1000 * inside) / total) / 10 };
  const degrees = imageDownAngle(camera);
  if (degrees > TILT_LIMIT_DEGREES) return { kind: 'tilted', degrees: Math.round(degrees) };
  return undefined;
}
