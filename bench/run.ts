import { formatTable } from './lib/print-table';
import { parseArgs, USAGE } from './lib/parse-args';
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
  const context: BenchContext = {
    quick: args.quick,
    sizes: args.quick ? SIZES.slice(0, 1) : SIZES,
    samplesFor: (points) => samplesFor(points, args.quick),
    log: (message) => process.stderr.write(`${message}\n`),
  };
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    context.log(
      'note: run node with --expose-gc (npm run bench does) so that cases do not pay for each other’s garbage',
    );
  }
  const started = performance.now();
  const rows: ResultRow[] = [];
  for (const section of chosen) {
    context.log(`section ${section.name}: ${section.summary}`);
    rows.push(...(await section.run(context)));
  }
  const notes = [
    'ratio p50 = anchor p50 / ours p50 for times (above 1 = ours faster), ours / anchor for memory; ' +
      '"met" judges the p50 ratio.',
    ...chosen.flatMap((s) => s.notes ?? []),
  ];
  console.log(formatTable(rows));
  console.log('');
  for (const note of notes) console.log(`- ${note}`);
  writeResults(args.out, rows, { quick: args.quick, only: args.only, notes });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`- ${rows.length} rows in ${seconds} s; written to ${args.out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
