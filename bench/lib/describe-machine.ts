import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import type { GpuMode } from './section';

/**
 * Where a run ran, saved with its results: absolute figures are one machine's, so a results file names the
 * machine it belongs to. `gpu.adapters` is filled by the GPU sections (what each backend actually got).
 */
export interface MachineDescription {
  /** Short name in the results file's name, e.g. "2-core-swiftshader" (`--machine` overrides it). */
  kind: string;
  cpu: { model: string; cores: number };
  /** Total memory, GiB. */
  memoryGiB: number;
  os: string;
  node: string;
  /** `chromium --version` of the Chromium the browser sections launch. */
  chromium: string;
  gpu: { mode: GpuMode; adapters: Record<string, string> };
}

/** The distribution's own name (e.g. "Debian GNU/Linux 12 (bookworm)") where the system says it, else none. */
function distribution(): string | undefined {
  try {
    const line = readFileSync('/etc/os-release', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('PRETTY_NAME='));
    return line?.slice('PRETTY_NAME='.length).replace(/^"|"$/g, '');
  } catch {
    return undefined;
  }
}

/** The first line `--version` prints, or why there is none. */
function chromiumVersion(): string {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const line = result.stdout?.split('\n')[0]?.trim();
  return line || `not found (${path})`;
}

/** Describes this machine; `kind` defaults to "<cores>-core-<gpu mode>". */
export function describeMachine(gpu: GpuMode, kind?: string): MachineDescription {
  const cores = availableParallelism();
  const os = `${type()} ${release()} ${process.arch}`;
  const name = distribution();
  return {
    kind: kind ?? `${cores}-core-${gpu}`,
    cpu: { model: cpus()[0]?.model.trim() ?? 'unknown', cores },
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: name ? `${name}, ${os}` : os,
    node: process.version,
    chromium: chromiumVersion(),
    gpu: { mode: gpu, adapters: {} },
  };
}
