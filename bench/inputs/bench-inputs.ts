import { encodeKittiBin, encodeNuscenesBin, encodePcdBinary, encodePcdCompressed } from './encode-point-files';
import { makeLidarSweep, type LidarSweep } from './make-lidar-sweep';

/** One synthetic sweep and every file the benchmarks read it from. */
export interface BenchInputs {
  sweep: LidarSweep;
  pcdBinary: Uint8Array;
  pcdCompressed: Uint8Array;
  /** The LZF stream inside `pcdCompressed` and the column block it expands to, for timing LZF alone. */
  lzfStream: Uint8Array;
  lzfColumns: Uint8Array;
  kittiBin: Uint8Array;
  nuscenesBin: Uint8Array;
}

const made = new Map<number, BenchInputs>();

/** Builds the inputs for `points` once per run (seeded, so identical across runs); sections share them. */
export function getBenchInputs(points: number): BenchInputs {
  const cached = made.get(points);
  if (cached) return cached;
  const sweep = makeLidarSweep(points);
  const compressed = encodePcdCompressed(sweep);
  const inputs: BenchInputs = {
    sweep,
    pcdBinary: encodePcdBinary(sweep),
    pcdCompressed: compressed.file,
    lzfStream: compressed.stream,
    lzfColumns: compressed.columns,
    kittiBin: encodeKittiBin(sweep),
    nuscenesBin: encodeNuscenesBin(sweep),
  };
  made.set(points, inputs);
  return inputs;
}
