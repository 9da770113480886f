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
import { rotatingCopies } from '../inputs/rotating-copies';
import { readDrawable } from './read-drawable';
import { assertSameCloud, assertSamePositions } from './verify-decodes';

const THREE = 'three PCDLoader.parse';
const LOADERS_GL = 'loaders.gl parsePCD';
const ROTATED_MEMCPY = 'Uint8Array.set, rotated copies';
/** Our figure in a memcpy row: the reader up to a cloud drawn as it is, in the decode worker's steady state. */
const DRAWABLE = (reader: string) => `${reader} → drawable cloud`;
const SPEED_UP = 'speed-up ×';
const OF_MEMCPY = 'fraction of memcpy';

/** Our throughput and memcpy's (p50), both reading rotated copies of the input. */
function noteBandwidth(bytes: number, ours: Timing, memcpy: Timing): string {
  return `ours ${formatThroughput(bytes, ours.p50)}, memcpy ${formatThroughput(bytes, memcpy.p50)}; rotated inputs`;
}

function runSize(points: number, context: BenchContext): ResultRow[] {
  const started = performance.now();
  const inputs = getBenchInputs(points);
  context.log(`decode ${points} points: inputs made in ${(performance.now() - started).toFixed(0)} ms`);
  verifyDecoders(inputs);
  const timing: MeasureOptions = { warmup: 2, samples: context.samplesFor(points) };
  // A 2–16 MB copy takes tens of microseconds: batch it so one sample is well above the timer's noise.
  const memcpyTiming: MeasureOptions = { ...timing, minSampleMs: 2 };
  // Both sides of a memcpy row read rotating copies of their input (never what the last call left in the cache),
  // as the decode-browser section does: a memcpy of cache-hot bytes runs at ~47 GB/s here, of a file's bytes at
  // ~16 GB/s, and a file read to be decoded is not in the cache.
  const copyInto = (bytes: Uint8Array): Timing => {
    const slots = rotatingCopies(bytes);
    const target = new Uint8Array(bytes.length);
    let k = 0;
    return measure(() => target.set(slots[k++ % slots.length]!), memcpyTiming);
  };
  const timeRotated = (bytes: Uint8Array, fn: (slot: Uint8Array) => unknown): Timing => {
    const slots = rotatingCopies(bytes);
    let k = 0;
    return measure(() => fn(slots[k++ % slots.length]!), timing);
  };
  const drawablePcd = readDrawable((b, owned) => readPcd(b, 'bench.pcd', owned), true);
  const rows: ResultRow[] = [];
  const base = { section: 'decode', points };

  const binary = toArrayBuffer(inputs.pcdBinary);
  const binaryOurs = measure(() => readPcd(inputs.pcdBinary, 'bench.pcd'), timing);
  const binaryThree = measure(() => decodeWithThree(binary), timing);
  const binaryLoadersGl = measure(() => decodeWithLoadersGl(binary), timing);
  const binaryDrawable = timeRotated(inputs.pcdBinary, drawablePcd);
  const binaryCopy = copyInto(inputs.pcdBinary);
  const pcdBinary = { ...base, case: 'pcd binary', figure: 'readPcd' };
  rows.push(
    makeTimeRow({ ...pcdBinary, anchor: THREE, ratioName: SPEED_UP, goal: atLeast(5) }, binaryOurs, binaryThree),
    makeTimeRow({ ...pcdBinary, anchor: LOADERS_GL, ratioName: SPEED_UP }, binaryOurs, binaryLoadersGl),
    makeTimeRow(
      {
        ...pcdBinary,
        figure: DRAWABLE('readPcd'),
        anchor: ROTATED_MEMCPY,
        ratioName: OF_MEMCPY,
        goal: atLeast(0.15),
        note: noteBandwidth(inputs.pcdBinary.length, binaryDrawable, binaryCopy),
      },
      binaryDrawable,
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
  const lzf = timeRotated(inputs.lzfStream, (stream) => decompressLzf(stream, block));
  const lzfCopy = copyInto(inputs.lzfColumns);
  rows.push(
    makeTimeRow(
      {
        ...base,
        case: 'pcd binary_compressed',
        figure: 'decompressLzf',
        anchor: `${ROTATED_MEMCPY} (output size)`,
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
    const ours = timeRotated(
      bytes,
      readDrawable((b) => read(b, 'bench.bin'), true),
    );
    const copy = copyInto(bytes);
    const note = noteBandwidth(bytes.length, ours, copy);
    const spec = { ...base, case: name, figure: DRAWABLE(figure), anchor: ROTATED_MEMCPY, ratioName: OF_MEMCPY };
    rows.push(makeTimeRow({ ...spec, goal: atLeast(0.3), note }, ours, copy));
  }
  context.log(`decode ${points} points: .bin done`);
  return rows;
}

/** Every decoder once on every input, checked, before anything is timed. */
function verifyDecoders(inputs: BenchInputs): void {
  const { sweep } = inputs;
  const intensity = { intensity: sweep.intensity };
  assertSameCloud('readPcd binary', readPcd(inputs.pcdBinary, 'bench.pcd'), sweep, intensity, true);
  assertSameCloud('readPcd binary_compressed', readPcd(inputs.pcdCompressed, 'bench.pcd'), sweep, intensity, false);
  assertSameCloud('readKittiBin', readKittiBin(inputs.kittiBin, 'bench.bin'), sweep, intensity, true);
  const nuscenes = { intensity: sweep.intensity.map((v) => Math.round(v * 255)), ring: sweep.ring };
  assertSameCloud('readNuscenesBin', readNuscenesBin(inputs.nuscenesBin, 'bench.bin'), sweep, nuscenes, true);
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
    'memcpy rows: ours is the reader up to a cloud the renderer draws as it is (the .bin and PCD binary clouds ' +
      'checked to be their records), reading as the decode worker does (`owned`: bytes transferred to it, so ' +
      'records on a 4-byte boundary are viewed in place and only checked), its own buffers recycled after each ' +
      'call as the worker gets them back; ' +
      'both sides read rotating copies of their input in a ≥ 256 MiB region (a cache-hot memcpy runs at ~47 GB/s ' +
      'here, ~16 GB/s from memory), the memcpy into one preallocated buffer, batched to ≥ 2 ms a sample.',
    'loaders.gl is timed through its synchronous parsePCD (PCDLoader.parseSync), which parse() from ' +
      '@loaders.gl/core runs; three.js through PCDLoader.parse on the same ArrayBuffer.',
  ],
  async run(context) {
    return context.sizes.flatMap((points) => runSize(points, context));
  },
};
