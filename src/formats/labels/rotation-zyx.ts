import { normalizeAngle } from '../../core/math/angle';
import type { Mat4, Vec3 } from '../../core/math/mat4';
import { transformPoint } from '../../core/math/mat4';

/** A 3×3 rotation, row-major, 9 numbers. */
export type Rotation3 = readonly number[];

/** Yaw, pitch, roll (radians) of DESIGN.md's intrinsic Z-Y-X convention: R = Rz(yaw) · Ry(pitch) · Rx(roll). */
export interface EulerZyx {
  yaw: number;
  pitch: number;
  roll: number;
}

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
 * Decomposes a rotation into intrinsic Z-Y-X angles, yaw normalised to (−π, π], pitch in [−π/2, π/2]. At
 * gimbal lock (pitch = ±π/2) roll is set to 0 and the whole turn about z goes into yaw.
 */
export function eulerZyxFromRotation(r: Rotation3): EulerZyx {
  const sinPitch = -r[6]!;
  const pitch = Math.atan2(sinPitch, Math.hypot(r[0]!, r[3]!));
  if (Math.abs(sinPitch) > 1 - 1e-12) {
    return { yaw: normalizeAngle(Math.atan2(-r[1]!, r[4]!)), pitch, roll: 0 };
  }
  return { yaw: normalizeAngle(Math.atan2(r[3]!, r[0]!)), pitch, roll: Math.atan2(r[7]!, r[8]!) };
}

/**
 * A box given in a sensor frame (centre in metres, orientation as a rotation) expressed in the ego frame:
 * `position = egoFromSensor · centre`, rotation = (rotation part of egoFromSensor) · rotation, as Z-Y-X angles.
 * Exact: the 8 corners of the result are the sensor-frame corners carried by egoFromSensor.
 */
export function poseInEgo(egoFromSensor: Mat4, centre: Vec3, rotation: Rotation3): EulerZyx & { position: Vec3 } {
  const m = egoFromSensor;
  const r: number[] = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      r.push(
        m[row * 4]! * rotation[col]! + m[row * 4 + 1]! * rotation[3 + col]! + m[row * 4 + 2]! * rotation[6 + col]!,
      );
    }
  }
  return { position: transformPoint(m, centre), ...eulerZyxFromRotation(r) };
}
