import { decompressLzf } from '../../src/formats/pointcloud/decompress-lzf';
import { readKittiBin } from '../../src/formats/pointcloud/read-kitti-bin';
import { readNuscenesBin } from '../../src/formats/pointcloud/read-nuscenes-bin';
import { readPcd } from '../../src/formats/pointcloud/read-pcd';
import { getBenchInputs, type BenchInputs } from '../inputs/bench-inputs';
import { atLeast } from '../lib/goal';
import { formatThroughput, makeTimeRow } from '../lib/make-time-row';
import { measure, type MeasureOptions, type Timing } from '../lib/measure';
import type { BenchContext, ResultRow, Section } from '../lib/section';
import { decodeWithLoadersGl, decodeWithThree, toArrayBuffer } from './anchor-decoders';
import { assertSameCloud, assertSamePositions } from './verify-decodes';

/** Chromium's `Uint8Array.set` on the machine of PERFORMANCE.md, bytes per second, for the notes only. */
const BROWSER_MEMCPY = 5.8e9;

const THREE = 'three PCDLoader.parse';
const LOADERS_GL = 'loaders.gl parsePCD';
const MEMCPY = 'Uint8Array.set';
const SPEED_UP = 'speed-up ×';
const OF_MEMCPY = 'fraction of memcpy';

/** Our throughput and memcpy's, and our ratio against the browser's memcpy (not same-run: a hint only). */
function noteBandwidth(bytes: number, ours: Timing, memcpy: Timing): string {
  const browserRatio = bytes / (ours.p50 * 1e6) / (BROWSER_MEMCPY / 1e9);
  return (
    `ours ${formatThroughput(bytes, ours.p50)}, memcpy ${formatThroughput(bytes, memcpy.p50)}; ` +
    `${browserRatio.toFixed(2)}× of a 5.8 GB/s browser memcpy`
  );
}

function runSize(points: number, context: BenchContext): ResultRow[] {
  const started = performance.now();
  const inputs = getBenchInputs(points);
  context.log(`decode ${points} points: inputs made in ${(performance.now() - started).toFixed(0)} ms`);
  verifyDecoders(inputs);
  const timing: MeasureOptions = { warmup: 2, samples: context.samplesFor(points) };
  // A 2–16 MB copy takes tens of microseconds: batch it so one sample is well above the timer's noise.
  const memcpyTiming: MeasureOptions = { ...timing, minSampleMs: 2 };
  const copyInto = (bytes: Uint8Array): Timing => {
    const target = new Uint8Array(bytes.length);
    return measure(() => target.set(bytes), memcpyTiming);
  };
  const rows: ResultRow[] = [];
  const base = { section: 'decode', points };

  const binary = toArrayBuffer(inputs.pcdBinary);
  const binaryOurs = measure(() => readPcd(inputs.pcdBinary, 'bench.pcd'), timing);
  const binaryThree = measure(() => decodeWithThree(binary), timing);
  const binaryLoadersGl = measure(() => decodeWithLoadersGl(binary), timing);
  const binaryCopy = copyInto(inputs.pcdBinary);
  const pcdBinary = { ...base, case: 'pcd binary', figure: 'readPcd' };
  rows.push(
    makeTimeRow({ ...pcdBinary, anchor: THREE, ratioName: SPEED_UP, goal: atLeast(5) }, binaryOurs, binaryThree),
    makeTimeRow({ ...pcdBinary, anchor: LOADERS_GL, ratioName: SPEED_UP }, binaryOurs, binaryLoadersGl),
    makeTimeRow(
      {
        ...pcdBinary,
        anchor: MEMCPY,
        ratioName: OF_MEMCPY,
        goal: atLeast(0.15),
        note: noteBandwidth(inputs.pcdBinary.length, binaryOurs, binaryCopy),
      },
      binaryOurs,
      binaryCopy,
    ),
  );
  context.log(`decode ${points} points: pcd binary done`);

  const compressed = toArrayBuffer(inputs.pcdCompressed);
  const compressedOurs = measure(() => readPcd(inputs.pcdCompressed, 'bench.pcd'), timing);
  const compressedThree = measure(() => decodeWithThree(compressed), timing);
  const compressedLoadersGl = measure(() => decodeWithLoadersGl(compressed), timing);
  const pcdCompressed = { ...base, case: 'pcd binary_compressed', figure: 'readPcd' };
  const ratio = `LZF ratio ${(inputs.lzfStream.length / inputs.lzfColumns.length).toFixed(2)}`;
  rows.push(
    makeTimeRow(
      { ...pcdCompressed, anchor: THREE, ratioName: SPEED_UP, goal: atLeast(2.5), note: ratio },
      compressedOurs,
      compressedThree,
    ),
    makeTimeRow({ ...pcdCompressed, anchor: LOADERS_GL, ratioName: SPEED_UP }, compressedOurs, compressedLoadersGl),
  );
  // The LZF stage alone, into a preallocated block; memcpy of the same output size is its anchor.
  const block = new Uint8Array(inputs.lzfColumns.length);
  const lzf = measure(() => decompressLzf(inputs.lzfStream, block), timing);
  const lzfCopy = copyInto(inputs.lzfColumns);
  rows.push(
    makeTimeRow(
      {
        ...base,
        case: 'pcd binary_compressed',
        figure: 'decompressLzf',
        anchor: `${MEMCPY} (output size)`,
        ratioName: OF_MEMCPY,
        goal: atLeast(0.06),
        note: noteBandwidth(block.length, lzf, lzfCopy) + ' (output bytes)',
      },
      lzf,
      lzfCopy,
    ),
  );
  context.log(`decode ${points} points: pcd binary_compressed done`);

  for (const [name, bytes, read, figure] of [
    ['kitti .bin', inputs.kittiBin, readKittiBin, 'readKittiBin'],
    ['nuscenes .bin', inputs.nuscenesBin, readNuscenesBin, 'readNuscenesBin'],
  ] as const) {
    const ours = measure(() => read(bytes, 'bench.bin'), timing);
    const copy = copyInto(bytes);
    const note = noteBandwidth(bytes.length, ours, copy);
    const spec = { ...base, case: name, figure, anchor: MEMCPY, ratioName: OF_MEMCPY, goal: atLeast(0.3), note };
    rows.push(makeTimeRow(spec, ours, copy));
  }
  context.log(`decode ${points} points: .bin done`);
  return rows;
}

