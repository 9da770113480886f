import { pointCloudBuffers, pointCloudBytes, type PointCloud } from '../../src/core/model/point-cloud';
import { createRandom } from '../../src/core/math/random';
import { clearFloat32Pool, poolStats, recycleFloat32Buffers } from '../../src/formats/pointcloud/float32-pool';
import { readKittiBin } from '../../src/formats/pointcloud/read-kitti-bin';
import { readNuscenesBin } from '../../src/formats/pointcloud/read-nuscenes-bin';
import { readPcd } from '../../src/formats/pointcloud/read-pcd';
import { getBenchInputs } from '../inputs/bench-inputs';
import { encodeKittiBin, encodePcdBinary } from '../inputs/encode-point-files';
import { makeLidarSweep, type LidarSweep } from '../inputs/make-lidar-sweep';
import { atMost } from '../lib/goal';
import { decodePeakRow } from './decode-peak-row';
import type { BenchContext, ResultRow, Section } from '../lib/section';

/**
 * Bytes a decoded cloud holds per point: its values (an interleaved cloud's records once, though its arrays all
 * view them; else its typed arrays' byteLength), and the buffers behind them.
 */
function measureCloudBytes(cloud: PointCloud): { viewBytes: number; bufferBytes: number } {
  const arrays = [cloud.positions, ...Object.values(cloud.attributes)];
  const viewBytes = pointCloudBytes(cloud);
  // A view over a larger buffer keeps (and, transferred, ships) the whole buffer: count each buffer once.
  const buffers = new Set(arrays.map((a) => a.buffer));
  const bufferBytes = [...buffers].reduce((sum, b) => sum + b.byteLength, 0);
  return { viewBytes, bufferBytes };
}

function runSize(points: number, context: BenchContext): ResultRow[] {
  const inputs = getBenchInputs(points);
  // Raw attribute bytes: the file's own fields as float32, x y z i (16 B/pt), plus ring for nuScenes (20 B/pt).
  const cases = [
    { name: 'pcd binary', raw: 16, file: inputs.pcdBinary, decode: () => readPcd(inputs.pcdBinary, 'bench.pcd') },
    {
      name: 'pcd binary_compressed',
      raw: 16,
      file: inputs.pcdCompressed,
      decode: () => readPcd(inputs.pcdCompressed, 'bench.pcd'),
    },
    { name: 'kitti .bin', raw: 16, file: inputs.kittiBin, decode: () => readKittiBin(inputs.kittiBin, 'bench.bin') },
    {
      name: 'nuscenes .bin',
      raw: 20,
      file: inputs.nuscenesBin,
      decode: () => readNuscenesBin(inputs.nuscenesBin, 'bench.bin'),
    },
  ];
  // Each output row, and beside it the peak of ArrayBuffer bytes alive during the same decode.
  const rows = cases.flatMap(({ name, raw, file, decode }): ResultRow[] => {
    const cloud = decode();
    const { viewBytes, bufferBytes } = measureCloudBytes(cloud);
    const perPoint = viewBytes / cloud.count;
    const goal = atMost(1.1);
    const output: ResultRow = {
      section: 'memory',
      case: name,
      points,
      figure: 'decoded frame',
      unit: 'B/pt',
      p50: perPoint,
      p95: perPoint,
      anchor: `raw attributes ${raw} B/pt`,
      anchorP50: raw,
      anchorP95: raw,
      ratioName: '× raw bytes (lower is better)',
      ratio: perPoint / raw,
      ratioP95: perPoint / raw,
      goal,
      met: goal.isMet(perPoint / raw),
      note: `buffers behind the arrays: ${(bufferBytes / cloud.count).toFixed(2)} B/pt`,
    };
    return [output, decodePeakRow(name, points, file.byteLength, decode)];
  });
  rows.push(...cachedWindowRows(points));
  context.log(`memory ${points} points done`);
  return rows;
}

/** The app keeps ±6 frames around the current one decoded: 13 frames. */
const WINDOW_RADIUS = 6;
/** Frames stepped through, with point counts within ±5 % of the size. */
const SERIES_FRAMES = 30;

/** The first `count` points of `sweep`, as a sweep of its own (views, no copy). */
function truncateSweep(sweep: LidarSweep, count: number): LidarSweep {
  return {
    count,
    positions: sweep.positions.subarray(0, count * 3),
    intensity: sweep.intensity.subarray(0, count),
    ring: sweep.ring.subarray(0, count),
  };
}

