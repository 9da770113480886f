import { maximumWeightAssignment } from '../../agreement/hungarian';

/** Where a track expects its object on this frame: the predicted centre and how uncertain it is (metres). */
export interface Expectation {
  x: number;
  y: number;
  /** Gate radius: no detection farther than this from (x, y) can be the track's. */
  gate: number;
}

/**
 * Pairs tracks with detections (world centres, seen from above) by the assignment that maximises the summed
 * similarity 1 − d / gate, d the distance to the track's prediction; pairs outside a gate have no weight and are
 * never made. Returns [track, detection] index pairs.
 */
export function associate(
  tracks: readonly Expectation[],
  detections: readonly { x: number; y: number }[],
): [number, number][] {
  if (tracks.length === 0 || detections.length === 0) return [];
  const weights = tracks.map((t) =>
    detections.map((d) => {
      const distance = Math.hypot(d.x - t.x, d.y - t.y);
      return distance < t.gate ? 1 - distance / t.gate : 0;
    }),
  );
  return maximumWeightAssignment(weights).filter(([i, j]) => weights[i]![j]! > 0);
}
