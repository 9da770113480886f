import { describe, expect, it } from 'vitest';
import { decompressLzf, decompressLzfJs } from '../../../../src/formats/pointcloud/decompress-lzf';

type Decompress = (input: Uint8Array, output: Uint8Array) => number;

// Every case runs on both decoders: `decompressLzf` takes the WebAssembly one here (node has it), and the
// JavaScript one is its fallback where WebAssembly cannot run.
const DECODERS: [string, Decompress][] = [
  ['decompressLzf (WebAssembly)', decompressLzf],
  ['decompressLzfJs (JavaScript)', decompressLzfJs],
];

const decodeWith = (decompress: Decompress) => (stream: number[], size: number) => {
  const out = new Uint8Array(size);
  const written = decompress(new Uint8Array(stream), out);
  return [...out.subarray(0, written)];
};

/** The format's plain definition, one byte at a time: what every fast path must agree with. */
function referenceLzf(input: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let ip = 0;
  let op = 0;
  while (ip < input.length) {
    const ctrl = input[ip++]!;
    if (ctrl < 32) {
      for (let k = 0; k <= ctrl; k++) out[op++] = input[ip++]!;
      continue;
    }
    let length = ctrl >>> 5;
    if (length === 7) length += input[ip++]!;
    let ref = op - ((ctrl & 0x1f) << 8) - input[ip++]! - 1;
    for (let k = 0; k < length + 2; k++) out[op++] = out[ref++]!;
  }
  return out.subarray(0, op);
}

/** A match token of `n` bytes (3–264) at `distance` (1–8192). */
function match(n: number, distance: number): number[] {
  const code = n - 2;
  const high = (distance - 1) >>> 8;
  const low = (distance - 1) & 0xff;
  return code < 7 ? [(code << 5) | high, low] : [(7 << 5) | high, code - 7, low];
}

/** A literal run of `n` (1–32) bytes counting from `seed`. */
const literal = (n: number, seed: number) => [n - 1, ...Array.from({ length: n }, (_, i) => (seed + i * 7) & 255)];

/** Decodes `stream` into a buffer `slack` bytes longer than it needs, at odd offsets, and checks it all. */
function expectSameAsReference(decompress: Decompress, stream: number[], slack = 0): void {
  const input = new Uint8Array(stream.length + 3).subarray(1, 1 + stream.length);
  input.set(stream);
  const expected = referenceLzf(input, 1 << 20);
  const backing = new Uint8Array(expected.length + slack + 3).fill(0xa5);
  const output = backing.subarray(3, 3 + expected.length + slack);
  expect(decompress(input, output)).toBe(expected.length);
  expect([...output.subarray(0, expected.length)]).toEqual([...expected]);
  // Nothing written past the returned count, nor before the view.
  expect(backing.subarray(0, 3).every((b) => b === 0xa5)).toBe(true);
  expect(output.subarray(expected.length).every((b) => b === 0xa5)).toBe(true);
}

