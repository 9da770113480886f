/**
 * Pads a row-major 3×3 rotation or 3×4 `[R | t]` to a 4×4 transform. Throws on any other length, so that a
 * calibration row with missing numbers is refused instead of read as zeros.
 */
export function toMat4(values: readonly number[], what = 'matrix'): number[] {
  const v = values;
  if (v.length === 9) return [v[0]!, v[1]!, v[2]!, 0, v[3]!, v[4]!, v[5]!, 0, v[6]!, v[7]!, v[8]!, 0, 0, 0, 0, 1];
  if (v.length === 12) return [...v, 0, 0, 0, 1];
  if (v.length === 16) return [...v];
  throw new Error(`${what} has ${v.length} numbers (expected 9, 12 or 16)`);
}

/** A 4×4 from a 3×3 rotation `R` (9 numbers, row-major) and a translation `T` (3 numbers). */
export function fromRotationTranslation(r: readonly number[], t: readonly number[], what = 'R|T'): number[] {
  if (r.length !== 9 || t.length !== 3) throw new Error(`${what} needs 9 + 3 numbers, got ${r.length} + ${t.length}`);
  return [r[0]!, r[1]!, r[2]!, t[0]!, r[3]!, r[4]!, r[5]!, t[1]!, r[6]!, r[7]!, r[8]!, t[2]!, 0, 0, 0, 1];
}
