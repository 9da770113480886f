import { buildLzfWasmModule, LZF_WASM_SLACK, LzfWasmError } from './lzf-wasm-module';

/**
 * Decompresses an LZF stream (liblzf's format, used by PCL's `binary_compressed`) from `input` into `output`
 * and returns the number of bytes written. Throws an `Error` on a stream that is corrupt, ends inside a
 * token, or would write past `output`. Writes no byte of `output` past the returned count.
 *
 * Format facts: a control byte below 32 starts a literal run of `ctrl + 1` bytes; otherwise its top 3 bits are
 * a length (7 = "read one more length byte") and the low 5 bits with the next byte are a back-reference
 * distance minus one; the match is `length + 2` bytes and may overlap the bytes it produces.
 *
 * Two decoders, the same results and errors: the WebAssembly one (`lzf-wasm-module.ts`) wherever it can run,
 * 2.1–2.4× faster than the JavaScript one on the bench's sweeps in node and in Chromium, the copies into and
 * out of its memory included (both timed in turn in one process); and the JavaScript one where it cannot,
 * which is why that one stays: no WebAssembly or no 128-bit SIMD (Safari before 16.4), a page whose
 * Content-Security-Policy forbids compiling WebAssembly, or a block too large for 32-bit addresses or for
 * memory to grow to. On an error the WebAssembly path leaves `output` untouched; the JavaScript one may have
 * written the bytes before the bad token.
 */
export function decompressLzf(input: Uint8Array, output: Uint8Array): number {
  return decompressLzfWasm(input, output) ?? decompressLzfJs(input, output);
}

/** `decode`'s exports (`lzf-wasm-module.ts`). */
interface LzfWasm {
  memory: WebAssembly.Memory;
  decode(inEnd: number, outStart: number, outEnd: number): number;
  errorAt: WebAssembly.Global;
}

/** Compiled on first use; null where it cannot be. */
let compiled: WebAssembly.Module | null | undefined;
/** The instance kept between calls, with memory grown to the largest call so far (see RETAIN_BYTES). */
let kept: LzfWasm | undefined;
/**
 * Memory an instance may keep after a call. WebAssembly memory never shrinks, so a call that needed more drops
 * its instance (its memory is freed with it) rather than hold that much for the worker's lifetime; frames of a
 * sequence are alike, so the kept one is reused by the next call and grows once.
 */
const RETAIN_BYTES = 96 * 1024 * 1024;
/** `decode` returns a count and takes addresses as i32: keep them all below 2^31. */
const MAX_BYTES = 2 ** 31 - 2 * 65536;
const PAGE = 65536;

function compileLzfWasm(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      // Synchronous: the module is ~530 bytes, well under the size browsers allow on a main thread.
      compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(buildLzfWasmModule()) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/**
 * The WebAssembly decoder: copies `input` into the module's memory, decodes there and copies the bytes written
 * out into `output`. Returns undefined, having touched nothing, where it cannot run (see `decompressLzf`).
 * Exported for tests.
 */
export function decompressLzfWasm(input: Uint8Array, output: Uint8Array): number | undefined {
  const outStart = Math.ceil((input.length + LZF_WASM_SLACK) / 64) * 64;
  const outEnd = outStart + output.length;
  const needed = outEnd + LZF_WASM_SLACK;
  if (needed > MAX_BYTES) return undefined;
  const module = compileLzfWasm();
  if (module === null) return undefined;
  let wasm = kept;
  kept = undefined;
  try {
    wasm ??= new WebAssembly.Instance(module).exports as unknown as LzfWasm;
    const have = wasm.memory.buffer.byteLength;
    if (needed > have) wasm.memory.grow(Math.ceil((needed - have) / PAGE));
  } catch {
    return undefined; // memory could not grow so far
  }
  new Uint8Array(wasm.memory.buffer, 0, input.length).set(input);
  const result = wasm.decode(input.length, outStart, outEnd);
  if (needed <= RETAIN_BYTES) kept = wasm;
  if (result < 0) throw new Error(lzfErrorMessage(result, wasm.errorAt.value as number));
  output.set(new Uint8Array(wasm.memory.buffer, outStart, result));
  return result;
}

/** The message of a WebAssembly error code, word for word the JavaScript decoder's. */
function lzfErrorMessage(code: number, at: number): string {
  switch (code) {
    case LzfWasmError.LiteralOverrun:
      return `LZF literal run at input byte ${at} overruns the output`;
    case LzfWasmError.LiteralCutShort:
      return `LZF literal run at input byte ${at} is cut short`;
    case LzfWasmError.EndsInsideMatch:
      return 'LZF stream ends inside a match';
    case LzfWasmError.BeforeStart:
      return `LZF match at input byte ${at} points before the start of the output`;
    default:
      return `LZF match at input byte ${at} overruns the output`;
  }
}

/**
 * The JavaScript decoder, `decompressLzf`'s fallback. Allocates nothing but two DataViews a call.
 *
 * Speed: the time goes per token (a sweep's columns give ~7 output bytes a token: runs of 1–32 literals, matches
 * mostly of 3–4 bytes), so every token is checked once and then copied without a per-byte loop where it can be:
 * 4-byte DataView moves at any alignment, the last one ending exactly at the token's end (it may rewrite bytes
 * the one before wrote, never a byte past the end). `output.set(input.subarray(…))` lost to plain byte copies at
 * every literal length (≤ 32) on the bench's streams, measured: making the subarray costs more than the copy.
 */
export function decompressLzfJs(input: Uint8Array, output: Uint8Array): number {
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
