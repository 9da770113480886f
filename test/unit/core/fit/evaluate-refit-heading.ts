import { countPointsInBox } from '../../../../src/core/fit/count-points-in-box';
import { fitCuboidAtClick } from '../../../../src/core/fit/fit-cuboid-at-click';
import type { FitResult } from '../../../../src/core/fit/fit-result';
import { refitHeading } from '../../../../src/core/fit/refit-heading';
import { normalizeAngle } from '../../../../src/core/math/angle';
import { transformPoint } from '../../../../src/core/math/mat4';
import type { Cuboid, TrackSizeSource } from '../../../../src/core/model/labels';
import { carryPose, type FrameTiming } from '../../../../src/core/tracks/frame-motion';
import { motionYawAt } from '../../../../src/core/tracks/motion';
import type { EvalFrame, EvalTrack } from './track-size-data';

/** One refit on a frame sparser than the track's evidence: its heading's error by each rule (radians). */
export interface HeadingOutcome {
  id: string;
  frameIndex: number;
  /** Points in the fit on this frame and behind the evidence it was weighed against. */
  points: number;
  evidence: number;
  /** Signed error, in (−π, π], of the fit's own heading (the old rule) and of the rule's. */
  old: number;
  now: number;
  /** Which way the rule went. */
  from: string;
}

/** A track's labelled frames with a fit at the label's centre, frame order. */
interface Fitted {
  label: Cuboid;
  fit: FitResult;
}

/** Labels whose centres, carried into the world, lie within this of each other (metres): a parked vehicle. */
const PARKED_SPREAD_M = 0.5;

/** The frames as the track code reads them: by frame index, with their poses where the data has them. */
export function timingsOf(frames: readonly EvalFrame[]): FrameTiming[] {
  const last = Math.max(...frames.map((f) => f.index));
  const out: FrameTiming[] = Array.from({ length: last + 1 }, (_, i) => ({ timestampUs: i * 1e5 }));
  for (const f of frames)
    if (f.worldFromEgo) out[f.index] = { timestampUs: f.index * 1e5, worldFromEgo: f.worldFromEgo };
  return out;
}

/** Whether a track's labels stay put in the world (every frame posed). */
export function isParked(track: EvalTrack, timings: readonly FrameTiming[]): boolean {
  const world = track.labels.map((c) => {
    const pose = timings[c.frameIndex]?.worldFromEgo;
    return pose ? transformPoint(pose, c.position) : undefined;
  });
  if (world.some((p) => !p)) return false;
  return world.every((a) => world.every((b) => Math.hypot(a![0] - b![0], a![1] - b![1]) <= PARKED_SPREAD_M));
}

/** A click at each label's centre with at least `minPoints` points inside it, frame by frame. */
function fitTrack(track: EvalTrack, byIndex: Map<number, EvalFrame>, minPoints: number): Fitted[] {
  const out: Fitted[] = [];
  for (const label of track.labels) {
    const frame = byIndex.get(label.frameIndex);
    if (!frame || countPointsInBox(frame.grid, label) < minPoints) continue;
    const click = { x: label.position[0], y: label.position[1] };
    const options = { classId: track.classId, index: frame.grid, ground: frame.ground };
    const fit = fitCuboidAtClick(frame.cloud, frame.egoFromLidar, click, options);
    if (fit) out.push({ label, fit });
  }
  return out;
}

/** A stored box as the app would keep it after a fit on its frame. */
function boxOf(track: EvalTrack, frameIndex: number, pose: Pick<FitResult, 'position' | 'size' | 'yaw'>): Cuboid {
  return {
    type: 'cuboid',
    id: `${track.id}-${frameIndex}`,
    sceneId: 's',
    trackId: track.id,
    frameIndex,
    position: [...pose.position],
    size: [...pose.size],
    yaw: pose.yaw,
    pitch: 0,
    roll: 0,
    attributes: {},
    keyframe: true,
    source: { kind: 'manual' },
  };
}

/** The frames by index, and their timings and poses. */
function indexed(frames: EvalFrame[]): { byIndex: Map<number, EvalFrame>; timings: FrameTiming[] } {
  return { byIndex: new Map(frames.map((f) => [f.index, f])), timings: timingsOf(frames) };
}

/** The tracks of `classes` that are parked (or moving), each with its labels' fits, where at least `least` fit. */
function* fittedTracks(
  data: { frames: EvalFrame[]; tracks: EvalTrack[] },
  classes: readonly string[],
  minPoints: number,
  want: { parked: boolean; least: number },
): Generator<{ track: EvalTrack; fitted: Fitted[] }> {
  const { byIndex, timings } = indexed(data.frames);
  for (const track of data.tracks) {
    if (!classes.includes(track.classId) || isParked(track, timings) !== want.parked) continue;
    const fitted = fitTrack(track, byIndex, minPoints);
    if (fitted.length >= want.least) yield { track, fitted };
  }
}

