import { compressLzf } from './compress-lzf';
import type { LidarSweep } from './make-lidar-sweep';

/** The header PCL writes for x y z intensity float32 (v0.7), ending with the DATA line and its newline. */
function makePcdHeader(count: number, data: 'binary' | 'binary_compressed'): Uint8Array {
  const lines = [
    '# .PCD v0.7 - Point Cloud Data file format',
    'VERSION 0.7',
    'FIELDS x y z intensity',
    'SIZE 4 4 4 4',
    'TYPE F F F F',
    'COUNT 1 1 1 1',
    `WIDTH ${count}`,
    'HEIGHT 1',
    'VIEWPOINT 0 0 0 1 0 0 0',
    `POINTS ${count}`,
    `DATA ${data}`,
  ];
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Interleaved float32 records of the named per-point values, little-endian, as x86 memory holds them. */
function interleaveRecords(sweep: LidarSweep, extra: Float32Array[]): Uint8Array {
  const floats = 3 + extra.length;
  const view = new DataView(new ArrayBuffer(sweep.count * floats * 4));
  for (let i = 0; i < sweep.count; i++) {
    const base = i * floats * 4;
    for (let k = 0; k < 3; k++) view.setFloat32(base + k * 4, sweep.positions[i * 3 + k]!, true);
    for (let k = 0; k < extra.length; k++) view.setFloat32(base + (3 + k) * 4, extra[k]![i]!, true);
  }
  return new Uint8Array(view.buffer);
}

/** PCD `DATA binary`: the header, then x y z intensity records. */
export function encodePcdBinary(sweep: LidarSweep): Uint8Array {
  return concatBytes([makePcdHeader(sweep.count, 'binary'), interleaveRecords(sweep, [sweep.intensity])]);
}

/**
 * PCD `DATA binary_compressed`, PCL's layout: the header, uint32 compressed size, uint32 uncompressed size
 * (both little-endian), then LZF of every field's column one after another (all x, then all y, …).
 */
export function encodePcdCompressed(sweep: LidarSweep): {
  file: Uint8Array;
  /** The LZF stream inside `file`, and the column block it expands to. */
  stream: Uint8Array;
  columns: Uint8Array;
} {
  const n = sweep.count;
  const columns = new DataView(new ArrayBuffer(n * 16));
  for (let i = 0; i < n; i++) {
    columns.setFloat32(i * 4, sweep.positions[i * 3]!, true);
    columns.setFloat32(n * 4 + i * 4, sweep.positions[i * 3 + 1]!, true);
    columns.setFloat32(n * 8 + i * 4, sweep.positions[i * 3 + 2]!, true);
    columns.setFloat32(n * 12 + i * 4, sweep.intensity[i]!, true);
  }
  const raw = new Uint8Array(columns.buffer);
  const compressed = compressLzf(raw);
  const sizes = new DataView(new ArrayBuffer(8));
  sizes.setUint32(0, compressed.length, true);
  sizes.setUint32(4, raw.length, true);
  const file = concatBytes([makePcdHeader(n, 'binary_compressed'), new Uint8Array(sizes.buffer), compressed]);
  return { file, stream: file.subarray(file.length - compressed.length), columns: raw };
}

/** KITTI Velodyne `.bin`: x y z reflectance float32, 16 B/pt, no header. */
export function encodeKittiBin(sweep: LidarSweep): Uint8Array {
  return interleaveRecords(sweep, [sweep.intensity]);
}

/** nuScenes `*.pcd.bin`: x y z intensity ring float32, 20 B/pt (intensity stored 0–255 there). */
export function encodeNuscenesBin(sweep: LidarSweep): Uint8Array {
  const intensity255 = sweep.intensity.map((v) => Math.round(v * 255));
  return interleaveRecords(sweep, [intensity255, sweep.ring]);
}
