import type { LabelSet } from '../model/label-set';
import { clearMot, type TrackFrame } from './clear-mot';
import { collectFrameBoxes } from './frame-boxes';
import { dropIgnored } from './match-frames';
import { boxFilterOf, similarityChoiceOf, type AgreementOptions } from './agreement';

/** How one frame's boxes of two label sets relate, by box id: what a person looks at to see where they differ. */
export interface FrameDifference {
  frame: number;
  /** Pairs matched at the tracking threshold; `switched`: the reference track went to another compared track. */
  matched: { reference: string; compared: string; switched: boolean }[];
  /** Reference boxes nothing matches. */
  missed: string[];
  /** Compared boxes that match nothing. */
  extra: string[];
}

/**
 * Frame by frame, which boxes of `b` match which of the reference `a`, which are missed or extra, and where an
 * identity switched: the same matching CLEAR MOT makes at `trackingThreshold` (ignore regions and filters as in
 * `compareLabelSets`), so that what is drawn and listed adds up to the figures reported.
 */
export function labelSetDifferences(a: LabelSet, b: LabelSet, options: AgreementOptions = {}): FrameDifference[] {
  const threshold = options.trackingThreshold ?? 0.5;
  const similarity = similarityChoiceOf(options);
  const frames = collectFrameBoxes(a, b, boxFilterOf(options)).map((f) => dropIgnored(f, threshold, similarity));
  const trackFrames: TrackFrame[] = frames.map((f) => ({
    refIds: f.ref.map((x) => x.cuboid.trackId),
    candIds: f.cand.map((x) => x.cuboid.trackId),
    sim: f.sim,
  }));
  const out: FrameDifference[] = [];
  clearMot(trackFrames, threshold, (k, pairs, switched) => {
    const f = frames[k]!;
    const refMatched = new Set(pairs.map(([i]) => i)),
      candMatched = new Set(pairs.map(([, j]) => j));
    out.push({
      frame: f.frame,
      matched: pairs.map(([i, j]) => ({ reference: f.ref[i]!.cuboid.id, compared: f.cand[j]!.cuboid.id, switched: switched.has(i) })), // prettier-ignore
      missed: f.ref.filter((_, i) => !refMatched.has(i)).map((x) => x.cuboid.id),
      extra: f.cand.filter((_, j) => !candMatched.has(j)).map((x) => x.cuboid.id),
    });
  });
  return out;
}
