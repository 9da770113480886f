import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { readPcd } from '../../../../src/formats/pointcloud/read-pcd';
import { makePcd } from './make-pcd';
import { findPcdDataOffset, readSharedFile } from './shared-data';

const binary = readSharedFile('pcd/pcl-generated/kitti000008_reduced_binary.pcd');
const compressed = readSharedFile('pcd/pcl-generated/kitti000008_reduced_binary_compressed.pcd');

/** Asserts that reading throws a FormatError whose message names the file and matches `problem`. */
function expectFormatError(bytes: Uint8Array, fileName: string, problem: RegExp) {
  let error: unknown;
  try {
    readPcd(bytes, fileName);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FormatError);
  expect((error as FormatError).fileName).toBe(fileName);
  expect((error as Error).message.startsWith(`${fileName}: `)).toBe(true);
  expect((error as Error).message).toMatch(problem);
}

/** A copy of `bytes` whose uint32 at `offset` bytes after the DATA line is `value`. */
function patchUint32(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(findPcdDataOffset(copy) + offset, value, true);
  return copy;
}

/** A copy of a header-only edit: `from` replaced by `to` in the first 400 bytes. */
function patchHeader(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 400));
  expect(text).toContain(from);
  const head = new TextEncoder().encode(text.replace(from, to));
  const out = new Uint8Array(head.length + bytes.length - 400);
  out.set(head);
  out.set(bytes.subarray(400), head.length);
  return out;
}

describe('readPcd on corrupt input', () => {
  it('rejects a truncated binary PCD', () => {
    const cut = binary.subarray(0, findPcdDataOffset(binary) + 17238 * 16 - 1);
    expectFormatError(cut, 'cut.pcd', /truncated: 17238 points need 275808 bytes, 275807 present/);
  });

  it('rejects a binary_compressed PCD whose compressed size is too large', () => {
    expectFormatError(patchUint32(compressed, 0, 10_000_000), 'big.pcd', /truncated: compressed size 10000000/);
  });

  it('rejects a binary_compressed PCD whose compressed size is too small', () => {
    const compressedSize = new DataView(compressed.buffer).getUint32(findPcdDataOffset(compressed), true);
    const patched = patchUint32(compressed, 0, compressedSize - 1000);
    expectFormatError(patched, 'small.pcd', /compress|LZF/);
  });

  it('rejects a binary_compressed PCD whose uncompressed size disagrees with the header', () => {
    expectFormatError(patchUint32(compressed, 4, 12345), 'size.pcd', /uncompressed size 12345 should be 275808/);
  });

  it('rejects corrupt LZF data', () => {
    const copy = compressed.slice();
    copy.fill(0xff, findPcdDataOffset(copy) + 8, findPcdDataOffset(copy) + 40);
    expectFormatError(copy, 'lzf.pcd', /corrupt compressed data/);
  });

  it('rejects a bad header line, an unknown keyword and a bad SIZE/TYPE pair', () => {
    expectFormatError(patchHeader(binary, 'WIDTH 17238', 'WIDHT 17238'), 'key.pcd', /bad PCD header line 7: "WIDHT/);
    expectFormatError(patchHeader(binary, 'SIZE 4 4 4 4', 'SIZE 4 4 4 3'), 'size.pcd', /intensity has TYPE F SIZE 3/);
    expectFormatError(patchHeader(binary, 'TYPE F F F F', 'TYPE F F F'), 'type.pcd', /TYPE has 3 entries for 4/);
    expectFormatError(patchHeader(binary, 'POINTS 17238', 'POINTS -1'), 'pts.pcd', /POINTS "-1" is not a count/);
    expectFormatError(patchHeader(binary, 'DATA binary', 'DATA zipped'), 'data.pcd', /unknown DATA "zipped"/);
  });

  it('rejects a file with no DATA line, or one that is not a PCD at all', () => {
    expectFormatError(binary.subarray(0, 150), 'head.pcd', /no DATA line/);
    expectFormatError(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]), 'image.pcd', /bad PCD header/);
  });

  it('rejects ascii rows with a missing value, a non-number, or too few rows', () => {
    const header = ['FIELDS x y z', 'POINTS 2'];
    expectFormatError(makePcd(header, 'ascii', '1 2 3\n40 50\n'), 'few.pcd', /point 2 has 2 values, expected 3/);
    expectFormatError(makePcd(header, 'ascii', '1 2 3\n4 five 6\n'), 'nan.pcd', /point 2 .* not a number: "five"/);
    expectFormatError(makePcd(header, 'ascii', '1.000 2.000 3.000\n'), 'rows.pcd', /truncated: 1 of 2 points/);
    const huge = makePcd(['FIELDS x y z', 'POINTS 1000000000'], 'ascii', '1 2 3\n');
    expectFormatError(huge, 'huge.pcd', /truncated: 1000000000 points of 3 values cannot fit/);
  });

  it('rejects sizes that claim more than LZF can expand to, before allocating for them', () => {
    // 1431655765 points of 3 bytes: POINTS and both sizes agree on 4 GiB, in a file of 70 bytes.
    const header = ['FIELDS x y z', 'SIZE 1 1 1', 'TYPE U U U', 'POINTS 1431655765'];
    const sizes = new Uint8Array([2, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 7]);
    const bytes = makePcd(header, 'binary_compressed', sizes);
    expectFormatError(bytes, 'lzf.pcd', /2 bytes of LZF cannot hold 4294967295 bytes/);
  });

  it('rejects a number token of a megabyte without overflowing the stack', () => {
    const body = `${'1'.repeat(1_000_000)} 2 3\n`;
    expectFormatError(makePcd(['FIELDS x y z', 'POINTS 1'], 'ascii', body), 'long.pcd', /point 1 .* not a number/);
  });
});
