import { setTrackSize } from '../../../../src/core/edits/set-track-size';
import { countPointsInBox } from '../../../../src/core/fit/count-points-in-box';
import { estimateTrackSize, type TrackSizePart } from '../../../../src/core/fit/estimate-track-size';
import { fitCuboidAtClick } from '../../../../src/core/fit/fit-cuboid-at-click';
import type { EvalFrame, EvalTrack } from './track-size-data';
import { refitInTrack } from '../../../../src/core/fit/refit-in-track';
import { replacesSize } from '../../../../src/core/fit/size-evidence';
import { translationOf, transformPoint, type Vec3 } from '../../../../src/core/math/mat4';
import type { Cuboid, Track } from '../../../../src/core/model/labels';
import { boxToBox, carryBoxPoints, gatherMargin } from '../../../../src/core/tracks/accumulate-track';

/** What each way of sizing a track gave for one labelled object, against its label (metres). */
export interface SizeOutcome {
  id: string;
  classId: string;
  frames: number;
  /** Points inside the label box on its densest and sparsest frame. */
  densest: number;
  sparsest: number;
  label: Vec3;
  /** The sparsest frame's own fit: what "the last refit sets the size" gives after a refit there. */
  sparseFit: Vec3;
  /** The densest frame's own fit. */
  denseFit: Vec3;
  /** The last frame's own fit: what "every refit sets the track's size" leaves after refitting frame by frame. */
  lastFit: Vec3;
  /** The rule: refits in frame order, each followed by the estimate from all the track's boxes so far. */
  accumulated: Vec3;
  /** Refits on a frame sparser than one before it after which the track's size shrank (any side by > 2 cm). */
  sparseShrinks: number;
  /** The case: fitted on the frame whose fit held most points, then refitted on the one with fewest. */
  denseThenSparse: Vec3;
  /** The size the first of those fits gave the track. */
  denseThenSparseFrom: Vec3;
  /** What "every refit sets the track's size" left: the second fit's size. */
  denseThenSparseBefore: Vec3;
}

/**
 * For each object of `classes` with at least `minPoints` points inside its label on at least two frames: a click
 * at the label's centre on each such frame, as an annotator fitting then refitting the track frame by frame.
 */
export function evaluateTrackSizes(
  data: { frames: EvalFrame[]; tracks: EvalTrack[] },
  classes: readonly string[],
  minPoints: number,
): SizeOutcome[] {
  const byIndex = new Map(data.frames.map((f) => [f.index, f]));
  const out: SizeOutcome[] = [];
  for (const track of data.tracks) {
    if (!classes.includes(track.classId)) continue;
    const fits: { frame: EvalFrame; fit: NonNullable<ReturnType<typeof fitCuboidAtClick>>; inLabel: number }[] = [];
    for (const label of track.labels) {
      const frame = byIndex.get(label.frameIndex);
      if (!frame) continue;
      const inLabel = countPointsInBox(frame.grid, label);
      if (inLabel < minPoints) continue;
      const click = { x: label.position[0], y: label.position[1] };
      const fit = fitCuboidAtClick(frame.cloud, frame.egoFromLidar, click, {
        classId: track.classId,
        index: frame.grid,
        ground: frame.ground,
      });
      if (fit) fits.push({ frame, fit, inLabel });
    }
    if (fits.length < 2) continue;
    const byPoints = [...fits].sort((a, b) => a.inLabel - b.inLabel);
    const byFit = [...fits].sort((a, b) => a.fit.points - b.fit.points);
    out.push({
      id: track.id,
      classId: track.classId,
      frames: fits.length,
      densest: byPoints.at(-1)!.inLabel,
      sparsest: byPoints[0]!.inLabel,
      label: medianSize(track.labels),
      sparseFit: byPoints[0]!.fit.size,
      denseFit: byPoints.at(-1)!.fit.size,
      lastFit: fits.at(-1)!.fit.size,
      ...replay(track, fits),
      denseThenSparse: replay(track, [byFit.at(-1)!, byFit[0]!]).accumulated,
      denseThenSparseFrom: byFit.at(-1)!.fit.size,
      denseThenSparseBefore: byFit[0]!.fit.size,
    });
  }
  return out;
}

