import type { Mat4 } from './mat4';

/**
 * Unit quaternions in scalar-first order `[w, x, y, z]` (nuScenes' order; OpenLABEL writes `x, y, z, w` and
 * reorders at its border). They rotate column vectors the way the row-major 3×3 `R` of `rotationFromQuaternion`
 * does: `p' = q · p · q*` = `R · p`.
 */
export type Quaternion = [number, number, number, number];

/** The quaternion of a rotation (row-major 3×3, 9 numbers, orthonormal), with w ≥ 0 so each rotation has one. */
export function quaternionFromRotation(r: readonly number[]): Quaternion {
  const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = r as number[];
  const trace = m00! + m11! + m22!;
  let q: Quaternion;
  // Shepperd's choice: divide by the largest of the four candidates, so nothing is lost near 180° turns.
  if (trace > 0) {
    const s = 2 * Math.sqrt(1 + trace);
    q = [s / 4, (m21! - m12!) / s, (m02! - m20!) / s, (m10! - m01!) / s];
  } else if (m00! >= m11! && m00! >= m22!) {
    const s = 2 * Math.sqrt(1 + m00! - m11! - m22!);
    q = [(m21! - m12!) / s, s / 4, (m01! + m10!) / s, (m02! + m20!) / s];
  } else if (m11! >= m22!) {
    const s = 2 * Math.sqrt(1 + m11! - m00! - m22!);
    q = [(m02! - m20!) / s, (m01! + m10!) / s, s / 4, (m12! + m21!) / s];
  } else {
    const s = 2 * Math.sqrt(1 + m22! - m00! - m11!);
    q = [(m10! - m01!) / s, (m02! + m20!) / s, (m12! + m21!) / s, s / 4];
  }
  const n = Math.hypot(...q) * (q[0] < 0 ? -1 : 1);
  return [q[0] / n, q[1] / n, q[2] / n, q[3] / n];
}

/** The row-major 3×3 rotation of a quaternion; normalised first. Throws on a zero or non-finite quaternion. */
export function rotationFromQuaternion(q: readonly number[]): number[] {
  const n = Math.hypot(q[0]!, q[1]!, q[2]!, q[3]!);
  if (!(n > 1e-12) || !Number.isFinite(n)) throw new Error(`quaternion [${q.join(', ')}] has no direction`);
  const [w, x, y, z] = [q[0]! / n, q[1]! / n, q[2]! / n, q[3]! / n];
  return [
    1 - 2 * (y * y + z * z),
    2 * (x * y - w * z),
    2 * (x * z + w * y),
    2 * (x * y + w * z),
    1 - 2 * (x * x + z * z),
    2 * (y * z - w * x),
    2 * (x * z - w * y),
    2 * (y * z + w * x),
    1 - 2 * (x * x + y * y),
  ];
}

/** The rotation part of a 4×4 transform, row-major 3×3. */
export function rotationOf(m: Mat4): number[] {
  return [m[0]!, m[1]!, m[2]!, m[4]!, m[5]!, m[6]!, m[8]!, m[9]!, m[10]!];
}

/** `a · b` for row-major 3×3 matrices. */
export function multiplyRotations(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      out.push(a[row * 3]! * b[col]! + a[row * 3 + 1]! * b[3 + col]! + a[row * 3 + 2]! * b[6 + col]!);
    }
  }
  return out;
}
