import type { Mat4 } from '../../core/math/mat4';

/**
 * Inverse of an affine row-major 4×4 whose 3×3 part need not be orthonormal. Calibrations such as KITTI's
 * `R0_rect · Tr_velo_to_cam` are only nearly rigid (rounded to 7 digits), so `invertRigid` would be off by
 * that rounding; this is exact up to floating point. Throws when the 3×3 part is singular.
 */
export function invertAffine(m: Mat4): number[] {
  const [a, b, c, tx, d, e, f, ty, g, h, i, tz] = m as number[];
  const A = e! * i! - f! * h!;
  const B = f! * g! - d! * i!;
  const C = d! * h! - e! * g!;
  const det = a! * A + b! * B + c! * C;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) throw new Error(`singular transform (determinant ${det})`);
  const r = [
    A / det,
    (c! * h! - b! * i!) / det,
    (b! * f! - c! * e!) / det,
    B / det,
    (a! * i! - c! * g!) / det,
    (c! * d! - a! * f!) / det,
    C / det,
    (b! * g! - a! * h!) / det,
    (a! * e! - b! * d!) / det,
  ];
  const row = (k: number) => -(r[k * 3]! * tx! + r[k * 3 + 1]! * ty! + r[k * 3 + 2]! * tz!);
  return [r[0]!, r[1]!, r[2]!, row(0), r[3]!, r[4]!, r[5]!, row(1), r[6]!, r[7]!, r[8]!, row(2), 0, 0, 0, 1];
}
