import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import type { BrowserBackend, GpuMode, ResultRow } from './section';

export interface RunInfo {
  quick: boolean;
  only: string | undefined;
  /** Backends the GPU sections ran on (empty when none ran), and how Chromium rendered. */
  browsers: readonly BrowserBackend[];
  gpu: GpuMode;
  notes: readonly string[];
}

/**
 * Writes the run as JSON: where it ran (absolute figures are one machine's; ratios are what compare across
 * runs), the notes, and every row with its goal as text.
 */
export function writeResults(file: string, rows: readonly ResultRow[], info: RunInfo): void {
  const machine = cpus();
  const json = {
    createdAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: { model: machine[0]?.model ?? 'unknown', cores: machine.length },
    gcBetweenCases: typeof (globalThis as { gc?: unknown }).gc === 'function',
    ...info,
    rows: rows.map((row) => ({ ...row, goal: row.goal?.text })),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
}
