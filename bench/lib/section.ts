import type { Goal } from './goal';

/** The two paths of the 3D view: WebGPU, and the WebGL2 fallback that browsers without WebGPU take. */
export type BrowserBackend = 'webgpu' | 'webgl2';

/** How Chromium renders: SwiftShader (software, what CI machines without a GPU have) or the machine's GPU. */
export type GpuMode = 'swiftshader' | 'hardware';

/** What every section gets: the run's size list and sample policy, so that `--quick` shrinks all of them. */
export interface BenchContext {
  quick: boolean;
  /** Frame sizes to run, points (PERFORMANCE.md: 120k, 340k, 1M; `--quick` keeps only the first). */
  sizes: readonly number[];
  /** Timed samples for one case at this size: never below 20, fewer for the slow 1M-point cases. */
  samplesFor(points: number): number;
  /** Progress on stderr, so that stdout stays the table. */
  log(message: string): void;
  /** A note found while running (the browser and GPU a section ran on), printed under the table and saved. */
  note(message: string): void;
  /** Backends the GPU browser sections (render, frame switch) run on (`--browser webgpu|webgl2|both`). */
  browsers: readonly BrowserBackend[];
  /** `--gpu`: SwiftShader by default; `hardware` launches Chromium on the machine's GPU. */
  gpu: GpuMode;
  /** Records what a backend drew on (adapter or GL renderer), for the machine description in the results. */
  adapter(backend: string, description: string): void;
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
  /** Milliseconds, bytes per point (memory), bytes uploaded to the GPU per drawn frame, or megabytes held. */
  unit: 'ms' | 'B/pt' | 'B/frame' | 'MB';
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
  /**
   * Whether the row meets `goal`; undefined when PERFORMANCE.md sets none for this row. Judged on the p50 ratio
   * unless the goal's text says otherwise ("p95 …").
   */
  met: boolean | undefined;
  /**
   * The value `met` was judged on, where a goal is set: the p50 or p95 ratio, our p95 in ms for a time budget,
   * or the largest count of a series ("max = 0 B"). The README's table prints it.
   */
  judged?: number;
  /** Anything needed to read the row right, e.g. throughputs. */
  note?: string;
}

/** A group of rows that `--only <name>` can select. Browser sections (playwright) plug in the same way. */
export interface Section {
  name: string;
  summary: string;
  /** Caveats printed under the table and saved in the JSON when this section ran. */
  notes?: readonly string[];
  /** Draws with a GPU in Chromium: follows `--browser`, and WebGPU needs a display (run.ts uses xvfb-run). */
  usesGpu?: boolean;
  run(context: BenchContext): Promise<ResultRow[]>;
}
