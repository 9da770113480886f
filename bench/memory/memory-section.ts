import type { PointCloud } from '../../src/core/model/point-cloud';
import { readKittiBin } from '../../src/formats/pointcloud/read-kitti-bin';
import { readNuscenesBin } from '../../src/formats/pointcloud/read-nuscenes-bin';
import { readPcd } from '../../src/formats/pointcloud/read-pcd';
import { getBenchInputs } from '../inputs/bench-inputs';
import { atMost } from '../lib/goal';
import type { BenchContext, ResultRow, Section } from '../lib/section';

/** Bytes a decoded cloud holds per point: by its typed arrays' byteLength, and by the buffers behind them. */
function measureCloudBytes(cloud: PointCloud): { viewBytes: number; bufferBytes: number } {
  const arrays = [cloud.positions, ...Object.values(cloud.attributes)];
  const viewBytes = arrays.reduce((sum, a) => sum + a.byteLength, 0);
  // A view over a larger buffer keeps (and, transferred, ships) the whole buffer: count each buffer once.
  const buffers = new Set(arrays.map((a) => a.buffer));
  const bufferBytes = [...buffers].reduce((sum, b) => sum + b.byteLength, 0);
  return { viewBytes, bufferBytes };
}

function runSize(points: number, context: BenchContext): ResultRow[] {
  const inputs = getBenchInputs(points);
  // Raw attribute bytes: the file's own fields as float32, x y z i (16 B/pt), plus ring for nuScenes (20 B/pt).
  const cases = [
    { name: 'pcd binary', raw: 16, decode: () => readPcd(inputs.pcdBinary, 'bench.pcd') },
    { name: 'pcd binary_compressed', raw: 16, decode: () => readPcd(inputs.pcdCompressed, 'bench.pcd') },
    { name: 'kitti .bin', raw: 16, decode: () => readKittiBin(inputs.kittiBin, 'bench.bin') },
    { name: 'nuscenes .bin', raw: 20, decode: () => readNuscenesBin(inputs.nuscenesBin, 'bench.bin') },
  ];
  const rows = cases.map(({ name, raw, decode }): ResultRow => {
    const cloud = decode();
    const { viewBytes, bufferBytes } = measureCloudBytes(cloud);
    const perPoint = viewBytes / cloud.count;
    const goal = atMost(1.1);
    return {
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
  });
  context.log(`memory ${points} points done`);
  return rows;
}

export const memorySection: Section = {
  name: 'memory',
  summary: "bytes per point of a decoded frame (typed arrays' byteLength) against the raw attribute bytes",
  notes: ['memory rows are exact counts, not timings: p50 and p95 both hold the one value.'],
  async run(context) {
    return context.sizes.flatMap((points) => runSize(points, context));
  },
};