/**
 * The case on every parked vehicle: fitted on the frame whose fit holds most points, then a box given on
 * each sparser frame and refitted there (the app's Shift+C): its heading by the fit alone against the rule.
 */
export function evaluateParkedRefits(
  data: { frames: EvalFrame[]; tracks: EvalTrack[] },
  classes: readonly string[],
  minPoints: number,
): HeadingOutcome[] {
  const { byIndex, timings } = indexed(data.frames);
  const out: HeadingOutcome[] = [];
  for (const { track, fitted } of fittedTracks(data, classes, minPoints, { parked: true, least: 2 })) {
    const dense = fitted.reduce((a, b) => (b.fit.points > a.fit.points ? b : a));
    const sizeSource: TrackSizeSource = { kind: 'fit', frameIndex: dense.label.frameIndex, points: dense.fit.points };
    const denseBox = boxOf(track, dense.label.frameIndex, dense.fit);
    for (const sparse of fitted) {
      if (sparse.fit.points >= dense.fit.points) continue;
      const frameIndex = sparse.label.frameIndex;
      // Shift+C: the dense box copied here where it stays put in the world, then fitted at its centre.
      const copy = carryPose(denseBox, timings, frameIndex, denseBox.frameIndex);
      const frame = byIndex.get(frameIndex)!;
      const click = { x: copy.position[0], y: copy.position[1] };
      const options = { classId: track.classId, index: frame.grid, ground: frame.ground };
      const fit = fitCuboidAtClick(frame.cloud, frame.egoFromLidar, click, options);
      if (!fit) continue;
      const boxes = [denseBox, boxOf(track, frameIndex, { ...copy, size: denseBox.size })];
      const rule = refitHeading({ fit, boxes, sizeSource, frameIndex, frames: timings, classId: track.classId });
      out.push(outcome(track, { label: sparse.label, fit }, dense.fit.points, rule));
    }
  }
  return out;
}

/**
 * Every moving vehicle fitted on all its frames; then each frame whose fit holds fewer points than the best of
 * the others refitted, told the direction of travel (as the app tells it): the fit's heading against the rule's.
 */
export function evaluateMovingRefits(
  data: { frames: EvalFrame[]; tracks: EvalTrack[] },
  classes: readonly string[],
  minPoints: number,
): HeadingOutcome[] {
  const { byIndex, timings } = indexed(data.frames);
  const out: HeadingOutcome[] = [];
  for (const { track, fitted } of fittedTracks(data, classes, minPoints, { parked: false, least: 3 })) {
    const boxes = fitted.map((f) => boxOf(track, f.label.frameIndex, f.fit));
    for (const sparse of fitted) {
      const frameIndex = sparse.label.frameIndex;
      const rest = fitted.filter((f) => f !== sparse);
      const dense = rest.reduce((a, b) => (b.fit.points > a.fit.points ? b : a));
      if (sparse.fit.points >= dense.fit.points) continue;
      const motionYaw = motionYawAt(boxes, frameIndex, timings);
      if (motionYaw === undefined) continue;
      const frame = byIndex.get(frameIndex)!;
      const click = { x: sparse.label.position[0], y: sparse.label.position[1] };
      const options = { classId: track.classId, index: frame.grid, ground: frame.ground, motionYaw };
      const fit = fitCuboidAtClick(frame.cloud, frame.egoFromLidar, click, options);
      if (!fit) continue;
      const sizeSource: TrackSizeSource = { kind: 'fit', frameIndex: dense.label.frameIndex, points: dense.fit.points };
      const rule = refitHeading({ fit, boxes, sizeSource, frameIndex, frames: timings, classId: track.classId });
      out.push(outcome(track, { label: sparse.label, fit }, dense.fit.points, rule));
    }
  }
  return out;
}

function outcome(track: EvalTrack, sparse: Fitted, evidence: number, rule: { yaw: number; from: string }) {
  return {
    id: track.id,
    frameIndex: sparse.label.frameIndex,
    points: sparse.fit.points,
    evidence,
    old: normalizeAngle(sparse.fit.yaw - sparse.label.yaw),
    now: normalizeAngle(rule.yaw - sparse.label.yaw),
    from: rule.from,
  };
}

/** How far a heading's axis lies from the label's (radians, 0 to π / 2): a flip end for end is not counted. */
export function axisError(error: number): number {
  const a = Math.abs(error);
  return Math.min(a, Math.PI - a);
}

/** Whether a heading points the wrong way along its axis. */
export function isFlipped(error: number): boolean {
  return Math.abs(error) > Math.PI / 2;
}