/** Every decoder once on every input, checked, before anything is timed. */
function verifyDecoders(inputs: BenchInputs): void {
  const { sweep } = inputs;
  const intensity = { intensity: sweep.intensity };
  assertSameCloud('readPcd binary', readPcd(inputs.pcdBinary, 'bench.pcd'), sweep, intensity);
  assertSameCloud('readPcd binary_compressed', readPcd(inputs.pcdCompressed, 'bench.pcd'), sweep, intensity);
  assertSameCloud('readKittiBin', readKittiBin(inputs.kittiBin, 'bench.bin'), sweep, intensity);
  const nuscenes = { intensity: sweep.intensity.map((v) => Math.round(v * 255)), ring: sweep.ring };
  assertSameCloud('readNuscenesBin', readNuscenesBin(inputs.nuscenesBin, 'bench.bin'), sweep, nuscenes);
  const block = new Uint8Array(inputs.lzfColumns.length);
  if (decompressLzf(inputs.lzfStream, block) !== block.length || block.some((b, i) => b !== inputs.lzfColumns[i])) {
    throw new Error('decompressLzf: the bench stream does not expand to the columns it was made from');
  }
  for (const [label, file] of [
    ['binary', inputs.pcdBinary],
    ['binary_compressed', inputs.pcdCompressed],
  ] as const) {
    assertSamePositions(`${THREE} ${label}`, decodeWithThree(toArrayBuffer(file)), sweep);
    assertSamePositions(`${LOADERS_GL} ${label}`, decodeWithLoadersGl(toArrayBuffer(file)), sweep);
  }
}

export const decodeSection: Section = {
  name: 'decode',
  summary: 'PCD binary / binary_compressed and KITTI / nuScenes .bin decode against three.js, loaders.gl, memcpy',
  notes: [
    "memcpy ratios are pessimistic here: node's Uint8Array.set runs at ~20–50 GB/s on this machine (cache-hot " +
      'below ~4 MB), Chromium measured ~5.8 GB/s (PERFORMANCE.md); each memcpy row prints both throughputs.',
    'loaders.gl is timed through its synchronous parsePCD (PCDLoader.parseSync), which parse() from ' +
      '@loaders.gl/core runs; three.js through PCDLoader.parse on the same ArrayBuffer.',
  ],
  async run(context) {
    return context.sizes.flatMap((points) => runSize(points, context));
  },
};
