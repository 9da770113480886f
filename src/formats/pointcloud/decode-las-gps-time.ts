import { allocateFloat32 } from './float32-pool';

/** Per-point GPS times as float32 seconds after `origin`. */
export interface LasGpsTime {
  seconds: Float32Array;
  /** Whole seconds in the file's time base (GPS week seconds or adjusted standard GPS time); 0 when none is finite. */
  origin: number;
}

/**
 * Decodes the float64 GPS time at `offset` of each record, relative to the earliest whole second. float32
 * keeps 24 bits: absolute times (~3·10^8 s of adjusted standard GPS time, up to 604,800 s of week time)
 * would step by 32 s or 1/16 s, while times since the first point of a sweep or a flight line step by
 * span × 2^-24 (6 ns over 0.1 s, 0.2 ms over an hour). Add `origin` back in float64 for absolute times.
 */
export function decodeLasGpsTime(records: DataView, offset: number, stride: number, count: number): LasGpsTime {
  let min = Infinity;
  for (let i = 0, o = offset; i < count; i++, o += stride) {
    const t = records.getFloat64(o, true);
    if (t < min) min = t;
  }
  const origin = Number.isFinite(min) ? Math.floor(min) : 0;
  const seconds = allocateFloat32(count);
  for (let i = 0, o = offset; i < count; i++, o += stride) seconds[i] = records.getFloat64(o, true) - origin;
  return { seconds, origin };
}
