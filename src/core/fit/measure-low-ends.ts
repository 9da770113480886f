import type { Footprint } from './complete-footprint';
import type { PointSet } from './point-set';

/** Metres a profile bin covers along the length. */
const BIN = 0.3;
/** A bin at or above this fraction of the roof height is roof (the cabin), below it bonnet, boot or bumper. */
const ROOF_FRACTION = 0.9;

/**
 * The height profile of a vehicle along its length, reduced to how long its low part is at each end: metres
 * from the end of the footprint (at +axis: `plus`, at −axis: `minus`) to the first 0.3 m bin whose highest
 * point reaches roof height (90 % of the 95th percentile of the points' heights above `groundZ`). An end is
 * undefined where its two outermost bins hold no point (not seen). Undefined altogether when there are fewer
 * than 30 points or the roof is under 70 % of the class's typical height (only the lower body was seen).
 */
export function measureLowEnds(
  points: PointSet,
  footprint: Footprint,
  groundZ: number,
  typicalHeight: number,
): { plus: number | undefined; minus: number | undefined } | undefined {
  if (points.count < 30) return undefined;
  const c = Math.cos(footprint.axis),
    s = Math.sin(footprint.axis);
  const bins = Math.max(2, Math.ceil(footprint.length / BIN));
  const top = new Float32Array(bins).fill(-Infinity);
  const heights = new Float32Array(points.count);
  for (let i = 0; i < points.count; i++) {
    const u = c * (points.xyz[3 * i]! - footprint.x) + s * (points.xyz[3 * i + 1]! - footprint.y);
    const h = points.xyz[3 * i + 2]! - groundZ;
    heights[i] = h;
    // Bin 0 at the −axis end.
    const k = Math.min(bins - 1, Math.max(0, Math.floor((u + footprint.length / 2) / BIN)));
    if (h > top[k]!) top[k] = h;
  }
  heights.sort();
  const roof = heights[Math.floor(0.95 * (points.count - 1))]!;
  if (roof < 0.7 * typicalHeight) return undefined;
  const level = ROOF_FRACTION * roof;
  const seen = (k: number) => top[k]! > -Infinity;
  let first = -1,
    last = -1;
  for (let k = 0; k < bins; k++) {
    if (top[k]! < level) continue;
    if (first < 0) first = k;
    last = k;
  }
  if (first < 0) return undefined;
  return {
    minus: seen(0) || seen(1) ? first * BIN : undefined,
    plus: seen(bins - 1) || seen(bins - 2) ? (bins - 1 - last) * BIN : undefined,
  };
}
