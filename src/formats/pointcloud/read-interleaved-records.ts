import type { InterleavedRecords, PointCloud } from '../../core/model/point-cloud';
import { HOST_LITTLE_ENDIAN } from './decode-column';
import { allocateFloat32, recycleFloat32Buffers } from './float32-pool';

/** A float32 value of every record that becomes an attribute: its (unique) name and its index in the record. */
export interface RecordField {
  name: string;
  offset: number;
}

/** Where a file's float32 records lie and what each value is. */
export interface RecordLayout {
  /** Byte offset of the first record in the file (any alignment: the copy realigns it). */
  start: number;
  count: number;
  /** float32 values a record. */
  stride: number;
  /** Index of x in a record; y and z are the next two values. */
  x: number;
  attributes: readonly RecordField[];
}

/** A cloud that views its records. */
export type InterleavedCloud = PointCloud & { interleaved: InterleavedRecords };

/**
 * Reads little-endian float32 records as the file stores them: one copy of their bytes into a pooled buffer
 * (`Uint8Array.set`, a memcpy), one pass over x y z that measures the bounds and checks every point, and views
 * of that buffer for positions and attributes, so no value is moved again (see `InterleavedRecords`).
 *
 * Undefined, with nothing kept, when a point has a NaN/±Inf coordinate or lies at (0, 0, 0) (an organized
 * cloud's no-return), or on a big-endian host: dropping points is a copy of every kept point, which the
 * callers' de-interleaving readers do. Real KITTI and nuScenes sweeps have no such point.
 */
export function readInterleavedRecords(bytes: Uint8Array, layout: RecordLayout): InterleavedCloud | undefined {
  if (!HOST_LITTLE_ENDIAN) return undefined;
  const { start, count, stride, x } = layout;
  // Every value is overwritten by the copy: a recycled buffer need not be zeroed first.
  const records = allocateFloat32(count * stride, false);
  new Uint8Array(records.buffer, records.byteOffset, records.byteLength).set(
    bytes.subarray(start, start + records.byteLength),
  );
  const bounds = measureRecords(records, count, stride, x);
  if (!bounds) {
    recycleFloat32Buffers([records.buffer as ArrayBuffer]);
    return undefined;
  }
  // fromEntries, so that a field called `constructor` or `__proto__` is just a name.
  const attributes = Object.fromEntries(layout.attributes.map((f) => [f.name, records.subarray(f.offset)]));
  return { count, positions: records.subarray(x), attributes, bounds, interleaved: { records, stride } };
}

/**
 * The bounds of the records' x y z (metres, the file's frame), or undefined if a point is invalid. Math.min and
 * Math.max carry a NaN into the bound they meet and ±Inf shows there too, so the loop tests only for a
 * no-return; bounds that are not finite afterwards say a coordinate was not. All zero for no points.
 */
function measureRecords(r: Float32Array, count: number, stride: number, x: number): PointCloud['bounds'] | undefined {
  if (count === 0) return { min: [0, 0, 0], max: [0, 0, 0] };
  let minX = Infinity,
    minY = Infinity,
    minZ = Infinity,
    maxX = -Infinity,
    maxY = -Infinity,
    maxZ = -Infinity;
  for (let i = x, end = x + count * stride; i < end; i += stride) {
    const px = r[i]!,
      py = r[i + 1]!,
      pz = r[i + 2]!;
    minX = Math.min(minX, px);
    maxX = Math.max(maxX, px);
    minY = Math.min(minY, py);
    maxY = Math.max(maxY, py);
    minZ = Math.min(minZ, pz);
    maxZ = Math.max(maxZ, pz);
    if (px === 0 && py === 0 && pz === 0) return undefined;
  }
  const bounds: PointCloud['bounds'] = { min: [minX, minY, minZ], max: [maxX, maxY, maxZ] };
  return [...bounds.min, ...bounds.max].every(Number.isFinite) ? bounds : undefined;
}
