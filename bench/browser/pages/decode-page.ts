import { attributeStride, positionStride } from '../../../src/core/model/point-cloud';
import { decompressLzf } from '../../../src/formats/pointcloud/decompress-lzf';
import { readKittiBin } from '../../../src/formats/pointcloud/read-kitti-bin';
import { readNuscenesBin } from '../../../src/formats/pointcloud/read-nuscenes-bin';
import { readPcd } from '../../../src/formats/pointcloud/read-pcd';
import { getBenchInputs } from '../../inputs/bench-inputs';
import { rotatingCopies } from '../../inputs/rotating-copies';
import { readDrawable } from '../../decode/read-drawable';
import { sample, type PageSamples } from './sample';

/** One case: our samples and the memcpy anchor's, and the bytes each call reads / the copy moves. */
export interface DecodeCaseResult {
  name: 'pcd binary' | 'pcd binary_compressed' | 'kitti .bin' | 'nuscenes .bin' | 'lzf stage';
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
  let slots = rotatingCopies(input);
  const oursSamples = await sample((i) => ours(slots[i % slots.length]!), { samples });
  const slotCount = slots.length;
  slots = rotatingCopies(copied);
  const target = new Uint8Array(copied.length);
  const memcpy = await sample((i) => target.set(slots[i % slots.length]!), { samples, minSampleMs: 2 });
  return { name, figure, copyBytes: copied.length, slots: slotCount, ours: oursSamples, memcpy };
}

/**
 * Every reader once on a rotated slot (a non-zero byteOffset), checked against the sweep at its strides, before
 * timing; the .bin and PCD binary clouds must be their records (what the memcpy rows are about).
 */
function verify(points: number): void {
  const inputs = getBenchInputs(points);
  const { sweep } = inputs;
  for (const [label, cloud, records, scale] of [
    ['readPcd binary', readPcd(rotatingCopies(inputs.pcdBinary)[1]!, 'bench.pcd'), true, 1],
    ['readPcd binary_compressed', readPcd(rotatingCopies(inputs.pcdCompressed)[1]!, 'bench.pcd'), false, 1],
    ['readKittiBin', readKittiBin(rotatingCopies(inputs.kittiBin)[1]!, 'bench.bin'), true, 1],
    ['readNuscenesBin', readNuscenesBin(rotatingCopies(inputs.nuscenesBin)[1]!, 'bench.pcd.bin'), true, 255],
  ] as const) {
    const intensity = cloud.attributes['intensity'];
    if (cloud.count !== points || !intensity) throw new Error(`${label}: wrong count or no intensity`);
    if (!!cloud.interleaved !== records) throw new Error(`${label}: ${records ? 'not' : 'unexpectedly'} records`);
    const [p, a] = [positionStride(cloud), attributeStride(cloud)];
    for (let i = 0; i < points; i += 997) {
      if (
        cloud.positions[i * p] !== sweep.positions[i * 3] ||
        cloud.positions[i * p + 2] !== sweep.positions[i * 3 + 2] ||
        // nuScenes stores intensity 0–255, rounded (bench/inputs).
        intensity[i * a] !== (scale === 1 ? sweep.intensity[i] : Math.round(sweep.intensity[i]! * scale))
      ) {
        throw new Error(`${label}: point ${i} differs from the written sweep`);
      }
    }
  }
  const block = new Uint8Array(inputs.lzfColumns.length);
  const written = decompressLzf(rotatingCopies(inputs.lzfStream)[1]!, block);
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
    await timeCase(
      'pcd binary',
      'readPcd → drawable cloud',
      inputs.pcdBinary,
      inputs.pcdBinary,
      readDrawable((b, owned) => readPcd(b, 'x.pcd', owned), true),
      samples,
    ),
    await timeCase(
      'pcd binary_compressed',
      'readPcd → drawable cloud',
      inputs.pcdCompressed,
      inputs.lzfColumns,
      readDrawable((b, owned) => readPcd(b, 'x.pcd', owned), false),
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
      'readKittiBin → drawable cloud',
      inputs.kittiBin,
      inputs.kittiBin,
      readDrawable((b, owned) => readKittiBin(b, 'x.bin', owned), true),
      samples,
    ),
    await timeCase(
      'nuscenes .bin',
      'readNuscenesBin → drawable cloud',
      inputs.nuscenesBin,
      inputs.nuscenesBin,
      readDrawable((b, owned) => readNuscenesBin(b, 'x.pcd.bin', owned), true),
      samples,
    ),
  ];
  return { points, cases };
}

const api = { decode, isolated: () => crossOriginIsolated };
export type DecodePageApi = typeof api;
(window as unknown as { bench: DecodePageApi }).bench = api;
