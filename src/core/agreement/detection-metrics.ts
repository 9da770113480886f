import { normalizeAngle } from '../math/angle';
import type { Cuboid } from '../model/labels';
import { matchAt, type FramePairs } from './match-frames';
import { iou3d, iouBev } from './oriented-iou';

/** Frame-by-frame detection counts at one threshold, and the ratios they give. */
export interface DetectionCounts {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); like TrackEval, 0 when nothing was compared (denominators floored at 1). */
  precision: number;
  recall: number;
  f1: number;
}

/** How far matched boxes lie from each other; `null` where no pair was matched. */
export interface PairErrors {
  pairs: number;
  meanIou3d: number | null;
  meanIouBev: number | null;
  /** Mean distance between matched centres, metres (3D). */
  centreError: number | null;
  /** Mean absolute difference of length, width and height, metres. */
  sizeError: { length: number; width: number; height: number } | null;
  /** Mean angle between the boxes' length axes, radians in [0, π/2]: a heading turned 180° counts 0 here … */
  headingError: number | null;
  /** … and is counted here instead: the share of pairs whose headings differ by more than 90°. */
  flipRate: number | null;
}

/** Counts over all frames of the pairs matched at `threshold` (optimal assignment per frame). */
export function countDetections(frames: readonly FramePairs[], threshold: number): DetectionCounts {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const f of frames) {
    const matched = matchAt(f.sim, threshold).length;
    tp += matched;
    fp += f.cand.length - matched;
    fn += f.ref.length - matched;
  }
  return countsOf(tp, fp, fn);
}

export function countsOf(tp: number, fp: number, fn: number): DetectionCounts {
  const precision = tp / Math.max(1, tp + fp),
    recall = tp / Math.max(1, tp + fn);
  return { tp, fp, fn, precision, recall, f1: tp / Math.max(1, tp + (fp + fn) / 2) };
}

/** The reference and compared cuboid of every pair matched at `threshold`, frame by frame. */
export function matchedPairs(frames: readonly FramePairs[], threshold: number): [Cuboid, Cuboid][] {
  return frames.flatMap((f) => matchAt(f.sim, threshold).map(([i, j]): [Cuboid, Cuboid] => [f.ref[i]!.cuboid, f.cand[j]!.cuboid])); // prettier-ignore
}

/** Means of the matched pairs' overlaps and errors (reference first in each pair). */
export function pairErrors(pairs: readonly (readonly [Cuboid, Cuboid])[]): PairErrors {
  const n = pairs.length;
  if (n === 0) return { pairs: 0, meanIou3d: null, meanIouBev: null, centreError: null, sizeError: null, headingError: null, flipRate: null }; // prettier-ignore
  let iou = 0,
    bev = 0,
    centre = 0,
    heading = 0,
    flips = 0;
  const size = [0, 0, 0];
  for (const [a, b] of pairs) {
    iou += iou3d(a, b);
    bev += iouBev(a, b);
    centre += Math.hypot(a.position[0] - b.position[0], a.position[1] - b.position[1], a.position[2] - b.position[2]);
    for (let k = 0; k < 3; k++) size[k] = size[k]! + Math.abs(a.size[k]! - b.size[k]!);
    const turn = Math.abs(normalizeAngle(b.yaw - a.yaw));
    if (turn > Math.PI / 2) flips++;
    heading += Math.min(turn, Math.PI - turn);
  }
  return {
    pairs: n,
    meanIou3d: iou / n,
    meanIouBev: bev / n,
    centreError: centre / n,
    sizeError: { length: size[0]! / n, width: size[1]! / n, height: size[2]! / n },
    headingError: heading / n,
    flipRate: flips / n,
  };
}
