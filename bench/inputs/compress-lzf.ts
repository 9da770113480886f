/**
 * A small LZF compressor (liblzf's stream format, as PCL writes binary_compressed), only to make benchmark
 * inputs: greedy matching through a hash of the next 3 bytes, no lazy matching. Its ratio is close to
 * liblzf's on float data, which is what matters for timing a decompressor.
 *
 * Stream: a control byte below 32 starts a literal run of ctrl + 1 bytes (at most 32); otherwise its top 3
 * bits are the match length minus 2 (7 means "one more byte follows with length - 9"), its low 5 bits the high
 * bits of the distance minus 1, and the next byte the low 8 bits.
 */
const HASH_BITS = 16;
const MAX_LITERAL_RUN = 32;
const MAX_DISTANCE = 1 << 13;
const MAX_MATCH = 7 + 255 + 2;

export function compressLzf(input: Uint8Array): Uint8Array {
  const end = input.length;
  // Worst case, incompressible: one control byte every 32 literals.
  const out = new Uint8Array(end + Math.ceil(end / MAX_LITERAL_RUN) + 1);
  // Last position where each 3-byte hash was seen; -1 = never.
  const table = new Int32Array(1 << HASH_BITS).fill(-1);
  let op = 0;
  let literalStart = 0;
  let ip = 0;
  while (ip + 2 < end) {
    const key = (input[ip]! << 16) | (input[ip + 1]! << 8) | input[ip + 2]!;
    const slot = (Math.imul(key, 2654435761) >>> (32 - HASH_BITS)) & ((1 << HASH_BITS) - 1);
    const ref = table[slot]!;
    table[slot] = ip;
    const distance = ip - ref;
    if (
      ref < 0 ||
      distance > MAX_DISTANCE ||
      input[ref] !== input[ip] ||
      input[ref + 1] !== input[ip + 1] ||
      input[ref + 2] !== input[ip + 2]
    ) {
      ip++;
      continue;
    }
    let length = 3;
    const maxLength = Math.min(MAX_MATCH, end - ip);
    // May read into bytes the match itself produces: the decoder copies byte by byte, so that is valid.
    while (length < maxLength && input[ref + length] === input[ip + length]) length++;
    op = writeLiterals(input, literalStart, ip, out, op);
    const code = length - 2;
    const offset = distance - 1;
    if (code < 7) {
      out[op++] = (code << 5) | (offset >>> 8);
    } else {
      out[op++] = (7 << 5) | (offset >>> 8);
      out[op++] = code - 7;
    }
    out[op++] = offset & 0xff;
    ip += length;
    literalStart = ip;
  }
  op = writeLiterals(input, literalStart, end, out, op);
  return out.slice(0, op);
}

/** Writes input[from, to) as literal runs of at most 32 bytes; returns the new output position. */
function writeLiterals(input: Uint8Array, from: number, to: number, out: Uint8Array, op: number): number {
  for (let start = from; start < to; start += MAX_LITERAL_RUN) {
    const run = Math.min(MAX_LITERAL_RUN, to - start);
    out[op++] = run - 1;
    out.set(input.subarray(start, start + run), op);
    op += run;
  }
  return op;
}
