import { decompressLzf } from '../../../src/formats/pointcloud/decompress-lzf';
import { readKittiBin } from '../../../src/formats/pointcloud/read-kitti-bin';
import { readPcd } from '../../../src/formats/pointcloud/read-pcd';
import { getBenchInputs } from '../../inputs/bench-inputs';
import { sample, type PageSamples } from './sample';

/**
 * Bytes of the rotating source region of every case: 256 MiB, 8× the 32 MiB last-level cache of the bench
 * machine, so that a call reads its input from memory, not from the cache a previous call left it in.
 */
const ROTATION_BYTES = 256 * 1024 * 1024;
/** Slots start on 64-byte boundaries (a cache line; float32 views need 4). */
const SLOT_ALIGN = 64;

/** One case: our samples and the memcpy anchor's, and the bytes each call reads / the copy moves. */
export interface DecodeCaseResult {
  name: 'pcd binary' | 'pcd binary_compressed' | 'kitti .bin' | 'lzf stage';
  figure: string;
  /** Bytes the memcpy anchor copies: the file, or for binary_compressed and the LZF stage the LZF output. */
  copyBytes: number;
  /** Copies of the input laid out in the rotation region. */
  slots: number;
  ours: PageSamples;
  memcpy: PageSamples;
}

export interface DecodePageResult {
  points: number;
  cases: DecodeCaseResult[];
}

/**
 * `copies` copies of `bytes` in one buffer of ≥ ROTATION_BYTES, each slot aligned; the k-th call of a case
 * reads slot k mod copies, so that consecutive calls never read what the last one left in the cache.
 */
function rotation(bytes: Uint8Array): Uint8Array[] {
  const stride = Math.ceil(bytes.length / SLOT_ALIGN) * SLOT_ALIGN;
  const copies = Math.max(2, Math.ceil(ROTATION_BYTES / stride));
  const region = new Uint8Array(stride * copies);
  const slots: Uint8Array[] = [];
  for (let k = 0; k < copies; k++) {
    region.set(bytes, k * stride);
    slots.push(region.subarray(k * stride, k * stride + bytes.length));
  }
  return slots;
}

/**
 * Times our reader on rotating copies of `input`, then a `Uint8Array.set` of `copied` (the same bytes, or the
 * LZF output) from rotating copies into one preallocated buffer, batched to ≥ 2 ms a sample.
 */
async function timeCase(
  name: DecodeCaseResult['name'],
  figure: string,
  input: Uint8Array,
  copied: Uint8Array,
  ours: (bytes: Uint8Array) => unknown,
  samples: number,
): Promise<DecodeCaseResult> {
  let slots = rotation(input);
  const oursSamples = await sample((i) => ours(slots[i % slots.length]!), { samples });
  const slotCount = slots.length;
  slots = rotation(copied);
  const target = new Uint8Array(copied.length);
  const memcpy = await sample((i) => target.set(slots[i % slots.length]!), { samples, minSampleMs: 2 });
  return { name, figure, copyBytes: copied.length, slots: slotCount, ours: oursSamples, memcpy };
}

/** Every reader once on a rotated slot (a non-zero byteOffset), checked against the sweep, before timing. */
function verify(points: number): void {
  const inputs = getBenchInputs(points);
  const { sweep } = inputs;
  for (const [label, cloud] of [
    ['readPcd binary', readPcd(rotation(inputs.pcdBinary)[1]!, 'bench.pcd')],
    ['readPcd binary_compressed', readPcd(rotation(inputs.pcdCompressed)[1]!, 'bench.pcd')],
    ['readKittiBin', readKittiBin(rotation(inputs.kittiBin)[1]!, 'bench.bin')],
  ] as const) {
    const intensity = cloud.attributes['intensity'];
    if (cloud.count !== points || !intensity) throw new Error(`${label}: wrong count or no intensity`);
    for (let i = 0; i < points; i += 997) {
      if (
        cloud.positions[i * 3] !== sweep.positions[i * 3] ||
        cloud.positions[i * 3 + 2] !== sweep.positions[i * 3 + 2] ||
        intensity[i] !== sweep.intensity[i]
      ) {
        throw new Error(`${label}: point ${i} differs from the written sweep`);
      }
    }
  }
  const block = new Uint8Array(inputs.lzfColumns.length);
  const written = decompressLzf(rotation(inputs.lzfStream)[1]!, block);
  if (written !== block.length || block.some((b, i) => b !== inputs.lzfColumns[i])) {
    throw new Error('decompressLzf: the stream does not expand to its columns');
  }
}

/** The inputs of bench/inputs at `points`, made in the page, and the four cases timed against memcpy. */
async function decode(points: number, samples: number): Promise<DecodePageResult> {
  verify(points);
  const inputs = getBenchInputs(points);
  const block = new Uint8Array(inputs.lzfColumns.length);
  const cases = [
    await timeCase('pcd binary', 'readPcd', inputs.pcdBinary, inputs.pcdBinary, (b) => readPcd(b, 'x.pcd'), samples),
    await timeCase(
      'pcd binary_compressed',
      'readPcd',
      inputs.pcdCompressed,
      inputs.lzfColumns,
      (b) => readPcd(b, 'x.pcd'),
      samples,
    ),
    await timeCase(
      'lzf stage',
      'decompressLzf',
      inputs.lzfStream,
      inputs.lzfColumns,
      (b) => decompressLzf(b, block),
      samples,
    ),
    await timeCase(
      'kitti .bin',
      'readKittiBin',
      inputs.kittiBin,
      inputs.kittiBin,
      (b) => readKittiBin(b, 'x.bin'),
      samples,
    ),
  ];
  return { points, cases };
}

const api = { decode, isolated: () => crossOriginIsolated };
export type DecodePageApi = typeof api;
(window as unknown as { bench: DecodePageApi }).bench = api;
