import { normalizeAngle } from '../../math/angle';
import { transformPoint } from '../../math/mat4';
import type { Detection, FrameDetections, PrelabelTrack } from '../types';
import { associate, type Expectation } from './associate';
import { buildTrack, type Observation } from './build-track';
import { clockFrame, type ClockedFrame } from './frame-clock';
import { initialState, predict, update, type CvState } from './kalman';
import { groupOf, motionOf, resolveParams, type GroupKind, type MotionParams, type TrackerParams } from './params';

export interface Tracker {
  /** Adds the next frame's detections (frames in order). */
  push(frame: FrameDetections): void;
  /** Tracks confirmed so far (before the result's filters on length and score). */
  tracksSoFar(): number;
  /** The tracks of all frames pushed so far, in the order they were confirmed. Pushing may go on afterwards. */
  finish(): PrelabelTrack[];
}

interface LiveTrack {
  group: string;
  kind: GroupKind;
  motion: MotionParams;
  state: CvState;
  /** The clock (s) `state` is at. */
  stateClock: number;
  birth: number;
  hits: number;
  misses: number;
  confirmed: boolean;
  observations: Observation[];
}

/** A detection carried into the world, with its group. */
interface Placed {
  detection: Detection;
  world: [number, number, number];
  worldYaw: number;
  group: string;
  kind: GroupKind;
}

/**
 * Online multi-object tracking in the world frame: per frame, each live track predicts its centre (constant
 * velocity Kalman filter), detections are assigned to confirmed tracks within their gates, then what is left to
 * tentative ones, and the rest start tentative tracks. Boxes are built when asked (`finish`), over each track's
 * whole life, so that a gap is filled from both of its ends.
 */
