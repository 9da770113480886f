import { normalizeAngle } from './angle';

/** Yaw, pitch, roll (radians) of DESIGN.md's intrinsic Z-Y-X convention: R = Rz(yaw) · Ry(pitch) · Rx(roll). */
export interface EulerZyx {
  yaw: number;
  pitch: number;
  roll: number;
}

/**
 * Decomposes a rotation (row-major 3×3) into intrinsic Z-Y-X angles, yaw normalised to (−π, π], pitch in
 * [−π/2, π/2]. At gimbal lock (pitch = ±π/2) roll is set to 0 and the whole turn about z goes into yaw.
 */
export function eulerZyxFromRotation(r: readonly number[]): EulerZyx {
  const sinPitch = -r[6]!;
  const pitch = Math.atan2(sinPitch, Math.hypot(r[0]!, r[3]!));
  if (Math.abs(sinPitch) > 1 - 1e-12) {
    return { yaw: normalizeAngle(Math.atan2(-r[1]!, r[4]!)), pitch, roll: 0 };
  }
  return { yaw: normalizeAngle(Math.atan2(r[3]!, r[0]!)), pitch, roll: Math.atan2(r[7]!, r[8]!) };
}
