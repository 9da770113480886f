import { PROTOCOL } from './protocol';

/** One reference car clicked once at its bird's-eye centre, by a method (the fit, or the anchor). */
export interface ClickOutcome {
  /** Bird's-eye IoU with the reference box (0 where the method gave no box). */
  iou: number;
  /** Angle between the length axes, radians in [0, π/2] (π/2 where no box). */
  axisError: number;
  /** Heading more than 90° off the reference's (true where no box: the heading is not right). */
  flipped: boolean;
  /** The reference track moves in the world; undefined where the scene has no poses. */
  moving?: boolean;
}

/** A method's one-click figures over a set of cars; null fields where there is no car to measure. */
export interface ClickFigures {
  objects: number;
  /** Share of cars whose box reaches the goal IoU (0.7). */
  atGoal: number | null;
  medianIou: number | null;
  /** Mean angle between length axes, degrees. */
  headingErrorDeg: number | null;
  flipRate: number | null;
  /** The cars of moving tracks, where poses tell; null where none is known to move or none could be told. */
  moving: { objects: number; flipRate: number } | null;
}

const round = (v: number, digits = 4): number => Math.round(v * 10 ** digits) / 10 ** digits;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const share = (outcomes: readonly ClickOutcome[], test: (o: ClickOutcome) => boolean): number | null =>
  outcomes.length === 0 ? null : round(outcomes.filter(test).length / outcomes.length);

/** The figures of one method over its outcomes, rounded as the results file keeps them. */
export function clickFigures(outcomes: readonly ClickOutcome[]): ClickFigures {
  const moving = outcomes.filter((o) => o.moving === true);
  const med = median(outcomes.map((o) => o.iou));
  const meanAxis = outcomes.length ? outcomes.reduce((s, o) => s + o.axisError, 0) / outcomes.length : null;
  return {
    objects: outcomes.length,
    atGoal: share(outcomes, (o) => o.iou >= PROTOCOL.clickIouGoal),
    medianIou: med === null ? null : round(med),
    headingErrorDeg: meanAxis === null ? null : round((meanAxis * 180) / Math.PI, 2),
    flipRate: share(outcomes, (o) => o.flipped),
    moving: moving.length ? { objects: moving.length, flipRate: share(moving, (o) => o.flipped)! } : null,
  };
}
