import type { LabelSet } from '../model/label-set';
import { clearMot, type ClearMot, type TrackFrame } from './clear-mot';
import { countDetections, matchedPairs, pairErrors, type DetectionCounts, type PairErrors } from './detection-metrics'; // prettier-ignore
import { collectFrameBoxes, type BoxFilter, type FrameBoxes } from './frame-boxes';
import { hota, type Hota } from './hota';
import { dropIgnored, type SimilarityChoice } from './match-frames';
import { CENTRE_ZERO_DISTANCE, similarityMatrix, type SimilarityKind } from './similarity';

/** What `compareLabelSets` is asked; every field has a default. */
export interface AgreementOptions extends Partial<BoxFilter> {
  /** `3d-iou` (default), `bev-iou`, or `center` (max(0, 1 − d / `centreZeroDistance`), d seen from above). */
  similarity?: SimilarityKind;
  /** Thresholds on the similarity for the detection counts; default 0.5 and 0.7. */
  iouThresholds?: readonly number[];
  /** The threshold CLEAR MOT matches at, and ignore regions are applied at for tracking; default 0.5. */
  trackingThreshold?: number;
  /** Metres; default 2 (see `CENTRE_ZERO_DISTANCE`). */
  centreZeroDistance?: number;
  /** Also report every class on its own. */
  byClass?: boolean;
}

/** Agreement of two label sets, as JSON-safe numbers (fractions in [0, 1], metres, radians). */
export interface AgreementReport {
  similarity: SimilarityKind;
  iouThresholds: number[];
  trackingThreshold: number;
  /** Frames looked at (0 … the last frame either set has). */
  frames: number;
  /** Boxes compared, after the class filter, the range gate and ignore regions. */
  boxes: { reference: number; compared: number };
  detection: { atIou: Record<string, DetectionCounts> } & PairErrors;
  tracking: Omit<ClearMot, 'tp' | 'fp' | 'fn'> & Hota;
  byClass?: Record<string, Omit<AgreementReport, 'byClass' | 'similarity' | 'iouThresholds' | 'trackingThreshold'>>; // prettier-ignore
}

/**
 * Compares label set `b` with the reference `a` (for two annotators, either may be the reference; precision and
 * recall swap, the rest stays): boxes matched frame by frame by optimal assignment on the chosen similarity,
 * detection counts at each threshold, the matched pairs' overlaps and errors (pairs matched at the lowest
 * threshold), and tracking metrics over the sequence (CLEAR MOT at `trackingThreshold`, HOTA over all α).
 * Pure: the app can run it in a worker. Definitions in `README.md`.
 */
export function compareLabelSets(a: LabelSet, b: LabelSet, options: AgreementOptions = {}): AgreementReport {
  const filter = boxFilterOf(options);
  const thresholds = [...(options.iouThresholds ?? [0.5, 0.7])].sort((x, y) => x - y);
  if (thresholds.length === 0 || thresholds.some((t) => !(t > 0 && t <= 1))) throw new Error('IoU thresholds must lie in (0, 1]'); // prettier-ignore
  const trackingThreshold = options.trackingThreshold ?? 0.5;
  const similarity = similarityChoiceOf(options);
  const frames = collectFrameBoxes(a, b, filter);
  const report: AgreementReport = {
    similarity: similarity.kind,
    iouThresholds: thresholds,
    trackingThreshold,
    ...measure(frames, thresholds, trackingThreshold, similarity),
  };
  if (options.byClass) {
    const classes = new Set(frames.flatMap((f) => [...f.ref, ...f.cand].map((box) => box.classId)));
    report.byClass = {};
    for (const classId of [...classes].sort()) {
      const only = frames.map((f) => ({ ...f, ref: f.ref.filter((x) => x.classId === classId), cand: f.cand.filter((x) => x.classId === classId) })); // prettier-ignore
      report.byClass[classId] = measure(only, thresholds, trackingThreshold, similarity);
    }
  }
  return report;
}

/** The boxes the options let take part (default: KITTI's `DontCare` as ignore regions). */
export function boxFilterOf(options: AgreementOptions): BoxFilter {
  return {
    ignoreClasses: options.ignoreClasses ?? ['DontCare'],
    ...(options.classes && { classes: options.classes }),
    ...(options.maxRange !== undefined && { maxRange: options.maxRange }),
    ...(options.minPoints !== undefined && { minPoints: options.minPoints }),
    ...(options.pointCount && { pointCount: options.pointCount }),
  };
}

/** The similarity the options ask for (default 3D IoU). */
export function similarityChoiceOf(options: AgreementOptions): SimilarityChoice {
  return { kind: options.similarity ?? '3d-iou', zeroDistance: options.centreZeroDistance ?? CENTRE_ZERO_DISTANCE };
}

function measure(
  frames: readonly FrameBoxes[],
  thresholds: readonly number[],
  trackingThreshold: number,
  similarity: SimilarityChoice,
): Omit<AgreementReport, 'byClass' | 'similarity' | 'iouThresholds' | 'trackingThreshold'> {
  // The similarities once per frame; each threshold then only re-runs the assignment.
  const sims = frames.map((f) => similarityMatrix(f.ref, f.cand, similarity.kind, similarity.zeroDistance));
  const at = (t: number) => frames.map((f, k) => dropIgnored(f, t, similarity, sims[k]));
  const atIou: Record<string, DetectionCounts> = {};
  for (const t of thresholds) atIou[String(t)] = countDetections(at(t), t);
  const lowest = at(thresholds[0]!);
  const tracked = at(trackingThreshold);
  const trackFrames: TrackFrame[] = tracked.map((f) => ({
    refIds: f.ref.map((x) => x.cuboid.trackId),
    candIds: f.cand.map((x) => x.cuboid.trackId),
    sim: f.sim,
  }));
  const { tp, fn, fp, ...clear } = clearMot(trackFrames, trackingThreshold);
  return {
    frames: frames.length,
    boxes: { reference: tp + fn, compared: tp + fp },
    detection: { atIou, ...pairErrors(matchedPairs(lowest, thresholds[0]!)) },
    tracking: { ...clear, ...hota(trackFrames) },
  };
}
