/**
 * Bytes of the rotating source region of a memcpy-anchored case: 256 MiB, 8× the 32 MiB last-level cache of the
 * bench machine, so that a call reads its input from memory, not from the cache a previous call left it in (a
 * file's bytes arrive from a read, not from the last decode).
 */
const ROTATION_BYTES = 256 * 1024 * 1024;
/** Copies start on 64-byte boundaries (a cache line; float32 views need 4). */
const SLOT_ALIGN = 64;

/**
 * Copies of `bytes` laid out in one buffer of ≥ 256 MiB, each aligned: the k-th call of a case reads copy
 * k mod copies, so that consecutive calls never read what the last one left in the cache.
 */
export function rotatingCopies(bytes: Uint8Array): Uint8Array[] {
  const stride = Math.ceil(bytes.length / SLOT_ALIGN) * SLOT_ALIGN;
  const copies = Math.max(2, Math.ceil(ROTATION_BYTES / stride));
  const region = new Uint8Array(stride * copies);
  const slots: Uint8Array[] = [];
  for (let k = 0; k < copies; k++) {
    region.set(bytes, k * stride);
    slots.push(region.subarray(k * stride, k * stride + bytes.length));
  }
  return slots;
}