describe.each(DECODERS)('%s', (_, decompress) => {
  const decode = decodeWith(decompress);

  describe('the format', () => {
    it('copies literal runs (control byte < 32 = run of ctrl + 1 bytes)', () => {
      expect(decode([2, 10, 20, 30, 0, 40], 8)).toEqual([10, 20, 30, 40]);
    });

    it('expands a short back-reference: length (ctrl >> 5) + 2, distance low bits + 1', () => {
      // "abc" then a match of 3 bytes at distance 3: ctrl = (1 << 5) | 0, offset byte 2.
      expect(decode([2, 97, 98, 99, 0x20, 2], 6)).toEqual([97, 98, 99, 97, 98, 99]);
    });

    it('repeats an overlapping match byte by byte (run-length style)', () => {
      // "a" then a match of 6 at distance 1 (ctrl = 4 << 5).
      expect(decode([0, 97, 0x80, 0], 7)).toEqual(new Array(7).fill(97));
    });

    it('reads the extra length byte of long matches (length 7 + n + 2)', () => {
      // "xy" then a match of 7 + 20 + 2 = 29 bytes at distance 2.
      const out = decode([1, 120, 121, 0xe0, 20, 1], 31);
      expect(out).toHaveLength(31);
      expect(out.every((b, i) => b === (i % 2 === 0 ? 120 : 121))).toBe(true);
    });

    it('uses the high bits of the distance (ctrl & 31) << 8', () => {
      const literal = Array.from({ length: 300 }, (_, i) => i & 255);
      const stream: number[] = [];
      for (let i = 0; i < 300; i += 30) stream.push(29, ...literal.slice(i, i + 30));
      // A 3-byte match at distance 300 = (1 << 8) + 43 + 1: ctrl = (1 << 5) | 1, offset byte 43.
      stream.push(0x21, 43);
      expect(decode(stream, 303).slice(300)).toEqual([0, 1, 2]);
    });

    it('throws on a reference before the start, an overrun, or a cut stream', () => {
      expect(() => decode([0x20, 5], 10)).toThrow(/before the start/);
      expect(() => decode([3, 1, 2, 3, 4], 2)).toThrow(/overruns/);
      expect(() => decode([0, 1, 0x80, 0], 3)).toThrow(/overruns/);
      expect(() => decode([5, 1, 2], 10)).toThrow(/cut short/);
      expect(() => decode([0, 1, 0xe0], 10)).toThrow(/ends inside a match/);
    });
  });

  describe('fast paths, against a byte-by-byte reference', () => {
    it('copies literal runs of every length 1–32 exactly (words from both ends)', () => {
      for (let n = 1; n <= 32; n++) {
        expectSameAsReference(decompress, literal(n, n), 0);
        expectSameAsReference(decompress, [...literal(n, 3 * n), ...literal(n, 5 * n)], 5);
      }
    });

    it('copies non-overlapping matches of every length, short and long, at many distances', () => {
      const prefix = [...literal(32, 1), ...literal(32, 40), ...literal(32, 80), ...literal(32, 120)];
      for (const distance of [3, 4, 5, 8, 9, 17, 64, 127, 128]) {
        for (let n = 3; n <= Math.min(distance, 264); n++)
          expectSameAsReference(decompress, [...prefix, ...match(n, distance)], 2);
      }
      // Long matches (copyWithin), far back.
      const long: number[] = [];
      for (let i = 0; i < 40; i++) long.push(...literal(32, i * 11));
      for (const n of [9, 33, 100, 264])
        expectSameAsReference(decompress, [...long, ...match(n, 1200), ...match(n, n)], 4);
    });

    it('repeats the last byte for distance-1 matches of every length', () => {
      for (let n = 3; n <= 264; n++)
        expectSameAsReference(decompress, [...literal(2, 9), ...match(n, 1), ...literal(1, 77)], 3);
    });

    it('repeats overlapping matches (distance below the length) byte by byte', () => {
      for (const distance of [2, 3, 4, 5, 7, 8, 16]) {
        for (const n of [distance + 1, distance + 2, 2 * distance + 1, 40, 264]) {
          if (n <= distance || n > 264) continue;
          expectSameAsReference(decompress, [...literal(16, distance), ...match(n, distance), ...literal(3, 5)], 1);
        }
      }
    });

    it('decodes a long mixed stream like a sweep (seeded) exactly', () => {
      let seed = 12345;
      const next = (m: number) => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return (seed >>> 8) % m;
      };
      const stream: number[] = [...literal(32, 0)];
      let size = 32;
      for (let t = 0; t < 4000; t++) {
        if (next(2) === 0) {
          const n = next(4) === 0 ? 32 : 1 + next(32);
          stream.push(...literal(n, next(256)));
          size += n;
        } else {
          const n = next(3) === 0 ? 3 + next(262) : 3 + next(6);
          stream.push(...match(n, 1 + next(Math.min(size, 8192))));
          size += n;
        }
      }
      expectSameAsReference(decompress, stream, 7);
    });

    it('keeps every error and its message on the fast paths', () => {
      const at = (stream: number[], size: number) => () => decompress(new Uint8Array(stream), new Uint8Array(size));
      expect(at([...literal(32, 0)], 31)).toThrow('LZF literal run at input byte 0 overruns the output');
      expect(at([...literal(8, 0), ...literal(20, 0)], 27)).toThrow(
        'LZF literal run at input byte 9 overruns the output',
      );
      expect(at([...literal(32, 0)].slice(0, 20), 64)).toThrow('LZF literal run at input byte 0 is cut short');
      expect(at([...literal(32, 0), ...match(8, 8)], 39)).toThrow('LZF match at input byte 33 overruns the output');
      expect(at([...literal(32, 0), ...match(100, 20)], 131)).toThrow('LZF match at input byte 34 overruns the output');
      expect(at([...literal(4, 0), ...match(4, 1)], 7)).toThrow('LZF match at input byte 5 overruns the output');
      expect(at([...literal(4, 0), ...match(5, 5)], 64)).toThrow(
        'LZF match at input byte 5 points before the start of the output',
      );
      expect(at([...literal(4, 0), ...match(40, 3)].slice(0, 7), 64)).toThrow('LZF stream ends inside a match');
      expect(at([...literal(4, 0), 0x20], 64)).toThrow('LZF stream ends inside a match');
    });
  });
});
