/**
 * Row-major 4×4 rigid and projective transforms, stored as plain 16-number arrays so that they stay JSON-safe.
 * A transform named `targetFromSource` maps `p_target = M · p_source` (column vectors).
 */
export type Mat4 = readonly number[];
export type Vec3 = readonly [number, number, number];

export function identity(): number[] {
  return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
}

/** `aFromC = multiply(aFromB, bFromC)`. */
export function multiply(a: Mat4, b: Mat4): number[] {
  const out = new Array<number>(16);
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      out[r * 4 + c] =
        a[r * 4]! * b[c]! + a[r * 4 + 1]! * b[4 + c]! + a[r * 4 + 2]! * b[8 + c]! + a[r * 4 + 3]! * b[12 + c]!;
    }
  }
  return out;
}

/** Inverse of a rigid transform (rotation + translation), exact up to rounding. */
export function invertRigid(m: Mat4): number[] {
  const [r00, r01, r02, tx, r10, r11, r12, ty, r20, r21, r22, tz] = m as number[];
  return [
    r00!,
    r10!,
    r20!,
    -(r00! * tx! + r10! * ty! + r20! * tz!),
    r01!,
    r11!,
    r21!,
    -(r01! * tx! + r11! * ty! + r21! * tz!),
    r02!,
    r12!,
    r22!,
    -(r02! * tx! + r12! * ty! + r22! * tz!),
    0,
    0,
    0,
    1,
  ];
}

export function transformPoint(m: Mat4, p: Vec3): [number, number, number] {
  const [x, y, z] = p;
  return [
    m[0]! * x + m[1]! * y + m[2]! * z + m[3]!,
    m[4]! * x + m[5]! * y + m[6]! * z + m[7]!,
    m[8]! * x + m[9]! * y + m[10]! * z + m[11]!,
  ];
}

/** Rotates a direction (no translation). */
export function transformDirection(m: Mat4, d: Vec3): [number, number, number] {
  const [x, y, z] = d;
  return [m[0]! * x + m[1]! * y + m[2]! * z, m[4]! * x + m[5]! * y + m[6]! * z, m[8]! * x + m[9]! * y + m[10]! * z];
}

export function fromTranslation(x: number, y: number, z: number): number[] {
  return [1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z, 0, 0, 0, 1];
}

/**
 * Rigid transform from a pose: translation, then intrinsic Z-Y-X rotation (yaw about z, pitch about the new y,
 * roll about the newest x), radians. This is the cuboid convention of DESIGN.md: `parentFromBox`.
 */
export function fromPose(position: Vec3, yaw: number, pitch = 0, roll = 0): number[] {
  const cy = Math.cos(yaw),
    sy = Math.sin(yaw);
  const cp = Math.cos(pitch),
    sp = Math.sin(pitch);
  const cr = Math.cos(roll),
    sr = Math.sin(roll);
  return [
    cy * cp,
    cy * sp * sr - sy * cr,
    cy * sp * cr + sy * sr,
    position[0],
    sy * cp,
    sy * sp * sr + cy * cr,
    sy * sp * cr - cy * sr,
    position[1],
    -sp,
    cp * sr,
    cp * cr,
    position[2],
    0,
    0,
    0,
    1,
  ];
}

/** Yaw (about z) of a rigid transform's rotation, assuming the Z-Y-X convention of `fromPose`. */
export function yawOf(m: Mat4): number {
  return Math.atan2(m[4]!, m[0]!);
}

export function translationOf(m: Mat4): [number, number, number] {
  return [m[3]!, m[7]!, m[11]!];
}
