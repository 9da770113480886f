import { uprightBox, type UprightBox } from '../../core/geometry/upright-box';
import type { Mat4, Vec3 } from '../../core/math/mat4';
import { transformPoint } from '../../core/math/mat4';

/** A 3×3 rotation, row-major, 9 numbers. */
export type Rotation3 = readonly number[];

/**
 * R = Rx(x) · Ry(y) · Rz(z): the rotation of Euler angles "XYZ" as three.js (and so SUSTechPOINTS) applies
 * them, i.e. intrinsic X, then Y, then Z. Radians.
 */
export function rotationFromEulerXyz(x: number, y: number, z: number): number[] {
  const [ca, sa, cb, sb, cc, sc] = [Math.cos(x), Math.sin(x), Math.cos(y), Math.sin(y), Math.cos(z), Math.sin(z)];
  return [
    cb * cc,
    -cb * sc,
    sb,
    ca * sc + sa * sb * cc,
    ca * cc - sa * sb * sc,
    -sa * cb,
    sa * sc - ca * sb * cc,
    sa * cc + ca * sb * sc,
    ca * cb,
  ];
}

/** Rz(angle), row-major 3×3. */
export function rotationAboutZ(angle: number): number[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

/**
 * A box given in a sensor frame (centre in metres, orientation as a rotation, extents along its own axes)
 * expressed in the ego frame and said upright (`uprightBox`: the axis nearest the ego's z becomes the height):
 * `position = egoFromSensor · centre`, rotation = (rotation part of egoFromSensor) · rotation, as Z-Y-X angles.
 * Exact: the 8 corners of the result are the sensor-frame corners carried by egoFromSensor.
 */
export function boxInEgo(
  egoFromSensor: Mat4,
  centre: Vec3,
  rotation: Rotation3,
  size: readonly [number, number, number],
): UprightBox & { position: Vec3 } {
  const m = egoFromSensor;
  const r: number[] = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      r.push(
        m[row * 4]! * rotation[col]! + m[row * 4 + 1]! * rotation[3 + col]! + m[row * 4 + 2]! * rotation[6 + col]!,
      );
    }
  }
  return { position: transformPoint(m, centre), ...uprightBox(r, size) };
}