/**
 * The cached window as the app holds it: stepping through 30 frames of `points` ± 5 % (seeded), the frames
 * within ±6 of the current one stay decoded; a frame that leaves the window gives its buffers back to the
 * pool (`recycleFloat32Buffers`, as the decode worker does) before the frame entering it is decoded, so the
 * reader's `allocateFloat32` can reuse them. At every step with a full window (13 frames), the bytes of the
 * ArrayBuffers behind the window's arrays (each buffer once) over the window's points; the row is the worst step.
 */
function cachedWindowRows(points: number): ResultRow[] {
  const random = createRandom(7);
  const counts = Array.from({ length: SERIES_FRAMES }, () => Math.round(points * (0.95 + 0.1 * random())));
  const sweep = makeLidarSweep(Math.max(...counts));
  const cases = [
    { name: 'pcd binary', encode: encodePcdBinary, read: (b: Uint8Array) => readPcd(b, 'bench.pcd') },
    { name: 'kitti .bin', encode: encodeKittiBin, read: (b: Uint8Array) => readKittiBin(b, 'bench.bin') },
  ];
  return cases.map(({ name, encode, read }): ResultRow => {
    clearFloat32Pool();
    const window = new Map<number, PointCloud>();
    const perPoint: number[] = [];
    let peakPoolBytes = 0;
    for (let current = 0; current < SERIES_FRAMES; current++) {
      for (const [frame, cloud] of window) {
        if (Math.abs(frame - current) <= WINDOW_RADIUS) continue;
        window.delete(frame);
        recycleFloat32Buffers(pointCloudBuffers(cloud));
      }
      const last = Math.min(SERIES_FRAMES - 1, current + WINDOW_RADIUS);
      for (let frame = Math.max(0, current - WINDOW_RADIUS); frame <= last; frame++) {
        if (!window.has(frame)) window.set(frame, read(encode(truncateSweep(sweep, counts[frame]!))));
      }
      peakPoolBytes = Math.max(peakPoolBytes, poolStats().heldBytes);
      if (window.size < 2 * WINDOW_RADIUS + 1) continue;
      const clouds = [...window.values()];
      const buffers = new Set(clouds.flatMap((cloud) => pointCloudBuffers(cloud)));
      const bytes = [...buffers].reduce((sum, b) => sum + b.byteLength, 0);
      perPoint.push(bytes / clouds.reduce((sum, cloud) => sum + cloud.count, 0));
    }
    const { reused, allocated } = poolStats();
    clearFloat32Pool();
    const worst = Math.max(...perPoint);
    const best = Math.min(...perPoint);
    const raw = 16;
    const goal = atMost(1.1);
    return {
      section: 'memory',
      case: `${name}, cached window`,
      points,
      figure: `13-frame window (${SERIES_FRAMES} frames ±5 %)`,
      unit: 'B/pt',
      p50: worst,
      p95: worst,
      anchor: `raw attributes ${raw} B/pt`,
      anchorP50: raw,
      anchorP95: raw,
      ratioName: '× raw bytes (lower is better)',
      ratio: worst / raw,
      ratioP95: worst / raw,
      goal,
      met: goal.isMet(worst / raw),
      note:
        `worst of ${perPoint.length} full-window steps (best ${best.toFixed(2)} B/pt); pool: ${reused} reused, ` +
        `${allocated} allocated, free list ≤ ${(peakPoolBytes / 1e6).toFixed(1)} MB (not counted)`,
    };
  });
}

export const memorySection: Section = {
  name: 'memory',
  summary: "bytes per point of a decoded frame (typed arrays' byteLength) against the raw attribute bytes",
  notes: [
    'memory rows are exact counts, not timings: p50 and p95 both hold the one value.',
    'memory "cached window": bytes of the ArrayBuffers behind the 13 decoded frames (each buffer once, so a ' +
      'recycled buffer larger than its view counts whole) over their points, worst step of the series; the ' +
      "pool's free buffers are outside the window and reported in the note only.",
    'memory "peak ArrayBuffer bytes during decode": the highest `process.memoryUsage().arrayBuffers` above its ' +
      'value before the decode (garbage collected first), read after every ArrayBuffer / typed-array allocation ' +
      "(the global constructors and `slice` wrapped for the reading) and at the end, over the decoded cloud's " +
      'buffers: 1× = the reader allocates its output and nothing else.',
  ],
  async run(context) {
    return context.sizes.flatMap((points) => runSize(points, context));
  },
};
