import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { stopPageServer } from './browser/serve-pages';
import { describeMachine } from './lib/describe-machine';
import { formatTable } from './lib/print-table';
import { parseArgs, USAGE } from './lib/parse-args';
import { resultsPathFor } from './lib/results-file';
import { sourceRevision } from './lib/source-revision';
import type { BenchContext, ResultRow } from './lib/section';
import { writeResults } from './lib/write-results';
import { sections } from './sections';

/** Frame sizes of PERFORMANCE.md, points: a KITTI sweep, 10 stacked nuScenes sweeps, a dense 1M frame. */
const SIZES = [120_000, 340_000, 1_000_000];

/**
 * Samples a case at each size. PERFORMANCE.md asks for at least 20 after 2 warm-ups; smaller frames get more,
 * which keeps a full run near a minute on 2 cores (the 1M anchors take ~0.2–0.3 s a call).
 */
function samplesFor(points: number, quick: boolean): number {
  if (quick) return 20;
  if (points >= 1_000_000) return 25;
  return points >= 300_000 ? 35 : 50;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(`${USAGE}\nsections: ${sections.map((s) => s.name).join(', ')}`);
    return;
  }
  const chosen = args.only === undefined ? sections : sections.filter((s) => s.name === args.only);
  if (chosen.length === 0) {
    throw new Error(`no section "${args.only}"; sections: ${sections.map((s) => s.name).join(', ')}`);
  }
  const runNotes: string[] = [];
  const createdAt = new Date();
  const machine = describeMachine(args.gpu, args.machine);
  const source = sourceRevision();
  const loadAtStart = loadavg();
  // A full run is committed (bench/results/, the README's table comes from it); a partial one is not.
  const full = args.only === undefined && !args.quick;
  const out = args.out ?? (full ? resultsPathFor(createdAt, machine.kind) : 'bench/results.json');
  const context: BenchContext = {
    quick: args.quick,
    sizes: args.quick ? SIZES.slice(0, 1) : SIZES,
    samplesFor: (points) => samplesFor(points, args.quick),
    log: (message) => process.stderr.write(`${message}\n`),
    note: (message) => {
      if (!runNotes.includes(message)) runNotes.push(message);
    },
    browsers: args.browsers,
    gpu: args.gpu,
    adapter: (backend, description) => {
      machine.gpu.adapters[backend] = description;
    },
  };
  // A headed Chromium (WebGPU on SwiftShader, or any hardware GPU run) needs an X display.
  const needsDisplay = chosen.some((s) => s.usesGpu) && (args.browsers.includes('webgpu') || args.gpu === 'hardware');
  if (needsDisplay && !process.env['DISPLAY']) {
    process.exitCode = rerunUnderXvfb(context.log);
    return;
  }
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    context.log(
      'note: run node with --expose-gc (npm run bench does) so that cases do not pay for each other’s garbage',
    );
  }
  const started = performance.now();
  const rows: ResultRow[] = [];
  try {
    for (const section of chosen) {
      context.log(`section ${section.name}: ${section.summary}`);
      rows.push(...(await section.run(context)));
    }
  } finally {
    await stopPageServer();
  }
  // Sections share some notes (how the GPU is waited for): print each once.
  const notes = [
    ...new Set([
      'ratio p50 = anchor p50 / ours p50 where "ratio is" reads speed-up × or fraction of memcpy (above 1 = ours ' +
        'faster); ours / anchor where it reads "× anchor" or "× raw bytes" (lower is better). "met" judges the p50 ' +
        'ratio unless the goal says p95.',
      ...chosen.flatMap((s) => s.notes ?? []),
      ...runNotes,
    ]),
  ];
  console.log(formatTable(rows));
  console.log('');
  for (const note of notes) console.log(`- ${note}`);
  writeResults(out, rows, {
    createdAt,
    source,
    machine,
    loadAverage: { start: loadAtStart, end: loadavg() },
    quick: args.quick,
    only: args.only,
    browsers: chosen.some((s) => s.usesGpu) ? args.browsers : [],
    gpu: args.gpu,
    notes,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`- ${rows.length} rows in ${seconds} s; written to ${out}`);
  if (full && args.out === undefined) {
    console.log(`- commit ${out}, then \`npm run bench:readme\` generates the README's Speed table from it`);
  }
}

/**
 * Runs this same command again under `xvfb-run -a` (a virtual X display), where it is installed; otherwise
 * says how to run. Returns the exit code.
 */
function rerunUnderXvfb(log: (message: string) => void): number {
  const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
  if (!hasXvfb || process.env['FRUSTUM_BENCH_UNDER_XVFB']) {
    log(
      'the WebGPU sections need a display (headed Chromium). Run under a virtual one:\n' +
        '  xvfb-run -a npm run bench -- <flags>\n' +
        'or keep to headless WebGL2: npm run bench -- --browser webgl2',
    );
    return 1;
  }
  log('no DISPLAY: running again under xvfb-run -a');
  const result = spawnSync(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1920x1080x24', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
      env: { ...process.env, FRUSTUM_BENCH_UNDER_XVFB: '1' },
    },
  );
  return result.status ?? 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
