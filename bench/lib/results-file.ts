import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineDescription } from './describe-machine';
import type { BrowserBackend, GpuMode, ResultRow } from './section';
import type { SourceRevision } from './source-revision';

/** Committed results of full runs, one file a run: `<YYYY-MM-DD>-<machine kind>.json`. */
export const RESULTS_DIR = 'bench/results';

/**
 * A row as saved: the goal as its text, and NaN ratios (rows with no ratio) as null, which is what
 * `JSON.stringify` makes of them.
 */
export interface SavedRow extends Omit<ResultRow, 'goal' | 'ratio' | 'ratioP95' | 'judged'> {
  goal?: string;
  ratio: number | null;
  ratioP95: number | null;
  judged?: number | null;
}

/** A run as `npm run bench` writes it. */
export interface ResultsFile {
  createdAt: string;
  /** The commit measured and how many tracked files differed from it; absent outside a git checkout. */
  source?: SourceRevision;
  machine: MachineDescription;
  /** 1, 5 and 15-minute load averages when the run started and ended (absent in files from before it was kept). */
  loadAverage?: { start: number[]; end: number[] };
  quick: boolean;
  only: string | undefined;
  /** Backends the GPU sections ran on (empty when none ran), and how Chromium rendered. */
  browsers: readonly BrowserBackend[];
  gpu: GpuMode;
  gcBetweenCases: boolean;
  notes: readonly string[];
  rows: SavedRow[];
}

/** Where a full run's results go by default: the run's UTC date and the machine's kind. */
export function resultsPathFor(createdAt: Date, machineKind: string): string {
  return join(RESULTS_DIR, `${createdAt.toISOString().slice(0, 10)}-${machineKind}.json`);
}

/** The newest committed results file (names start with the date, so the last in name order), or undefined. */
export function newestResultsFile(dir = RESULTS_DIR): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^\d{4}-\d{2}-\d{2}-.+\.json$/.test(name));
  } catch {
    return undefined;
  }
  const newest = names.sort().at(-1);
  return newest === undefined ? undefined : join(dir, newest);
}

export function readResultsFile(file: string): ResultsFile {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Partial<ResultsFile>;
  if (!json.machine || !Array.isArray(json.rows)) {
    throw new Error(`${file}: not a results file of npm run bench (no machine or no rows)`);
  }
  return json as ResultsFile;
}
