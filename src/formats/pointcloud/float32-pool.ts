/** Bytes the pool may hold at most, per worker (64 MiB ≈ 33 KITTI frames of 1.9 MB); beyond it the oldest are dropped. */
const MAX_HELD_BYTES = 64 * 1024 * 1024;
/** A reused buffer may exceed the request by at most this factor, so that a view never wastes more than 25 %. */
const MAX_SLACK = 1.1;

/** Free buffers, oldest first; `held` is the sum of their byteLengths. */
const free: ArrayBuffer[] = [];
let held = 0;
let reused = 0;
let allocated = 0;

/**
 * A `Float32Array` of `length` values for a reader's output, zeroed unless `zeroed` is false. Reuses the smallest recycled buffer of at
 * least `4 × length` and at most 1.1 × that many bytes (a decoded frame's goal is ≤ 1.1× its raw bytes) (the view then covers its start, not the whole
 * buffer), else allocates a fresh one: fresh 16 MiB allocations cost 8–13 ms in a browser. Only the decode
 * worker is given clouds back; elsewhere (node, the CLI) the pool holds at most the full-length scratch arrays
 * that dropping invalid points leaves behind (`compactAttribute`), and the values are the same either way.
 */
export function allocateFloat32(length: number, zeroed = true): Float32Array {
  const bytes = length * 4;
  const limit = bytes * MAX_SLACK;
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    const size = free[i]!.byteLength;
    if (size >= bytes && size <= limit && (best < 0 || size < free[best]!.byteLength)) best = i;
  }
  if (best < 0 || bytes === 0) {
    allocated++;
    return new Float32Array(length);
  }
  const [buffer] = free.splice(best, 1) as [ArrayBuffer];
  held -= buffer.byteLength;
  reused++;
  // Readers may rely on zeros (as from `new Float32Array`); a recycled buffer holds an old frame. A caller that
  // overwrites every value (a copy of a file's records) asks for none: the fill would be a second pass.
  const out = new Float32Array(buffer, 0, length);
  return zeroed ? out.fill(0) : out;
}

/**
 * Gives buffers back for `allocateFloat32` to reuse: those of clouds the app no longer shows, transferred back
 * to the worker that decodes. The caller must hold no view of them any more. Detached (empty) buffers and
 * buffers already held are ignored; past 64 MiB the oldest buffers are dropped to the garbage collector.
 */
export function recycleFloat32Buffers(buffers: readonly ArrayBuffer[]): void {
  for (const buffer of buffers) {
    // byteLength 0: detached, or empty, nothing to reuse. A buffer held twice would be handed out twice.
    if (buffer.byteLength === 0 || buffer.byteLength > MAX_HELD_BYTES || free.includes(buffer)) continue;
    free.push(buffer);
    held += buffer.byteLength;
  }
  while (held > MAX_HELD_BYTES) held -= free.shift()!.byteLength;
}

/** What the pool holds and has done, for tests and benchmarks. */
export interface Float32PoolStats {
  /** Free buffers and their total bytes. */
  buffers: number;
  heldBytes: number;
  maxHeldBytes: number;
  /** `allocateFloat32` calls served from a recycled buffer, and calls that allocated. */
  reused: number;
  allocated: number;
}

export function poolStats(): Float32PoolStats {
  return { buffers: free.length, heldBytes: held, maxHeldBytes: MAX_HELD_BYTES, reused, allocated };
}

/** Drops every free buffer and zeroes the counters (tests). */
export function clearFloat32Pool(): void {
  free.length = 0;
  held = 0;
  reused = 0;
  allocated = 0;
}
