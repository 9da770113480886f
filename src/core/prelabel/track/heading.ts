import { normalizeAngle } from '../../math/angle';
import type { MotionParams } from './params';

/** One frame of a track's span, in the world: smoothed centre and velocity, and the detection's yaw if seen. */
export interface HeadingStep {
  x: number;
  y: number;
  vx: number;
  vy: number;
  /** The detection's yaw on this frame, world; absent where the track coasted. */
  detectedYaw?: number;
  /** How much the detection's yaw counts in a standing track's one heading (its points and score). */
  weight: number;
}

/** The angle between two directions, ignoring which way along the axis (0 … π/2). */
export function axisDifference(a: number, b: number): number {
  const d = Math.abs(normalizeAngle(a - b));
  return Math.min(d, Math.PI - d);
}

/** `yaw` or `yaw + π`, whichever points the way `towards` does. */
export function alignEnd(yaw: number, towards: number): number {
  return Math.abs(normalizeAngle(yaw - towards)) > Math.PI / 2 ? normalizeAngle(yaw + Math.PI) : normalizeAngle(yaw);
}

/**
 * Whether the track travels clearly more than a standing object's noise: the distance it covers on the frames
 * where it moves faster than `movingSpeed`. Counting only those keeps a parked car standing whose world centre
 * creeps a metre or two over a long drive as the ego's odometry drifts.
 */
export function movesOverLife(steps: readonly HeadingStep[], motion: MotionParams): boolean {
  let travel = 0;
  for (let k = 1; k < steps.length; k++) {
    const [a, b] = [steps[k - 1]!, steps[k]!];
    if (Math.hypot(a.vx, a.vy) > motion.movingSpeed && Math.hypot(b.vx, b.vy) > motion.movingSpeed) {
      travel += Math.hypot(b.x - a.x, b.y - a.y);
    }
  }
  return travel > motion.movingTravelM;
}

/**
 * The world heading of each frame of a track. A moving vehicle faces the way it moves: each detection's yaw is
 * turned to the end its motion points at (a detector cannot tell a car's front from its back by shape alone),
 * and kept where it lies within `tolerance` of the motion's axis (the detection sees the body; the path's
 * direction lags in turns and wanders at low speed), else the motion's direction is taken. Where the track
 * stands for a while (stopped at a light), the direction of its nearest moving frame decides the end. A standing
 * vehicle keeps one heading: the weighted mean axis of its detections, the end most of them point at.
 * People turn on the spot: their motion's direction where they move, else the detection's yaw (its end as the
 * neighbouring frames' detections have it). Where a frame of the track has no ego pose (`motionKnown` false), the
 * track's motion is relative to an ego that may itself be driving, so it says nothing of the end: each frame keeps
 * its detection's yaw, its end as the neighbouring frames' detections have it.
 */
export function trackHeadings(
  steps: readonly HeadingStep[],
  turnsOnTheSpot: boolean,
  motion: MotionParams,
  tolerance: number,
  motionKnown = true,
): number[] {
  if (!motionKnown) return fillCoasts(steps.map((_, k) => localEnd(steps, k)));
  const moving = movesOverLife(steps, motion);
  if (!moving && !turnsOnTheSpot) return steps.map(() => standingHeading(steps));
  const own = steps.map((s) => (Math.hypot(s.vx, s.vy) > motion.movingSpeed ? Math.atan2(s.vy, s.vx) : undefined));
  if (!moving) return fillCoasts(steps.map((_, k) => localEnd(steps, k)));
  const carried = carryNearest(own);
  const chord = Math.atan2(steps.at(-1)!.y - steps[0]!.y, steps.at(-1)!.x - steps[0]!.x);
  const yaws = steps.map((s, k) => {
    const direction = carried[k] ?? chord;
    if (turnsOnTheSpot) return own[k] ?? localEnd(steps, k);
    if (s.detectedYaw === undefined) return own[k];
    const turned = alignEnd(s.detectedYaw, direction);
    return axisDifference(turned, direction) <= tolerance || own[k] === undefined ? turned : direction;
  });
  return fillCoasts(yaws);
}

/** Frames on either side whose detections vote on the end of a standing person's heading. */
const LOCAL_FRAMES = 5;

/**
 * A standing person's heading on one frame: the detection's yaw, turned to the end that the detections of the
 * nearby frames point at on the whole (a detection turned round is a minority among its neighbours; a person
 * turning round turns the majority within a few frames).
 */
function localEnd(steps: readonly HeadingStep[], k: number): number | undefined {
  const yaw = steps[k]!.detectedYaw;
  if (yaw === undefined) return undefined;
  let c = 0,
    s = 0;
  for (let j = Math.max(0, k - LOCAL_FRAMES); j <= Math.min(steps.length - 1, k + LOCAL_FRAMES); j++) {
    const other = steps[j]!.detectedYaw;
    if (other === undefined) continue;
    c += steps[j]!.weight * Math.cos(other);
    s += steps[j]!.weight * Math.sin(other);
  }
  return c === 0 && s === 0 ? yaw : alignEnd(yaw, Math.atan2(s, c));
}

/** One heading for a standing track: the weighted mean axis of its detections (angles doubled), end by vote. */
function standingHeading(steps: readonly HeadingStep[]): number {
  let c = 0,
    s = 0;
  for (const step of steps) {
    if (step.detectedYaw === undefined) continue;
    c += step.weight * Math.cos(2 * step.detectedYaw);
    s += step.weight * Math.sin(2 * step.detectedYaw);
  }
  const axis = Math.atan2(s, c) / 2;
  let vote = 0;
  for (const step of steps) {
    if (step.detectedYaw !== undefined) vote += step.weight * Math.sign(Math.cos(step.detectedYaw - axis));
  }
  return vote < 0 ? normalizeAngle(axis + Math.PI) : normalizeAngle(axis);
}

/** Each gap filled with the value of the nearest frame that has one (ties to the earlier). */
function carryNearest(values: readonly (number | undefined)[]): (number | undefined)[] {
  const out = [...values];
  let last: number | undefined;
  const before = values.map((v) => (last = v ?? last));
  last = undefined;
  const after = [...values].reverse().map((v) => (last = v ?? last)).reverse(); // prettier-ignore
  const distBefore: number[] = [],
    distAfter: number[] = [];
  let d = Infinity;
  for (const v of values) distBefore.push((d = v === undefined ? d + 1 : 0));
  d = Infinity;
  for (let k = values.length - 1; k >= 0; k--) distAfter[k] = d = values[k] === undefined ? d + 1 : 0;
  for (let k = 0; k < values.length; k++) {
    if (out[k] === undefined) out[k] = distBefore[k]! <= distAfter[k]! ? before[k] : after[k];
  }
  return out;
}

/** Coasted frames between two headings turn evenly from one to the other (the shorter way round). */
function fillCoasts(yaws: readonly (number | undefined)[]): number[] {
  const out = new Array<number>(yaws.length);
  let prev = -1;
  for (let k = 0; k < yaws.length; k++) {
    if (yaws[k] === undefined) continue;
    out[k] = normalizeAngle(yaws[k]!);
    for (let g = prev + 1; g < k; g++) {
      const from = prev >= 0 ? out[prev]! : out[k]!;
      const t = prev >= 0 ? (g - prev) / (k - prev) : 1;
      out[g] = normalizeAngle(from + t * normalizeAngle(out[k]! - from));
    }
    prev = k;
  }
  for (let g = prev + 1; g < yaws.length; g++) out[g] = prev >= 0 ? out[prev]! : 0;
  return out;
}