export function createTracker(overrides: Partial<TrackerParams> = {}): Tracker {
  const params = resolveParams(overrides);
  const frames: ClockedFrame[] = [];
  let prevTime = NaN;
  const live: LiveTrack[] = [];
  /** Confirmed tracks in the order they were confirmed (the result's order). */
  const confirmedOrder: LiveTrack[] = [];

  const push = (frame: FrameDetections) => {
    const clocked = clockFrame(frame, frames.at(-1), prevTime, params.fallbackRateHz);
    prevTime = frame.time;
    frames.push(clocked);
    const ordinal = frames.length - 1;
    const placed = frame.detections.map((detection): Placed => {
      const { key, kind } = groupOf(detection.classId, params);
      return {
        detection,
        world: transformPoint(clocked.worldFromEgo, detection.position),
        worldYaw: normalizeAngle(detection.yaw + clocked.egoYaw),
        group: key,
        kind,
      };
    });
    const predicted = live.map((t) => predict(t.state, clocked.clock - t.stateClock, t.motion.accelNoise));
    const expectations = live.map((t, i): Expectation => {
      const p = predicted[i]!;
      return { x: p.x, y: p.y, gate: t.motion.gateM + t.motion.gateSigmas * Math.sqrt(p.pp) };
    });
    const taken = new Array<boolean>(placed.length).fill(false);
    const matched = new Array<boolean>(live.length).fill(false);
    // Confirmed tracks choose first, so a tentative track (often a false positive) never takes their detection.
    for (const confirmed of [true, false]) {
      const groups = new Set(placed.map((p) => p.group));
      for (const group of groups) {
        const ti = live.flatMap((t, i) => (t.group === group && t.confirmed === confirmed ? [i] : []));
        const di = placed.flatMap((p, j) => (p.group === group && !taken[j] ? [j] : []));
        const pairs = associate(ti.map((i) => expectations[i]!), di.map((j) => ({ x: placed[j]!.world[0], y: placed[j]!.world[1] }))); // prettier-ignore
        for (const [a, b] of pairs) {
          const t = live[ti[a]!]!,
            p = placed[di[b]!]!;
          matched[ti[a]!] = true;
          taken[di[b]!] = true;
          t.state = update(predicted[ti[a]!]!, p.world[0], p.world[1], t.motion.measurementSigma ** 2);
          t.stateClock = clocked.clock;
          t.hits++;
          t.misses = 0;
          t.observations.push({ ordinal, detection: p.detection, world: p.world, worldYaw: p.worldYaw });
          if (!t.confirmed && t.hits >= params.confirmHits) confirm(t);
        }
      }
    }
    for (let i = live.length - 1; i >= 0; i--) {
      if (matched[i]) continue;
      const t = live[i]!;
      t.misses++;
      const expired = t.confirmed ? t.misses > params.maxMisses : ordinal - t.birth + 1 >= params.confirmWindow;
      if (expired) live.splice(i, 1);
    }
    placed.forEach((p, j) => {
      if (taken[j]) return;
      const motion = motionOf(p.kind, params);
      const t: LiveTrack = {
        group: p.group,
        kind: p.kind,
        motion,
        state: initialState(p.world[0], p.world[1], motion.measurementSigma, motion.initialSpeedSigma),
        stateClock: clocked.clock,
        birth: ordinal,
        hits: 1,
        misses: 0,
        confirmed: false,
        observations: [{ ordinal, detection: p.detection, world: p.world, worldYaw: p.worldYaw }],
      };
      if (p.detection.score >= params.confirmScore || params.confirmHits <= 1) confirm(t);
      live.push(t);
    });
    // A tentative track that cannot reach its hits within its window any more is dropped now.
    for (let i = live.length - 1; i >= 0; i--) {
      const t = live[i]!;
      if (!t.confirmed && ordinal - t.birth + 1 >= params.confirmWindow) live.splice(i, 1);
    }
  };

  const confirm = (t: LiveTrack) => {
    t.confirmed = true;
    confirmedOrder.push(t);
  };

  return {
    push,
    tracksSoFar: () => confirmedOrder.length,
    finish: () => {
      const motionKnown = frames.every((f) => f.posed) || egoStandsStill(live, confirmedOrder, params);
      const build = (t: LiveTrack, p: TrackerParams) => buildTrack(t.observations, t.kind, t.motion, frames, p, motionKnown); // prettier-ignore
      // A sequence shorter than the birth window (one sweep, or a few) asks of a track no more detections than
      // it has frames: a single sweep's objects are its pre-labels, not all tentative and dropped.
      if (frames.length >= params.confirmWindow) return confirmedOrder.flatMap((t) => build(t, params) ?? []);
      const need = Math.max(1, Math.min(params.confirmHits, frames.length));
      const short = { ...params, minHits: Math.max(1, Math.min(params.minHits, frames.length)) };
      const tentative = live.filter((t) => !t.confirmed && t.hits >= need);
      return [...confirmedOrder, ...tentative].flatMap((t) => build(t, short) ?? []);
    },
  };
}

/** Tracks a whole sequence at once: the same as pushing every frame in order and finishing. */
export function trackDetections(
  frames: readonly FrameDetections[],
  params: Partial<TrackerParams> = {},
): PrelabelTrack[] {
  const tracker = createTracker(params);
  for (const frame of frames) tracker.push(frame);
  return tracker.finish();
}

/**
 * Without ego poses the tracker works in a frame that moves with the ego. Most of what a sweep holds stands still
 * in the world (parked cars, people waiting): where the median track moves, it is the ego that drives, and the
 * tracks' motion says nothing of where they face; where it stands, the ego does too and motion is the world's.
 */
function egoStandsStill(live: readonly LiveTrack[], confirmed: readonly LiveTrack[], params: TrackerParams): boolean {
  const speeds = [...new Set([...confirmed, ...live])]
    .map((t) => Math.hypot(t.state.vx, t.state.vy))
    .sort((a, b) => a - b);
  return speeds.length === 0 || speeds[Math.floor(speeds.length / 2)]! <= params.vehicle.movingSpeed;
}
