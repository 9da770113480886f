import type { TrackFrame } from './clear-mot';
import { maximumWeightAssignment } from './hungarian';
import { THRESHOLD_SLACK } from './match-frames';

/** HOTA and its parts, each averaged over the localisation thresholds α. */
export interface Hota {
  hota: number;
  detA: number;
  assA: number;
  locA: number;
}

/** α = 0.05, 0.10, … 0.95: the 19 localisation thresholds HOTA is averaged over (Luiten et al. 2020, eq. 8). */
export const HOTA_ALPHAS: readonly number[] = Array.from({ length: 19 }, (_, k) => (k + 1) / 20);

/**
 * HOTA (Luiten et al., "HOTA: A Higher Order Metric for Evaluating Multi-Object Tracking", IJCV 2020). Per frame
 * one matching serves every α: the assignment maximising similarity × the global alignment score of the two
 * tracks (the tracks' IoU over the sequence, counting each frame's soft share of the pair; the paper's §5 and
 * its reference code TrackEval), then at each α only pairs with similarity ≥ α are true positives.
 * DetA_α = |TP| / (|TP| + |FN| + |FP|); AssA_α = mean over TPs c of |TPA(c)| / (|TPA(c)| + |FNA(c)| + |FPA(c)|);
 * LocA_α = mean similarity of the TPs; HOTA_α = √(DetA_α · AssA_α); each reported as its mean over α.
 */
export function hota(frames: readonly TrackFrame[]): Hota {
  const refIndex = new Map<string, number>(),
    candIndex = new Map<string, number>();
  for (const f of frames) {
    for (const id of f.refIds) if (!refIndex.has(id)) refIndex.set(id, refIndex.size);
    for (const id of f.candIds) if (!candIndex.has(id)) candIndex.set(id, candIndex.size);
  }
  const nCand = candIndex.size;
  const key = (i: number, j: number) => i * nCand + j;
  const refCount = new Float64Array(refIndex.size),
    candCount = new Float64Array(nCand);
  const rows = frames.map((f) => f.refIds.map((id) => refIndex.get(id)!));
  const cols = frames.map((f) => f.candIds.map((id) => candIndex.get(id)!));

  // The global alignment score: each frame adds the pair's similarity over the union of the pair's similarities.
  const potential = new Map<number, number>();
  frames.forEach((f, t) => {
    for (const i of rows[t]!) refCount[i] = refCount[i]! + 1;
    for (const j of cols[t]!) candCount[j] = candCount[j]! + 1;
    const rowSum = f.sim.map((row) => row.reduce((s, v) => s + v, 0));
    const colSum = cols[t]!.map((_, j) => f.sim.reduce((s, row) => s + row[j]!, 0));
    f.sim.forEach((row, i) =>
      row.forEach((s, j) => {
        const union = rowSum[i]! + colSum[j]! - s;
        if (s > 0 && union > THRESHOLD_SLACK) {
          const k = key(rows[t]![i]!, cols[t]![j]!);
          potential.set(k, (potential.get(k) ?? 0) + s / union);
        }
      }),
    );
  });
  const alignment = (i: number, j: number) => {
    const p = potential.get(key(i, j)) ?? 0;
    return p / (refCount[i]! + candCount[j]! - p);
  };

  const A = HOTA_ALPHAS.length;
  const tp = new Float64Array(A),
    fn = new Float64Array(A),
    fp = new Float64Array(A),
    loc = new Float64Array(A);
  const matches = HOTA_ALPHAS.map(() => new Map<number, number>());
  frames.forEach((f, t) => {
    const score = f.sim.map((row, i) => row.map((s, j) => s * alignment(rows[t]![i]!, cols[t]![j]!)));
    const pairs = maximumWeightAssignment(score);
    HOTA_ALPHAS.forEach((alpha, a) => {
      const kept = pairs.filter(([i, j]) => f.sim[i]![j]! > 0 && f.sim[i]![j]! >= alpha - THRESHOLD_SLACK);
      tp[a] = tp[a]! + kept.length;
      fn[a] = fn[a]! + f.refIds.length - kept.length;
      fp[a] = fp[a]! + f.candIds.length - kept.length;
      for (const [i, j] of kept) {
        loc[a] = loc[a]! + f.sim[i]![j]!;
        const k = key(rows[t]![i]!, cols[t]![j]!);
        matches[a]!.set(k, (matches[a]!.get(k) ?? 0) + 1);
      }
    });
  });

  let hotaSum = 0,
    detSum = 0,
    assSum = 0,
    locSum = 0;
  HOTA_ALPHAS.forEach((_, a) => {
    // Each TP c of the pair (i, j) scores |TPA| / (|TPA| + |FNA| + |FPA|) = m / (refCount + candCount − m).
    let ass = 0;
    for (const [k, m] of matches[a]!) {
      const i = Math.floor(k / nCand),
        j = k % nCand;
      ass += (m * m) / (refCount[i]! + candCount[j]! - m);
    }
    const assA = ass / Math.max(1, tp[a]!);
    const detA = tp[a]! / Math.max(1, tp[a]! + fn[a]! + fp[a]!);
    hotaSum += Math.sqrt(detA * assA);
    detSum += detA;
    assSum += assA;
    locSum += Math.max(1e-10, loc[a]!) / Math.max(1e-10, tp[a]!);
  });
  return { hota: hotaSum / A, detA: detSum / A, assA: assSum / A, locA: locSum / A };
}
