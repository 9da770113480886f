import type { Goal } from './goal';

/** What every section gets: the run's size list and sample policy, so that `--quick` shrinks all of them. */
export interface BenchContext {
  quick: boolean;
  /** Frame sizes to run, points (PERFORMANCE.md: 120k, 340k, 1M; `--quick` keeps only the first). */
  sizes: readonly number[];
  /** Timed samples for one case at this size: never below 20, fewer for the slow 1M-point cases. */
  samplesFor(points: number): number;
  /** Progress on stderr, so that stdout stays the table. */
  log(message: string): void;
}

/**
 * One row of the results: a figure of ours, its anchor measured in the same run on the same input, and their
 * ratio. Times are milliseconds; a memory row puts its value in p50 and p95 alike.
 */
export interface ResultRow {
  section: string;
  /** The input or stage, e.g. "pcd binary". */
  case: string;
  points: number;
  /** What of ours was measured, e.g. "readPcd". */
  figure: string;
  unit: 'ms' | 'B/pt';
  p50: number;
  p95: number;
  anchor: string;
  anchorP50: number;
  anchorP95: number;
  /** How `ratio` reads, e.g. "speed-up ×" (higher is better) or "× raw bytes" (lower is better). */
  ratioName: string;
  /** From the p50s; `ratioP95` from the p95s. */
  ratio: number;
  ratioP95: number;
  goal: Goal | undefined;
  /** Whether `ratio` meets `goal`; undefined when PERFORMANCE.md sets none for this row. */
  met: boolean | undefined;
  /** Anything needed to read the row right, e.g. throughputs. */
  note?: string;
}

/** A group of rows that `--only <name>` can select. Browser sections (playwright) plug in the same way. */
export interface Section {
  name: string;
  summary: string;
  /** Caveats printed under the table and saved in the JSON when this section ran. */
  notes?: readonly string[];
  run(context: BenchContext): Promise<ResultRow[]>;
}
