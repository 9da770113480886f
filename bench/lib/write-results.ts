import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MachineDescription } from './describe-machine';
import type { ResultsFile } from './results-file';
import type { BrowserBackend, GpuMode, ResultRow } from './section';
import type { SourceRevision } from './source-revision';

export interface RunInfo {
  createdAt: Date;
  /** The commit measured, where the run started in a git checkout. */
  source: SourceRevision | undefined;
  machine: MachineDescription;
  /** `os.loadavg()` when the run started and when it ended: how much else the machine was doing. */
  loadAverage: { start: number[]; end: number[] };
  quick: boolean;
  only: string | undefined;
  /** Backends the GPU sections ran on (empty when none ran), and how Chromium rendered. */
  browsers: readonly BrowserBackend[];
  gpu: GpuMode;
  notes: readonly string[];
}

/**
 * Writes the run as JSON (`ResultsFile`): where it ran (absolute figures are one machine's; ratios are what
 * compare across runs), the notes, and every row with its goal as text.
 */
export function writeResults(file: string, rows: readonly ResultRow[], info: RunInfo): void {
  const { createdAt, ...rest } = info;
  const json: Omit<ResultsFile, 'rows'> & { rows: unknown[] } = {
    createdAt: createdAt.toISOString(),
    ...rest,
    gcBetweenCases: typeof (globalThis as { gc?: unknown }).gc === 'function',
    rows: rows.map((row) => ({ ...row, goal: row.goal?.text })),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
}