/** The app's rule replayed: refit frame after frame, then the estimate from the track's boxes so far. */
function replay(
  track: EvalTrack,
  fits: { frame: EvalFrame; fit: NonNullable<ReturnType<typeof fitCuboidAtClick>> }[],
): { accumulated: Vec3; sparseShrinks: number } {
  let sparseShrinks = 0;
  let densest = 0;
  let before: Vec3 | undefined;
  const sceneId = 's';
  const rec: Track = { type: 'track', id: track.id, sceneId, classId: track.classId, attributes: {}, rigid: true };
  const doc = new Map<string, Track | Cuboid>([[rec.id, rec]]);
  const frameOf = new Map<number, EvalFrame>();
  for (const { frame, fit } of fits) {
    frameOf.set(frame.index, frame);
    const t = doc.get(track.id) as Track;
    const boxes = [...doc.values()].filter((r): r is Cuboid => r.type === 'cuboid');
    const sensor = translationOf(frame.egoFromLidar);
    const first = boxes.length === 0;
    const refit = first
      ? { ...fit, sizeSource: { kind: 'fit' as const, frameIndex: frame.index, points: fit.points } }
      : refitInTrack(fit, { size: boxes[0]!.size, sizeSource: t.sizeSource }, frame.index, [sensor[0], sensor[1]]);
    const box: Cuboid = {
      type: 'cuboid',
      id: `b${frame.index}`,
      sceneId,
      trackId: track.id,
      frameIndex: frame.index,
      position: refit.position,
      size: refit.size,
      yaw: refit.yaw,
      pitch: 0,
      roll: 0,
      attributes: {},
      keyframe: true,
      source: { kind: 'manual' },
    };
    doc.set(box.id, box);
    for (const b of boxes) doc.set(b.id, { ...b, size: [...refit.size] });
    doc.set(track.id, { ...t, sizeSource: refit.sizeSource });
    if (first) {
      densest = fit.points;
      before = refit.size;
      continue;
    }
    // The estimate from every box so far, in the frame of the box just refitted.
    const stored = [...doc.values()].filter((r): r is Cuboid => r.type === 'cuboid');
    const parts: TrackSizePart[] = stored.map((b) => {
      const f = frameOf.get(b.frameIndex)!;
      const m = boxToBox(box, b);
      return {
        xyz: carryBoxPoints(f.cloud, f.egoFromLidar, b, box, gatherMargin(b.size)),
        sensor: transformPoint(m, translationOf(f.egoFromLidar)),
      };
    });
    const estimate = estimateTrackSize(parts, box, { classId: track.classId });
    const current = (doc.get(track.id) as Track).sizeSource;
    if (estimate && replacesSize(estimate, current)) {
      const sizeSource = { kind: 'points' as const, frames: estimate.frames, points: estimate.points };
      const patch = setTrackSize(doc, { trackId: track.id, size: estimate.size, offset: estimate.offset, sizeSource });
      for (const [, after] of patch.updated) doc.set(after.id, after as Track | Cuboid);
    }
    const now = (doc.get(box.id) as Cuboid).size;
    if (fit.points < densest && now.some((v, i) => v < before![i]! - 0.02)) sparseShrinks++;
    densest = Math.max(densest, fit.points);
    before = now;
  }
  return { accumulated: [...doc.values()].find((r): r is Cuboid => r.type === 'cuboid')!.size, sparseShrinks };
}

function medianSize(labels: readonly Cuboid[]): Vec3 {
  const m = (i: number) => {
    const v = labels.map((c) => c.size[i]!).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)]!;
  };
  return [m(0), m(1), m(2)];
}

/** Intersection over union of two boxes of these sizes sharing centre and axes: how alike the sizes are. */
export function sizeIou(a: Vec3, b: Vec3): number {
  const inter = a.reduce((p, v, i) => p * Math.min(v, b[i]!), 1);
  return inter / (a[0] * a[1] * a[2] + b[0] * b[1] * b[2] - inter);
}
