import { describe, expect, it } from 'vitest';
import { decompressLzfJs, decompressLzfWasm } from '../../../../src/formats/pointcloud/decompress-lzf';
import { buildLzfWasmModule } from '../../../../src/formats/pointcloud/lzf-wasm-module';

/** Seeded, so that a failure names a stream that can be rebuilt. */
function random(seed: number): (m: number) => number {
  let state = seed >>> 0 || 1;
  return (m) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % m;
  };
}

/** A match token of `n` bytes (3–264) at `distance` (1–8192). */
function match(n: number, distance: number): number[] {
  const code = n - 2;
  const high = (distance - 1) >>> 8;
  const low = (distance - 1) & 0xff;
  return code < 7 ? [(code << 5) | high, low] : [(7 << 5) | high, code - 7, low];
}

/**
 * A valid stream of `tokens` tokens and the size it expands to: literal runs of 1–32, short (3–8) and long (up to
 * 264) matches, at distances from 1 (a run of one byte) through 2–15 (overlapping when shorter than the match)
 * to far back, the kinds the decoder moves in different widths.
 */
function randomStream(next: (m: number) => number, tokens: number): { stream: number[]; size: number } {
  const stream: number[] = [];
  let size = 0;
  for (let t = 0; t < tokens; t++) {
    if (size === 0 || next(3) === 0) {
      const n = 1 + next(32);
      stream.push(n - 1);
      for (let i = 0; i < n; i++) stream.push(next(256));
      size += n;
      continue;
    }
    const n = next(4) === 0 ? 3 + next(262) : 3 + next(6);
    const kind = next(6);
    const limit = Math.min(size, 8192);
    const distance =
      kind === 0 ? 1 : kind === 1 ? 2 + next(2) : kind === 2 ? 4 + next(4) : kind === 3 ? 8 + next(8) : 1 + next(limit);
    if (distance > size) continue;
    stream.push(...match(n, distance));
    size += n;
  }
  return { stream, size };
}

/** The first index where `a` and `b` differ, -1 if none (`toEqual` on megabytes is slow). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/**
 * Runs both decoders on `stream` (at an odd input offset) into an output view of `room` bytes with guard bytes
 * on both sides; returns what each wrote (or threw) and the whole guarded buffer.
 */
function decodeBoth(stream: number[], room: number) {
  const backing = new Uint8Array(stream.length + 5);
  const input = backing.subarray(3, 3 + stream.length);
  input.set(stream);
  const run = (decode: (i: Uint8Array, o: Uint8Array) => number | undefined) => {
    const out = new Uint8Array(room + 4).fill(0x5a);
    const view = out.subarray(2, 2 + room);
    try {
      return { written: decode(input, view), out };
    } catch (error) {
      return { error: (error as Error).message, out };
    }
  };
  return { wasm: run(decompressLzfWasm), js: run(decompressLzfJs) };
}

describe('the WebAssembly LZF decoder', () => {
  it('compiles and runs here (node has WebAssembly with SIMD), so decompressLzf does not fall back', () => {
    expect(WebAssembly.validate(buildLzfWasmModule())).toBe(true);
    const out = new Uint8Array(3);
    expect(decompressLzfWasm(new Uint8Array([2, 7, 8, 9]), out)).toBe(3);
    expect([...out]).toEqual([7, 8, 9]);
  });

  it('agrees with the JavaScript decoder byte for byte on random streams, writing nothing past its count', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const { stream, size } = randomStream(next, 1 + next(400));
      const { wasm, js } = decodeBoth(stream, size + 5);
      expect(js.error, `seed ${seed}`).toBeUndefined();
      expect(wasm.error, `seed ${seed}`).toBeUndefined();
      expect(wasm.written, `seed ${seed}`).toBe(size);
      expect(js.written, `seed ${seed}`).toBe(size);
      // Same bytes, and the guard bytes (before the view, and after the count inside and past it) untouched.
      expect(firstDifference(wasm.out, js.out), `seed ${seed}`).toBe(-1);
      expect(wasm.out.subarray(0, 2).every((b) => b === 0x5a)).toBe(true);
      expect(wasm.out.subarray(2 + size).every((b) => b === 0x5a)).toBe(true);
    }
  });

  it('grows its memory for a large stream and keeps decoding small ones after it', () => {
    const next = random(99);
    const big = randomStream(next, 300_000);
    const small = randomStream(next, 50);
    for (const { stream, size } of [small, big, small, big]) {
      const { wasm, js } = decodeBoth(stream, size);
      expect(wasm.written).toBe(size);
      expect(firstDifference(wasm.out, js.out)).toBe(-1);
    }
  });

  it('repeats overlapping matches at every distance 1–20 and length 3–264 as the format defines', () => {
    for (let distance = 1; distance <= 20; distance++) {
      for (let n = 3; n <= 264; n += n < 40 ? 1 : 37) {
        const stream = [31, ...Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 255), ...match(n, distance)];
        const { wasm, js } = decodeBoth(stream, 32 + n);
        expect(wasm.written).toBe(32 + n);
        expect(firstDifference(wasm.out, js.out), `distance ${distance}, length ${n}`).toBe(-1);
      }
    }
  });

  it('throws the JavaScript decoder’s error, word for word, on corrupt and cut streams, and leaves the output alone', () => {
    let corrupt = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const next = random(seed * 7919);
      const { stream, size } = randomStream(next, 1 + next(60));
      // Flip bytes, cut the end, or shrink the output: most streams become errors, a few still decode.
      const bad = [...stream];
      for (let k = next(4); k >= 0; k--) bad[next(bad.length)] = next(256);
      const cut = next(3) === 0 ? bad.slice(0, next(bad.length + 1)) : bad;
      const room = next(3) === 0 ? next(size + 1) : size + next(8);
      const { wasm, js } = decodeBoth(cut, room);
      expect(wasm.error, `seed ${seed}`).toBe(js.error);
      if (js.error === undefined) {
        expect(wasm.written, `seed ${seed}`).toBe(js.written);
        expect(firstDifference(wasm.out, js.out), `seed ${seed}`).toBe(-1);
      } else {
        corrupt++;
        expect(wasm.out.every((b) => b === 0x5a)).toBe(true);
      }
    }
    expect(corrupt).toBeGreaterThan(200);
  });

  it('reports each error at the token’s input offset, as the JavaScript decoder does', () => {
    const cases: [number[], number, string][] = [
      [[31, ...new Array<number>(32).fill(1)], 31, 'LZF literal run at input byte 0 overruns the output'],
      [[0, 1, 5, 1, 2], 64, 'LZF literal run at input byte 2 is cut short'],
      [[0, 1, 0x20, 1], 64, 'LZF match at input byte 2 points before the start of the output'],
      [[1, 1, 2, 0xe0, 40, 0], 40, 'LZF match at input byte 4 overruns the output'],
      [[1, 1, 2, 0xe0, 40], 64, 'LZF stream ends inside a match'],
      [[1, 1, 2, 0x20], 64, 'LZF stream ends inside a match'],
    ];
    for (const [stream, size, message] of cases) {
      const { wasm, js } = decodeBoth(stream, size);
      expect(js.error).toBe(message);
      expect(wasm.error).toBe(message);
    }
  });

  it('decodes an empty stream to nothing', () => {
    expect(decompressLzfWasm(new Uint8Array(0), new Uint8Array(4))).toBe(0);
    expect(decompressLzfWasm(new Uint8Array(0), new Uint8Array(0))).toBe(0);
  });
});
