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
 * Reads little-endian float32 records as the file stores them: one pass over x y z that checks every point,
 * one copy of their bytes into a pooled buffer (`Uint8Array.set`, a memcpy), and views of that buffer for
 * positions and attributes, so no value is moved again (see `InterleavedRecords`). No `bounds`: see
 * `recordsAreValid`.
 *
 * `owned`: the caller gives `bytes` up to the cloud (the decode worker does, for the file's bytes it was
 * transferred and uses for nothing else): records on a 4-byte boundary are then viewed where they are, with no
 * copy at all, and the cloud keeps `bytes`' buffer. Without it the cloud never shares memory with `bytes`.
 *
 * Undefined, with nothing kept, when a point has a NaN/±Inf coordinate or lies at (0, 0, 0) (an organized
 * cloud's no-return), or on a big-endian host: dropping points is a copy of every kept point, which the
 * callers' de-interleaving readers do. Real KITTI and nuScenes sweeps have no such point.
 */
export function readInterleavedRecords(
  bytes: Uint8Array,
  layout: RecordLayout,
  owned = false,
): InterleavedCloud | undefined {
  if (!HOST_LITTLE_ENDIAN) return undefined;
  const { start, count, stride, x } = layout;
  const source = bytes.subarray(start, start + count * stride * 4);
  // Records on a 4-byte boundary are checked where they are, before the copy: the check then reads them from
  // memory once and the copy finds them in the cache (about a third less time than copying first, measured).
  const aligned = source.byteOffset % 4 === 0;
  if (aligned && !recordsAreValid(new Float32Array(source.buffer, source.byteOffset, count * stride), count, stride, x))
    return undefined;
  // Bytes handed over whole (the decode worker's own, transferred in) are viewed where they are: no copy.
  if (owned && aligned) {
    const records = new Float32Array(source.buffer, source.byteOffset, count * stride);
    return viewRecords(records, layout);
  }
  // Every value is overwritten by the copy: a recycled buffer need not be zeroed first.
  const records = allocateFloat32(count * stride, false);
  new Uint8Array(records.buffer, records.byteOffset, records.byteLength).set(source);
  if (!aligned && !recordsAreValid(records, count, stride, x)) {
    recycleFloat32Buffers([records.buffer as ArrayBuffer]);
    return undefined;
  }
  return viewRecords(records, layout);
}

/** The cloud of positions and attributes viewing `records` at their fields' offsets. */
function viewRecords(records: Float32Array, layout: RecordLayout): InterleavedCloud {
  // fromEntries, so that a field called `constructor` or `__proto__` is just a name.
  const attributes = Object.fromEntries(layout.attributes.map((f) => [f.name, records.subarray(f.offset)]));
  const interleaved = { records, stride: layout.stride };
  return { count: layout.count, positions: records.subarray(layout.x), attributes, interleaved };
}

/**
 * True when no point of the records is invalid: no NaN or ±Inf coordinate, none at (0, 0, 0). One pass over
 * x y z that adds them up (a NaN or ±Inf makes the sum so; float32 values cannot overflow a float64 sum) and
 * counts no-returns, its loop in a function of its own that returns a number, warmed up below. Bounds are not
 * measured here: the drawing does not need them, and a min and max a coordinate cost as much again
 * (`measureBounds` gives them where they are needed).
 */
function recordsAreValid(r: Float32Array, count: number, stride: number, x: number): boolean {
  let sum = 0,
    noReturns = 0;
  for (let i = x, end = x + count * stride; i < end; i += stride) {
    const px = r[i]!,
      py = r[i + 1]!,
      pz = r[i + 2]!;
    sum += px + py + pz;
    if (px === 0 && py === 0 && pz === 0) noReturns++;
  }
  return noReturns === 0 && Number.isFinite(sum);
}

// A few calls on two points when the module loads, so that V8 has allocated the function's feedback (it does so
// only after several calls) and seen every operation in it before the first real sweep makes it compile the
// loop mid-call: compiled without that, the code after the loop gave up on every call for hundreds of sweeps
// (node 20), running the pass four to five times slower.
for (let i = 0; i < 16; i++)
  recordsAreValid(new Float32Array(i % 2 ? [1, 2, 3, 0, 0, 0] : [1, 2, 3, 4, 5, 6]), 2, 3, 0);
