import type { LasHeader } from './las-header';

const TWO_31 = 2147483648;

/**
 * The file coordinate that becomes (0, 0, 0) of the float32 positions: the centre of the header's bounds,
 * rounded to whole units (metres in a projected CRS) so that it reads well and adds no fractional offset.
 * LAS coordinates are often 10^5–10^7 m (UTM, state plane), where float32 steps are 1–0.5 m; relative to
 * a centre, points within ±131 km of it keep float32 rounding below 1 cm (within ±65 km, below 4 mm).
 *
 * The header's bounds are a writer's claim: when they are not finite, inverted, or outside what the
 * integer coordinates can reach, the first point decides instead (`records`: the first record's bytes).
 */
export function chooseLasOrigin(header: LasHeader, records: DataView, count: number): [number, number, number] {
  const origin: [number, number, number] = [0, 0, 0];
  for (let axis = 0; axis < 3; axis++) {
    const min = header.min[axis]!;
    const max = header.max[axis]!;
    const scale = header.scale[axis]!;
    const offset = header.offset[axis]!;
    const centre = (min + max) / 2;
    // Every int32 coordinate lies within |scale| × 2^31 of the offset; a centre beyond that is not this file's.
    const reachable = Math.abs(centre - offset) <= Math.abs(scale) * TWO_31;
    if (min <= max && Number.isFinite(centre) && reachable) origin[axis] = Math.round(centre);
    else if (count > 0) origin[axis] = Math.round(records.getInt32(axis * 4, true) * scale + offset);
  }
  return origin;
}
