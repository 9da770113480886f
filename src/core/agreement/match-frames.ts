import { invertRigid, transformPoint } from '../math/mat4';
import { parentFromCuboid } from '../geometry/cuboid';
import type { FrameBoxes } from './frame-boxes';
import { maximumWeightAssignment } from './hungarian';
import { similarityMatrix, similarityOf, type ClassedBox, type SimilarityKind } from './similarity';

/** Similarities this close below a threshold still pass it, so that IoU 0.5 computed as 0.4999999… counts. */
export const THRESHOLD_SLACK = 1e-9;

/** How boxes are compared: the similarity, and (for `center`) the distance at which it reaches 0 (metres). */
export interface SimilarityChoice {
  kind: SimilarityKind;
  zeroDistance?: number;
}

/** One frame's boxes left once ignore regions have taken theirs, with their similarities (ref rows × cand cols). */
export interface FramePairs {
  frame: number;
  ref: ClassedBox[];
  cand: ClassedBox[];
  sim: number[][];
}

/** The pairs of the assignment that maximises the summed similarity among pairs at or above `threshold`. */
export function matchAt(sim: readonly (readonly number[])[], threshold: number): [number, number][] {
  const floor = threshold - THRESHOLD_SLACK;
  const weights = sim.map((row) => row.map((s) => (s >= floor ? s : 0)));
  return maximumWeightAssignment(weights).filter(([i, j]) => sim[i]![j]! >= floor && sim[i]![j]! > 0);
}

/**
 * Takes out the boxes that an ignore region covers and nothing matches: a compared box left unmatched at
 * `threshold` that overlaps a reference ignore region, and a reference box left unmatched that overlaps an
 * ignore region of the compared set. They count neither as false positives nor as misses; matched boxes stay,
 * so a region never hides a real agreement. This mirrors how KITTI and MOTChallenge treat their `DontCare` and
 * distractor boxes (TrackEval removes tracker boxes matched to distractors before scoring).
 */
export function dropIgnored(
  boxes: FrameBoxes,
  threshold: number,
  similarity: SimilarityChoice,
  sim = similarityMatrix(boxes.ref, boxes.cand, similarity.kind, similarity.zeroDistance),
): FramePairs {
  const { kind, zeroDistance } = similarity;
  const pairs = matchAt(sim, threshold);
  const refMatched = new Set(pairs.map(([i]) => i)),
    candMatched = new Set(pairs.map(([, j]) => j));
  const covered = (box: ClassedBox, regions: readonly ClassedBox[]) =>
    regions.some((r) => centreInside(box, r) || similarityOf(kind, box.cuboid, r.cuboid, zeroDistance) >= threshold - THRESHOLD_SLACK); // prettier-ignore
  const keepRef = boxes.ref.map((box, i) => refMatched.has(i) || !covered(box, boxes.candIgnore));
  const keepCand = boxes.cand.map((box, j) => candMatched.has(j) || !covered(box, boxes.refIgnore));
  return {
    frame: boxes.frame,
    ref: boxes.ref.filter((_, i) => keepRef[i]),
    cand: boxes.cand.filter((_, j) => keepCand[j]),
    sim: sim.filter((_, i) => keepRef[i]).map((row) => row.filter((_, j) => keepCand[j])),
  };
}

/** Whether the box's centre lies inside the region (its own oriented frame, any pitch and roll). */
function centreInside(box: ClassedBox, region: ClassedBox): boolean {
  const local = transformPoint(invertRigid(parentFromCuboid(region.cuboid)), box.cuboid.position);
  return local.every((v, k) => Math.abs(v) <= region.cuboid.size[k]! / 2);
}
