/**
 * Decompresses an LZF stream (liblzf's format, used by PCL's `binary_compressed`) from `input` into `output`
 * and returns the number of bytes written. Throws an `Error` on a stream that is corrupt, ends inside a
 * token, or would write past `output`. Allocates nothing.
 *
 * Format facts: a control byte below 32 starts a literal run of `ctrl + 1` bytes; otherwise its top 3 bits are
 * a length (7 = "read one more length byte") and the low 5 bits with the next byte are a back-reference
 * distance minus one; the match is `length + 2` bytes and may overlap the bytes it produces.
 */
export function decompressLzf(input: Uint8Array, output: Uint8Array): number {
  const inEnd = input.length;
  const outEnd = output.length;
  let ip = 0;
  let op = 0;
  while (ip < inEnd) {
    const ctrl = input[ip++]!;
    if (ctrl < 32) {
      const runEnd = op + ctrl + 1;
      if (runEnd > outEnd) throw new Error(`LZF literal run at input byte ${ip - 1} overruns the output`);
      if (ip + ctrl + 1 > inEnd) throw new Error(`LZF literal run at input byte ${ip - 1} is cut short`);
      while (op < runEnd) output[op++] = input[ip++]!;
      continue;
    }
    let length = ctrl >>> 5;
    if (length === 7) {
      if (ip >= inEnd) throw new Error('LZF stream ends inside a match');
      length += input[ip++]!;
    }
    if (ip >= inEnd) throw new Error('LZF stream ends inside a match');
    let ref = op - ((ctrl & 0x1f) << 8) - input[ip++]! - 1;
    if (ref < 0) throw new Error(`LZF match at input byte ${ip - 2} points before the start of the output`);
    const matchEnd = op + length + 2;
    if (matchEnd > outEnd) throw new Error(`LZF match at input byte ${ip - 2} overruns the output`);
    // Byte by byte on purpose: an overlapping match repeats the bytes it is still producing.
    while (op < matchEnd) output[op++] = output[ref++]!;
  }
  return op;
}
