import { normalizeAngle } from '../../core/math/angle';
import { transformPoint, type Mat4 } from '../../core/math/mat4';
import type { Cuboid } from '../../core/model/labels';
import type { KittiLabelRow } from './kitti-label';

/** KITTI's `occluded` levels in the general ontology's `occluded` attribute values (3, "unknown", gives none). */
export const KITTI_OCCLUDED = ['none', 'partly', 'mostly'] as const;

/** A camera mounted within this of a vehicle axis (radians, 2°) counts as on the axis: see `kittiHeadingOffset`. */
const AXIS_SNAP = (2 * Math.PI) / 180;

export type KittiPose = Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>;

/**
 * The heading (yaw in the ego frame, radians) of the rectified camera's +x axis, from which KITTI measures
 * rotation_y; turning about the camera's y (down) runs against yaw about the ego's z (up), so
 * `rotation_y = offset − yaw`. Within 2° of a quarter turn it is snapped onto it: KITTI's cameras sit on the
 * Velodyne's axes but for a calibration residual (< 1°) that the devkit ignores (`yaw = −rotation_y − π/2`),
 * and so do we, so that imports agree with every KITTI tool. Exports use the same function: one code path.
 */
export function kittiHeadingOffset(egoFromRect: Mat4): number {
  const offset = Math.atan2(egoFromRect[4]!, egoFromRect[0]!);
  const quarter = Math.round(offset / (Math.PI / 2)) * (Math.PI / 2);
  return Math.abs(offset - quarter) < AXIS_SNAP ? normalizeAngle(quarter) : offset;
}

/**
 * A KITTI label row as a box in the ego (Velodyne) frame. KITTI's location is the BOTTOM centre in the
 * rectified camera frame (y down), so the geometric centre is `(x, y − h/2, z)` carried by `egoFromRect`
 * (the exact inverse of `R0_rect · Tr_velo_to_cam`). Size [l, w, h]. rotation_y turns the box's length
 * axis about the camera's y (down) from camera +x; yaw = `kittiHeadingOffset − rotation_y`, which for KITTI's
 * cameras is the devkit's `−rotation_y − π/2`. KITTI has no pitch or roll.
 */
export function kittiBoxInEgo(
  row: Pick<KittiLabelRow, 'hwl' | 'location' | 'rotationY'>,
  egoFromRect: Mat4,
): KittiPose {
  const [h, w, l] = row.hwl;
  const [x, y, z] = row.location;
  return {
    position: transformPoint(egoFromRect, [x, y - h / 2, z]),
    size: [l, w, h],
    yaw: normalizeAngle(kittiHeadingOffset(egoFromRect) - row.rotationY),
    pitch: 0,
    roll: 0,
  };
}

/**
 * The inverse of `kittiBoxInEgo`: a box in the ego frame as KITTI's 3D fields (`h w l`, bottom centre in the
 * rectified camera frame, rotation_y in (−π, π]) and the observation angle alpha = rotation_y − atan2(x, z)
 * of that location. Pitch and roll are dropped (KITTI has none). `egoFromRect` must be `rectFromEgo`'s inverse.
 */
export function kittiFieldsOfBox(
  box: KittiPose,
  rectFromEgo: Mat4,
  egoFromRect: Mat4,
): Pick<KittiLabelRow, 'hwl' | 'location' | 'rotationY' | 'alpha'> {
  const [l, w, h] = box.size;
  const [x, y, z] = transformPoint(rectFromEgo, box.position);
  const rotationY = normalizeAngle(kittiHeadingOffset(egoFromRect) - box.yaw);
  return {
    hwl: [h, w, l],
    location: [x, y + h / 2, z],
    rotationY,
    alpha: normalizeAngle(rotationY - Math.atan2(x, z)),
  };
}

/** The row's `occluded` level as the ontology's dynamic attribute, or nothing when KITTI says "unknown". */
export function kittiAttributes(row: KittiLabelRow): Record<string, string> {
  const level = KITTI_OCCLUDED[row.occluded as 0 | 1 | 2];
  return level ? { occluded: level } : {};
}
