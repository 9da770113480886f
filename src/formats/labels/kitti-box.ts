import { normalizeAngle } from '../../core/math/angle';
import { transformPoint, type Mat4, type Vec3 } from '../../core/math/mat4';
import type { KittiLabelRow } from './kitti-label';

/** KITTI's `occluded` levels in the ontology's `occluded` attribute values (3, "unknown", gives none). */
const OCCLUDED = ['none', 'partly', 'mostly'] as const;

/**
 * A KITTI label row as a box in the ego (Velodyne) frame. KITTI's location is the BOTTOM centre in the
 * rectified camera frame (y down), so the geometric centre is `(x, y − h/2, z)` carried by `egoFromRect`
 * (the exact inverse of `R0_rect · Tr_velo_to_cam`). Size [l, w, h]. rotation_y turns the box's length
 * axis about the camera's y (down) from camera +x, giving the heading (cos ry, 0, −sin ry); in the Velodyne
 * frame (x = camera z, y = −camera x, z = −camera y) that is (−sin ry, −cos ry, 0), so yaw = −rotation_y − π/2:
 * the devkit's conversion. It leaves out the calibration's small residual rotation (< 1°) so that an export
 * gives back the same rotation_y.
 */
export function kittiBoxInEgo(
  row: KittiLabelRow,
  egoFromRect: Mat4,
): { position: Vec3; size: Vec3; yaw: number; pitch: number; roll: number } {
  const [h, w, l] = row.hwl;
  const [x, y, z] = row.location;
  return {
    position: transformPoint(egoFromRect, [x, y - h / 2, z]),
    size: [l, w, h],
    yaw: normalizeAngle(-row.rotationY - Math.PI / 2),
    pitch: 0,
    roll: 0,
  };
}

/** The row's `occluded` level as the ontology's dynamic attribute, or nothing when KITTI says "unknown". */
export function kittiAttributes(row: KittiLabelRow): Record<string, string> {
  const level = OCCLUDED[row.occluded];
  return level ? { occluded: level } : {};
}
