import { forEachPointInBox, type BoxPose } from './count-points-in-box';
import type { GridIndex } from './grid-index';

/** A box and the value its inside points take. */
export interface PaintBox {
  box: BoxPose;
  value: number;
}

/**
 * Writes `value` of each box into `out` at the cloud index of every point inside it (faces included); every
 * other point gets `none`. `out` is in the cloud's own point order (`index.sourceIndex` maps back to it) and
 * holds at least `index.count` values. Where boxes overlap, the later one wins. Reads only the cells under each
 * box's footprint plus one fill of `out`: the cost of a label change, not of a drag step. No allocation per point.
 */
export function paintPointsInBoxes(
  index: GridIndex,
  boxes: readonly PaintBox[],
  out: Float32Array,
  none: number,
): void {
  out.fill(none, 0, index.count);
  const { sourceIndex } = index;
  for (const { box, value } of boxes) forEachPointInBox(index, box, (i) => (out[sourceIndex[i]!] = value));
}
