import type { PointSet } from './point-set';

/**
 * At most this fraction of the points at each end may be trimmed as outliers, and only where a gap of at least
 * `OUTLIER_GAP` metres parts them from the rest: a stray return or a frame whose box sat a little off, never the
 * object's own sparse corner (a quantile would cut that too, shrinking every side by a few centimetres).
 */
export const TRIM_FRACTION = 0.02;
export const OUTLIER_GAP = 0.15;

/**
 * The range of coordinate `axis` (0, 1, 2) over all the sets, metres, with a few outliers trimmed at both ends or
 * only at the top. [NaN, NaN] when the sets hold no points.
 */
export function trimmedRange(sets: readonly PointSet[], axis: 0 | 1 | 2, ends: 'both' | 'top'): [number, number] {
  const n = sets.reduce((k, s) => k + s.count, 0);
  const values = new Float32Array(n);
  let k = 0;
  for (const set of sets) for (let i = 0; i < set.count; i++) values[k++] = set.xyz[3 * i + axis]!;
  values.sort();
  if (n === 0) return [NaN, NaN];
  const drop = Math.floor(TRIM_FRACTION * n);
  // The innermost gap among the first `drop + 1` points: everything below it goes.
  let low = 0;
  if (ends === 'both') {
    for (let j = 1; j <= Math.min(drop, n - 1); j++) if (values[j]! - values[j - 1]! > OUTLIER_GAP) low = j;
  }
  let high = n - 1;
  for (let j = n - 2; j >= Math.max(0, n - 1 - drop); j--) if (values[j + 1]! - values[j]! > OUTLIER_GAP) high = j;
  return [values[low]!, values[high]!];
}

/** Two frames' extremes within this many metres of each other agree: the boxes' own error, not an outlier. */
export const AGREE = 0.1;

/**
 * The farthest extreme (the largest, or with `sign` −1 the smallest) that another frame's extreme comes within
 * `AGREE` of: one frame's stray object (a pedestrian beside the car, a box that sat far off) is outvoted, the
 * object's own face seen by two frames is kept. Where no two frames agree, the extreme of the frame with the
 * most of the object's points (`weights`): a frame that saw less of the object never pulls a face inwards.
 */
export function agreedExtreme(extremes: readonly number[], sign: 1 | -1, weights: readonly number[]): number {
  const order = extremes.map((_, i) => i).sort((a, b) => sign * (extremes[b]! - extremes[a]!));
  for (let k = 0; k + 1 < order.length; k++) {
    if (sign * (extremes[order[k]!]! - extremes[order[k + 1]!]!) <= AGREE) return extremes[order[k]!]!;
  }
  let best = 0;
  for (let i = 1; i < extremes.length; i++) if (weights[i]! > weights[best]!) best = i;
  return extremes[best]!;
}

/**
 * One side of the track's box from the object's observed extent [lo, hi] along it (metres from the reference
 * box's centre), which of its two faces some frame's sensor saw (facing it, or level with the box along this
 * side, which shows both ends), the box's present length `current` (it spans ±current / 2), and the class's
 * typical and largest length with the fraction of the typical one that counts as seen whole. A face seen, on a
 * side seen whole, is where the points say; any other face only ever moves outwards (it was hidden, or the side
 * partly hidden: the box keeps what it knew). With `afresh` (the user asked to estimate again, whatever the box
 * says) the box is left out: as a fit completes a side, one seen whole is taken and a shorter one grows to the
 * typical length away from the face seen. An extent beyond the maximum holds more than the object and leaves the
 * side as it is.
 */
export function objectExtent(
  [lo, hi]: readonly [number, number],
  seen: readonly [boolean, boolean],
  current: number,
  prior: { typical: number; max: number; complete: number },
  afresh = false,
): [number, number] {
  const half = current / 2;
  if (!(hi - lo <= prior.max)) return [-half, half];
  const whole = hi - lo >= prior.complete * prior.typical;
  if (afresh) {
    if (whole) return [lo, hi];
    const short = prior.typical - (hi - lo);
    if (seen[0] && !seen[1]) return [lo, hi + short];
    if (seen[1] && !seen[0]) return [lo - short, hi];
    return [lo - short / 2, hi + short / 2];
  }
  const low = whole && seen[0] ? lo : Math.min(lo, -half);
  const high = whole && seen[1] ? hi : Math.max(hi, half);
  return high - low <= prior.max ? [low, high] : [-half, half];
}
