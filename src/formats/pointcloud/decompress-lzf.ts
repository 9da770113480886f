/**
 * Decompresses an LZF stream (liblzf's format, used by PCL's `binary_compressed`) from `input` into `output`
 * and returns the number of bytes written. Throws an `Error` on a stream that is corrupt, ends inside a
 * token, or would write past `output`. Writes no byte of `output` past the returned count. Allocates nothing
 * but two DataViews a call.
 *
 * Format facts: a control byte below 32 starts a literal run of `ctrl + 1` bytes; otherwise its top 3 bits are
 * a length (7 = "read one more length byte") and the low 5 bits with the next byte are a back-reference
 * distance minus one; the match is `length + 2` bytes and may overlap the bytes it produces.
 *
 * Speed: the time goes per token (a sweep's columns give ~7 output bytes a token: runs of 1–32 literals, matches
 * mostly of 3–4 bytes), so every token is checked once and then copied without a per-byte loop where it can be:
 * 4-byte DataView moves at any alignment, the last one ending exactly at the token's end (it may rewrite bytes
 * the one before wrote, never a byte past the end). `output.set(input.subarray(…))` lost to plain byte copies at
 * every literal length (≤ 32) on the bench's streams, measured: making the subarray costs more than the copy.
 */
export function decompressLzf(input: Uint8Array, output: Uint8Array): number {
  const inEnd = input.length;
  const outEnd = output.length;
  const inView = new DataView(input.buffer, input.byteOffset, inEnd);
  const outView = new DataView(output.buffer, output.byteOffset, outEnd);
  let ip = 0;
  let op = 0;
  while (ip < inEnd) {
    const ctrl = input[ip++]!;
    if (ctrl < 32) {
      const n = ctrl + 1;
      if (op + n > outEnd) throw new Error(`LZF literal run at input byte ${ip - 1} overruns the output`);
      if (ip + n > inEnd) throw new Error(`LZF literal run at input byte ${ip - 1} is cut short`);
      // Inlined by hand: with every copy in one helper function the decoder ran 10–25% slower (node 20).
      if (n < 4) {
        output[op] = input[ip]!;
        if (n > 1) {
          output[op + 1] = input[ip + 1]!;
          if (n > 2) output[op + 2] = input[ip + 2]!;
        }
      } else if (n <= 8) {
        outView.setInt32(op, inView.getInt32(ip, true), true);
        outView.setInt32(op + n - 4, inView.getInt32(ip + n - 4, true), true);
      } else if (n <= 16) {
        outView.setInt32(op, inView.getInt32(ip, true), true);
        outView.setInt32(op + 4, inView.getInt32(ip + 4, true), true);
        outView.setInt32(op + n - 8, inView.getInt32(ip + n - 8, true), true);
        outView.setInt32(op + n - 4, inView.getInt32(ip + n - 4, true), true);
      } else {
        copyLong(inView, ip, outView, op, n);
      }
      op += n;
      ip += n;
      continue;
    }
    let length = ctrl >>> 5;
    if (length === 7) {
      if (ip >= inEnd) throw new Error('LZF stream ends inside a match');
      length += input[ip++]!;
    }
    if (ip >= inEnd) throw new Error('LZF stream ends inside a match');
    const distance = ((ctrl & 0x1f) << 8) + input[ip++]! + 1;
    const ref = op - distance;
    if (ref < 0) throw new Error(`LZF match at input byte ${ip - 2} points before the start of the output`);
    const n = length + 2;
    if (op + n > outEnd) throw new Error(`LZF match at input byte ${ip - 2} overruns the output`);
    if (distance >= n) {
      // The source ends before the match starts, so any copy order gives the same bytes. Matches of 3 and 4
      // (nine in ten) share one path, two 2-byte moves, so that their mix costs no mispredicted branch.
      if (n <= 4) {
        outView.setUint16(op, outView.getUint16(ref, true), true);
        outView.setUint16(op + n - 2, outView.getUint16(ref + n - 2, true), true);
      } else if (n <= 8) {
        outView.setInt32(op, outView.getInt32(ref, true), true);
        outView.setInt32(op + n - 4, outView.getInt32(ref + n - 4, true), true);
      } else {
        output.copyWithin(op, ref, ref + n);
      }
    } else if (distance === 1) {
      output.fill(output[ref]!, op, op + n);
    } else {
      // Overlapping: each byte may be one this match has just produced, so strictly in order.
      for (let k = 0; k < n; k++) output[op + k] = output[ref + k]!;
    }
    op += n;
  }
  return op;
}

/**
 * Copies a literal run of 17 to 32 bytes between non-overlapping ranges: 16 bytes from its start and 16 ending at
 * its end, so that nothing outside [dst, dst + n) is written. A function of its own keeps the main loop short.
 */
function copyLong(from: DataView, src: number, to: DataView, dst: number, n: number): void {
  const tail = n - 16;
  to.setInt32(dst, from.getInt32(src, true), true);
  to.setInt32(dst + 4, from.getInt32(src + 4, true), true);
  to.setInt32(dst + 8, from.getInt32(src + 8, true), true);
  to.setInt32(dst + 12, from.getInt32(src + 12, true), true);
  to.setInt32(dst + tail, from.getInt32(src + tail, true), true);
  to.setInt32(dst + tail + 4, from.getInt32(src + tail + 4, true), true);
  to.setInt32(dst + tail + 8, from.getInt32(src + tail + 8, true), true);
  to.setInt32(dst + tail + 12, from.getInt32(src + tail + 12, true), true);
}
