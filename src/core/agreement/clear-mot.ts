import { matchAt, THRESHOLD_SLACK } from './match-frames';

/** One frame for the tracking metrics: the track ids of its reference and compared boxes, and their similarities. */
export interface TrackFrame {
  refIds: readonly string[];
  candIds: readonly string[];
  /** Reference rows × compared columns, in [0, 1]. */
  sim: readonly (readonly number[])[];
}

/** CLEAR MOT over a sequence (Bernardin & Stiefelhagen 2008). */
export interface ClearMot {
  /** 1 − (misses + false positives + identity switches) / reference boxes (the denominator floored at 1). */
  mota: number;
  /** Mean similarity of the matched pairs (the chosen similarity, not a distance); 0 with no match. */
  motp: number;
  idSwitches: number;
  fragmentations: number;
  tp: number;
  fp: number;
  fn: number;
}

/**
 * CLEAR MOT with a similarity threshold. Per frame, as the paper's mapping procedure: a reference track matched
 * to a compared track in the previous frame keeps it while their similarity stays at or above the threshold;
 * the others are paired by an optimal assignment on similarity. An identity switch is a reference track matched
 * to another compared track than the last one it was matched to (however long ago, as TrackEval counts them);
 * a fragmentation is a reference track's matching resuming after a frame in which the track was there but
 * unmatched (Li, Huang & Nevatia 2009: "the total number of times that a ground truth trajectory is interrupted
 * in the tracking result"). Frames where the reference track itself is absent (an occluded stretch left
 * unlabelled) interrupt nothing: TrackEval counts those too, which would give a label set fragmentations against
 * itself.
 */
/** One frame's outcome, for those who draw or list the differences: the pairs (row, column) and which switched. */
export type FrameOutcome = (k: number, pairs: readonly [number, number][], switched: ReadonlySet<number>) => void;

export function clearMot(frames: readonly TrackFrame[], threshold: number, onFrame?: FrameOutcome): ClearMot {
  const lastMatch = new Map<string, string>();
  let previous = new Map<string, string>();
  // Per reference track: whether it was matched the last frame it was there.
  const wasMatched = new Map<string, boolean>();
  let fragmentations = 0;
  let tp = 0,
    fp = 0,
    fn = 0,
    idSwitches = 0,
    simSum = 0;
  for (const [k, f] of frames.entries()) {
    const pairs: [number, number][] = [];
    const switched = new Set<number>();
    const candIndex = new Map(f.candIds.map((id, j) => [id, j]));
    const refTaken = new Set<number>(),
      candTaken = new Set<number>();
    f.refIds.forEach((id, i) => {
      const j = candIndex.get(previous.get(id) ?? '');
      if (j !== undefined && !candTaken.has(j) && f.sim[i]![j]! >= threshold - THRESHOLD_SLACK) {
        pairs.push([i, j]);
        refTaken.add(i);
        candTaken.add(j);
      }
    });
    // The rest by optimal assignment, with the kept rows and columns taken out.
    const rest = f.sim.map((row, i) => row.map((s, j) => (refTaken.has(i) || candTaken.has(j) ? 0 : s)));
    pairs.push(...matchAt(rest, threshold));
    const current = new Map<string, string>();
    for (const [i, j] of pairs) {
      const ref = f.refIds[i]!,
        cand = f.candIds[j]!;
      const last = lastMatch.get(ref);
      if (last !== undefined && last !== cand) {
        idSwitches++;
        switched.add(i);
      }
      if (wasMatched.get(ref) === false && lastMatch.has(ref)) fragmentations++;
      lastMatch.set(ref, cand);
      current.set(ref, cand);
      simSum += f.sim[i]![j]!;
    }
    for (const ref of f.refIds) wasMatched.set(ref, current.has(ref));
    onFrame?.(k, pairs, switched);
    previous = current;
    tp += pairs.length;
    fp += f.candIds.length - pairs.length;
    fn += f.refIds.length - pairs.length;
  }
  return {
    mota: 1 - (fn + fp + idSwitches) / Math.max(1, tp + fn),
    motp: simSum / Math.max(1, tp),
    idSwitches,
    fragmentations,
    tp,
    fp,
    fn,
  };
}
