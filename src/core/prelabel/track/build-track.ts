import { normalizeAngle } from '../../math/angle';
import { transformPoint, type Vec3 } from '../../math/mat4';
import type { Detection, PrelabelBox, PrelabelTrack } from '../types';
import type { ClockedFrame } from './frame-clock';
import { trackHeadings, type HeadingStep } from './heading';
import { smoothSequence } from './kalman';
import type { GroupKind, MotionParams, TrackerParams } from './params';
import { trackSize } from './size';

/** One detection a track took: on which pushed frame (`ordinal`), as given (ego frame) and its world centre. */
export interface Observation {
  ordinal: number;
  detection: Detection;
  world: [number, number, number];
  worldYaw: number;
}

/**
 * A finished track's boxes, from its first detection to its last, on every frame pushed between them: smoothed
 * centres, headings from motion or from the detections (`trackHeadings`), one size, and the bottom face kept
 * where the detection put it (the ground is the one face every detection sees). Boxes go back into each frame's
 * ego frame. Undefined for a track the result leaves out (too few detections, too low a score). `motionKnown`
 * false: the track's motion is relative to an ego that drives, so it does not decide headings (`trackHeadings`).
 */
export function buildTrack(
  taken: readonly Observation[],
  kind: GroupKind,
  motion: MotionParams,
  frames: readonly ClockedFrame[],
  params: TrackerParams,
  motionKnown = true,
): PrelabelTrack | undefined {
  const observations = withoutOutliers(taken, motion, frames);
  const detections = observations.map((o) => o.detection);
  const score = detections.reduce((s, d) => s + d.score, 0) / detections.length;
  if (detections.length < params.minHits || score < params.minScore) return undefined;
  const first = observations[0]!.ordinal,
    last = observations.at(-1)!.ordinal;
  const span = frames.slice(first, last + 1);
  const seen = new Map(observations.map((o) => [o.ordinal - first, o]));
  const size = trackSize(detections, params.sizeFrames, kind !== 'vulnerable');
  const dts = clockSteps(span);
  const smooth = (centres: ReadonlyMap<number, { x: number; y: number }>) =>
    smoothSequence(dts, span.map((_, k) => centres.get(k)), motion.accelNoise, motion.measurementSigma ** 2, motion.initialSpeedSigma); // prettier-ignore
  const raw = new Map([...seen].map(([k, o]) => [k, { x: o.world[0], y: o.world[1] }]));
  let states = smooth(raw);
  const steps: HeadingStep[] = states.map((s, k) => {
    const o = seen.get(k);
    return { x: s.x, y: s.y, vx: s.vx, vy: s.vy, detectedYaw: o?.worldYaw, weight: o ? weightOf(o.detection) : 0 };
  });
  const classId = classVote(detections);
  const yaws = trackHeadings(
    steps,
    params.turnOnTheSpotClasses.includes(classId),
    motion,
    (params.headingToleranceDeg * Math.PI) / 180,
    motionKnown,
  );
  let centres = raw;
  if (params.keepSeenFaces) {
    centres = new Map([...seen].map(([k, o]) => [k, seenFacesCentre(o, size, yaws[k]! - span[k]!.egoYaw, span[k]!)]));
    states = smooth(centres);
  }
  const zs = bottomKeptHeights(span.length, seen, size[2]);
  const boxes: PrelabelBox[] = span.map((frame, k) => {
    const o = seen.get(k);
    const xy = params.smoothPositions || !o ? states[k]! : centres.get(k)!;
    const position = transformPoint(frame.egoFromWorld, [xy.x, xy.y, zs[k]!]);
    const yaw = normalizeAngle(yaws[k]! - frame.egoYaw);
    return o
      ? { frameIndex: frame.frameIndex, position, yaw, score: o.detection.score, points: o.detection.points, detected: true } // prettier-ignore
      : { frameIndex: frame.frameIndex, position, yaw, score, points: 0, detected: false };
  });
  return { classId, score, size, boxes };
}

function clockSteps(span: readonly ClockedFrame[]): number[] {
  return span.map((f, k) => (k === 0 ? 0 : f.clock - span[k - 1]!.clock));
}

