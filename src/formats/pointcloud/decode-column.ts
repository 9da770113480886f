import type { ScalarType } from './scalar-type';

/** Where one scalar column of a record table lives: bytes from the view's start, and bytes between values. */
export interface ColumnLayout {
  type: ScalarType;
  base: number;
  stride: number;
}

/** Typed arrays use the host's byte order; every current browser and node host is little-endian. */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const TWO_32 = 4294967296;

/**
 * Decodes `count` values of one column into `out[outOffset + i * outStride]` as float32. The caller has
 * checked that every value lies inside the view. Resolves the type once, then runs one tight loop. DataView
 * getters, not typed-array views: records are rarely aligned, and measured in node they were no slower.
 */
export function decodeColumn(
  view: DataView,
  littleEndian: boolean,
  column: ColumnLayout,
  count: number,
  out: Float32Array,
  outOffset: number,
  outStride: number,
): void {
  if (count === 0) return;
  const { type, stride } = column;
  const le = littleEndian;
  let o = column.base;
  let w = outOffset;
  const end = outOffset + count * outStride;
  switch (type) {
    case 'float32':
      for (; w < end; w += outStride, o += stride) out[w] = view.getFloat32(o, le);
      return;
    case 'float64':
      for (; w < end; w += outStride, o += stride) out[w] = view.getFloat64(o, le);
      return;
    case 'uint8':
      for (; w < end; w += outStride, o += stride) out[w] = view.getUint8(o);
      return;
    case 'int8':
      for (; w < end; w += outStride, o += stride) out[w] = view.getInt8(o);
      return;
    case 'uint16':
      for (; w < end; w += outStride, o += stride) out[w] = view.getUint16(o, le);
      return;
    case 'int16':
      for (; w < end; w += outStride, o += stride) out[w] = view.getInt16(o, le);
      return;
    case 'uint32':
      for (; w < end; w += outStride, o += stride) out[w] = view.getUint32(o, le);
      return;
    case 'int32':
      for (; w < end; w += outStride, o += stride) out[w] = view.getInt32(o, le);
      return;
    case 'uint64':
    case 'int64': {
      // Two 32-bit halves instead of BigInt getters: no allocation per value; float32 keeps 24 bits anyway.
      const lo = le ? 0 : 4;
      const hi = le ? 4 : 0;
      const signed = type === 'int64';
      for (; w < end; w += outStride, o += stride) {
        const high = signed ? view.getInt32(o + hi, le) : view.getUint32(o + hi, le);
        out[w] = high * TWO_32 + view.getUint32(o + lo, le);
      }
      return;
    }
  }
}
