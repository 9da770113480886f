import { describe, expect, it } from 'vitest';
import { decompressLzf } from '../../../../src/formats/pointcloud/decompress-lzf';

const decode = (stream: number[], size: number) => {
  const out = new Uint8Array(size);
  const written = decompressLzf(new Uint8Array(stream), out);
  return [...out.subarray(0, written)];
};

describe('decompressLzf', () => {
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
