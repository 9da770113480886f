import { bevIou } from '../../../../../src/core/fit/bev-iou';
import { countPointsInBox } from '../../../../../src/core/fit/count-points-in-box';
import type { Cuboid } from '../../../../../src/core/model/labels';
import { detectObjects } from '../../../../../src/core/prelabel/detect';
import type { ClassicParams } from '../../../../../src/core/prelabel/detect';
import type { Detection } from '../../../../../src/core/prelabel/types';
import type { EvalFrame, EvalTrack } from '../../fit/track-size-data';

/** Where detections and labels are compared: within `maxRange` m of the ego, and inside a front view if given. */
export interface EvalRegion {
  maxRange: number;
  /** Half-angle (degrees) of the front camera's view: KITTI labels only what its front camera sees. */
  frontHalfAngle?: number;
}

/** One labelled object a detector had to find. */
export interface LabelOutcome {
  frame: number;
  points: number;
  /** Bird's-eye IoU of its same-class detection (one-to-one, greedy by IoU); 0 when none overlaps. */
  iou: number;
  /** That detection's score (0 when none). */
  score: number;
}

export interface DetectionEval {
  /** Labels of the class with at least `minPoints` points in the region, and how each was found. */
  labels: LabelOutcome[];
  /** Detections of the class in the region, with their score and whether they matched a label (IoU ≥ 0.5). */
  detections: { frame: number; score: number; hit: boolean; detection: Detection }[];
  /** Milliseconds per sweep (the index taken as given). */
  msPerFrame: number;
}

export const MATCH_IOU = 0.5;

function inRegion(p: readonly number[], region: EvalRegion): boolean {
  const [x, y] = [p[0]!, p[1]!];
  if (Math.hypot(x, y) > region.maxRange) return false;
  if (region.frontHalfAngle === undefined) return true;
  return x > 0 && Math.abs(y) < x * Math.tan((region.frontHalfAngle * Math.PI) / 180);
}

/**
 * Runs the detector on every frame and matches its boxes of `classId` with the labels of that class (greedy by
 * bird's-eye IoU, one to one). A label counts for recall when it holds ≥ `minPoints` points; any label of the
 * class (even empty) makes a matching detection a true positive.
 */
export function evaluateDetections(
  frames: readonly EvalFrame[],
  tracks: readonly EvalTrack[],
  classId: string,
  minPoints: number,
  region: EvalRegion,
  params: Partial<ClassicParams> = {},
  classes: readonly string[] = ['car', 'truck', 'pedestrian', 'cyclist'],
): DetectionEval {
  const out: DetectionEval = { labels: [], detections: [], msPerFrame: 0 };
  let ms = 0;
  for (const frame of frames) {
    const labels: Cuboid[] = tracks
      .filter((t) => t.classId === classId)
      .flatMap((t) => t.labels.filter((l) => l.frameIndex === frame.index && inRegion(l.position, region)));
    const started = performance.now();
    const all = detectObjects(
      {
        cloud: frame.cloud,
        egoFromLidar: frame.egoFromLidar,
        index: { ground: frame.ground, index: frame.grid },
        classes,
      },
      params,
    );
    ms += performance.now() - started;
    const found = all.filter((d) => d.classId === classId && inRegion(d.position, region));
    const pairs: [number, number, number][] = [];
    labels.forEach((l, i) => found.forEach((d, j) => pairs.push([bevIou(l, d), i, j])));
    pairs.sort((a, b) => b[0] - a[0]);
    const labelIou = new Float64Array(labels.length);
    const labelScore = new Float64Array(labels.length);
    const usedL = new Set<number>(),
      usedD = new Set<number>();
    for (const [iou, i, j] of pairs) {
      if (iou <= 0 || usedL.has(i) || usedD.has(j)) continue;
      usedL.add(i);
      usedD.add(j);
      labelIou[i] = iou;
      labelScore[i] = found[j]!.score;
    }
    const hitDetections = new Set(
      pairs.filter(([iou, i, j]) => iou >= MATCH_IOU && labelIou[i] === iou && usedD.has(j)).map(([, , j]) => j),
    );
    labels.forEach((l, i) => {
      const points = countPointsInBox(frame.grid, l);
      if (points >= minPoints)
        out.labels.push({ frame: frame.index, points, iou: labelIou[i]!, score: labelScore[i]! });
    });
    found.forEach((d, j) =>
      out.detections.push({ frame: frame.index, score: d.score, hit: hitDetections.has(j), detection: d }),
    );
  }
  out.msPerFrame = ms / Math.max(1, frames.length);
  return out;
}

/** Recall (labels matched at IoU ≥ 0.5) and precision (detections matched) of detections scoring ≥ `minScore`. */
export function recallPrecision(result: DetectionEval, minScore = 0): { recall: number; precision: number } {
  const kept = result.detections.filter((d) => d.score >= minScore);
  const recalled = result.labels.filter((l) => l.iou >= MATCH_IOU && l.score >= minScore).length;
  return {
    recall: result.labels.length ? recalled / result.labels.length : 1,
    precision: kept.length ? kept.filter((d) => d.hit).length / kept.length : 1,
  };
}
