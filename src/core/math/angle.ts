/** Normalises an angle in radians to (−π, π], the range DESIGN.md fixes for yaw. */
export function normalizeAngle(a: number): number {
  const twoPi = 2 * Math.PI;
  let r = a % twoPi;
  if (r <= -Math.PI) r += twoPi;
  else if (r > Math.PI) r -= twoPi;
  return r;
}
