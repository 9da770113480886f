import { p95AtMost, type Goal } from './goal';
import type { Timing } from './measure';
import type { ResultRow } from './section';

export interface TimeRowSpec {
  section: string;
  case: string;
  points: number;
  figure: string;
  anchor: string;
  /** e.g. "speed-up ×" or "fraction of memcpy"; both read as ours' throughput over the anchor's. */
  ratioName: string;
  goal?: Goal;
  note?: string;
  /**
   * `anchor/ours` (default): above 1 we are faster, for "≥ k×" goals. `ours/anchor`: how many anchors our time
   * is, for "≤ k×" budgets such as "a frame in ≤ 1.5× a raw draw" (lower is better).
   */
  ratioOf?: 'anchor/ours' | 'ours/anchor';
  /** Which ratio the goal judges (default p50; PERFORMANCE.md states some goals on p95). */
  judge?: 'p50' | 'p95';
}

/**
 * A row comparing two timings of the same input. The ratio is anchor time / our time, i.e. how many times
 * our throughput is the anchor's: above 1 we are faster, and a goal "≥ k×" reads directly.
 */
export function makeTimeRow(spec: TimeRowSpec, ours: Timing, anchor: Timing): ResultRow {
  const inverse = spec.ratioOf === 'ours/anchor';
  const ratio = inverse ? ours.p50 / anchor.p50 : anchor.p50 / ours.p50;
  const ratioP95 = inverse ? ours.p95 / anchor.p95 : anchor.p95 / ours.p95;
  return {
    section: spec.section,
    case: spec.case,
    points: spec.points,
    figure: spec.figure,
    unit: 'ms',
    p50: ours.p50,
    p95: ours.p95,
    anchor: spec.anchor,
    anchorP50: anchor.p50,
    anchorP95: anchor.p95,
    ratioName: spec.ratioName,
    ratio,
    ratioP95,
    goal: spec.goal,
    met: spec.goal?.isMet(spec.judge === 'p95' ? ratioP95 : ratio),
    ...(spec.goal === undefined ? {} : { judged: spec.judge === 'p95' ? ratioP95 : ratio }),
    ...(spec.note === undefined ? {} : { note: spec.note }),
  };
}

/** Bytes per second as "12.3 GB/s" (decimal units, as memory bandwidth is quoted). */
export function formatThroughput(bytes: number, ms: number): string {
  return `${(bytes / (ms * 1e6)).toFixed(bytes / (ms * 1e6) < 10 ? 2 : 1)} GB/s`;
}

/** A frame at 60 Hz, PERFORMANCE.md's budget for an interaction: an edit, its undo, a redraw. */
export const FRAME_MS = 16;

/** A time row whose goal is an absolute p95 budget in milliseconds (judged on our p95, not a ratio). */
export function budgetRow(spec: TimeRowSpec, ours: Timing, anchor: Timing, ms = FRAME_MS): ResultRow {
  const goal = p95AtMost(ms);
  return { ...makeTimeRow(spec, ours, anchor), goal, met: goal.isMet(ours.p95), judged: ours.p95 };
}
