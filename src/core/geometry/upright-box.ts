import { eulerZyxFromRotation as eulerZyx, type EulerZyx } from '../math/euler-zyx';
import { fromPose } from '../math/mat4';
import { rotationOf } from '../math/quaternion';

/** A box's size [l, w, h] (metres) and intrinsic Z-Y-X angles (radians), as DESIGN.md's cuboid holds them. */
export interface UprightBox extends EulerZyx {
  size: [number, number, number];
}

/** Beyond this tilt (radians, 45°) a box's own z is no longer taken as its height. */
const MAX_TILT = Math.PI / 4;

/**
 * The same cuboid (the same 8 corners) said upright, from its rotation in the ego frame (row-major 3×3, the
 * box's own axes as columns) and its extents along those axes (metres).
 *
 * Tools that write boxes in a camera frame (OpenCV axes: y down) give a car's height along the box's y and
 * its width along z; carried into the ego frame that box reads as rolled by −90° with width and height
 * swapped. So: where the box as given is already upright (|pitch| and |roll| ≤ 45°) it is kept; otherwise
 * the box axis nearest the ego's z becomes the height (pointing up), the box's own x becomes the length
 * axis (its y where x is the vertical one), the third axis the width, and the angles are recomputed. Any box
 * within 45° of upright comes out with |pitch|, |roll| ≤ 45°.
 */
export function uprightBox(rotation: readonly number[], size: readonly [number, number, number]): UprightBox {
  const given = eulerZyx(rotation);
  if (Math.abs(given.pitch) <= MAX_TILT && Math.abs(given.roll) <= MAX_TILT) {
    return { size: [size[0], size[1], size[2]], ...given };
  }
  const column = (i: number): [number, number, number] => [rotation[i]!, rotation[3 + i]!, rotation[6 + i]!];
  // The axis nearest the vertical: the largest |z| component among the three columns.
  const vertical = [0, 1, 2].reduce((best, i) => (Math.abs(rotation[6 + i]!) > Math.abs(rotation[6 + best]!) ? i : best), 2); // prettier-ignore
  const heading = vertical === 0 ? 1 : 0;
  const other = 3 - vertical - heading;
  const up = column(vertical).map((v) => (rotation[6 + vertical]! < 0 ? -v : v)) as [number, number, number];
  const forward = column(heading);
  // left = up × forward keeps the frame right-handed (x × y = z).
  const left: [number, number, number] = [
    up[1] * forward[2] - up[2] * forward[1],
    up[2] * forward[0] - up[0] * forward[2],
    up[0] * forward[1] - up[1] * forward[0],
  ];
  const upright = [forward[0], left[0], up[0], forward[1], left[1], up[1], forward[2], left[2], up[2]];
  return { size: [size[heading]!, size[other]!, size[vertical]!], ...eulerZyx(upright) };
}

/**
 * A box given by yaw, pitch and roll (radians) and size [l, w, h], said upright (`uprightBox`). A box already
 * upright comes back with exactly the numbers it had, so readers of Frustum's own files change nothing.
 */
export function uprightAngles(box: {
  yaw: number;
  pitch?: number;
  roll?: number;
  size: readonly [number, number, number];
}): UprightBox {
  const { yaw, pitch = 0, roll = 0, size } = box;
  if (Math.abs(pitch) <= MAX_TILT && Math.abs(roll) <= MAX_TILT) return { size: [size[0], size[1], size[2]], yaw, pitch, roll }; // prettier-ignore
  return uprightBox(rotationOf(fromPose([0, 0, 0], yaw, pitch, roll)), size);
}
