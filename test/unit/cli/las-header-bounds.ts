/**
 * The bounds a LAS / LAZ header states, read from the bytes without the project's reader: float64 max x at
 * byte 179, then min x, max y, min y, max z, min z.
 */
export function lasHeaderBounds(bytes: Uint8Array): { min: number[]; max: number[] } {
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (axis: number, max: boolean) => d.getFloat64(179 + axis * 16 + (max ? 0 : 8), true);
  return { min: [0, 1, 2].map((a) => at(a, false)), max: [0, 1, 2].map((a) => at(a, true)) };
}