/** Smoothed world centres over the span of the observations, every frame from the first to the last. */
function smoothObservations(
  observations: readonly Observation[],
  motion: MotionParams,
  frames: readonly ClockedFrame[],
) {
  const first = observations[0]!.ordinal;
  const span = frames.slice(first, observations.at(-1)!.ordinal + 1);
  const centres = new Array<{ x: number; y: number } | undefined>(span.length);
  for (const o of observations) centres[o.ordinal - first] = { x: o.world[0], y: o.world[1] };
  return smoothSequence(clockSteps(span), centres, motion.accelNoise, motion.measurementSigma ** 2, motion.initialSpeedSigma); // prettier-ignore
}

/**
 * The observations without those far from the path the others give: a false positive that started the track or
 * that it took while its gate was wide. Each round drops every detection farther than `OUTLIER_SIGMAS` standard
 * deviations of a detected centre from the smoothed path, then smooths again without them.
 */
function withoutOutliers(observations: readonly Observation[], motion: MotionParams, frames: readonly ClockedFrame[]) {
  let kept = [...observations];
  for (let round = 0; round < OUTLIER_ROUNDS && kept.length > 2; round++) {
    const states = smoothObservations(kept, motion, frames);
    const first = kept[0]!.ordinal;
    const limit = OUTLIER_SIGMAS * motion.measurementSigma;
    const next = kept.filter((o) => {
      const s = states[o.ordinal - first]!;
      return Math.hypot(o.world[0] - s.x, o.world[1] - s.y) <= limit;
    });
    if (next.length === kept.length || next.length === 0) break;
    kept = next;
  }
  return kept;
}

const OUTLIER_SIGMAS = 4;
const OUTLIER_ROUNDS = 3;

/** How much one detection's heading and class count: more points and a higher score, more say. */
function weightOf(d: Detection): number {
  return d.score * Math.sqrt(Math.max(1, d.points));
}

/** The class the detections give the most weight to (ties: the first seen). */
function classVote(detections: readonly Detection[]): string {
  const votes = new Map<string, number>();
  for (const d of detections) votes.set(d.classId, (votes.get(d.classId) ?? 0) + weightOf(d));
  let best = detections[0]!.classId;
  for (const [classId, v] of votes) if (v > votes.get(best)!) best = classId;
  return best;
}

/**
 * World heights of the centres: on a detected frame, the detection's bottom plus half the track's height; on a
 * coasted one, evenly between the neighbouring detected frames.
 */
function bottomKeptHeights(length: number, seen: ReadonlyMap<number, Observation>, height: number): number[] {
  const z = new Array<number>(length);
  let prev = -1;
  for (let k = 0; k < length; k++) {
    const o = seen.get(k);
    if (!o) continue;
    z[k] = o.world[2] - o.detection.size[2] / 2 + height / 2;
    for (let g = prev + 1; g < k; g++) z[g] = z[prev]! + ((g - prev) / (k - prev)) * (z[k]! - z[prev]!);
    prev = k;
  }
  return z;
}

/**
 * The world centre (x, y) of a box of the track's size whose faces towards the sensor (taken at the ego origin)
 * lie where the detection's do: along each of the box's axes whose near face the sensor sees, the centre moves
 * by half the difference of the sizes, away from the sensor where the track is the larger.
 */
function seenFacesCentre(o: Observation, size: Vec3, egoYaw: number, frame: ClockedFrame): { x: number; y: number } {
  const d = o.detection;
  const [cx, cy] = d.position;
  const axes: [number, number, number, number][] = [
    [Math.cos(egoYaw), Math.sin(egoYaw), d.size[0], size[0]],
    [-Math.sin(egoYaw), Math.cos(egoYaw), d.size[1], size[1]],
  ];
  let x = cx,
    y = cy;
  for (const [ux, uy, seenExtent, extent] of axes) {
    const along = -(cx * ux + cy * uy); // the sensor's offset from the centre along this axis
    if (Math.abs(along) <= seenExtent / 2) continue; // the sensor faces neither end of this axis
    const towards = Math.sign(along);
    x += towards * ((seenExtent - extent) / 2) * ux;
    y += towards * ((seenExtent - extent) / 2) * uy;
  }
  const w = transformPoint(frame.worldFromEgo, [x, y, d.position[2]]);
  return { x: w[0], y: w[1] };
}
