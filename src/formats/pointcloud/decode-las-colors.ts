import { allocateFloat32 } from './float32-pool';

/** Colour channels 0–255, one value a point each. */
export interface LasColors {
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
}

/**
 * Decodes the uint16 red, green, blue at `offset` of each record to 0–255. The LAS specification scales
 * colours to 16 bits (an 8-bit value × 256 or × 257), and `>> 8` undoes both; but many writers store 8-bit
 * values as they are. As several viewers do, a file whose channels never exceed 255 is taken to hold 8-bit
 * values (a 16-bit file that dark would be near black anyway).
 */
export function decodeLasColors(records: DataView, offset: number, stride: number, count: number): LasColors {
  const r = allocateFloat32(count);
  const g = allocateFloat32(count);
  const b = allocateFloat32(count);
  // The OR of the channels exceeds 255 exactly when one of them does; cheaper than Math.max in the loop.
  let any = 0;
  for (let i = 0, o = offset; i < count; i++, o += stride) {
    const red = records.getUint16(o, true);
    const green = records.getUint16(o + 2, true);
    const blue = records.getUint16(o + 4, true);
    r[i] = red;
    g[i] = green;
    b[i] = blue;
    any |= red | green | blue;
  }
  if (any > 255) {
    for (let i = 0; i < count; i++) {
      r[i] = r[i]! >>> 8;
      g[i] = g[i]! >>> 8;
      b[i] = b[i]! >>> 8;
    }
  }
  return { r, g, b };
}
