import { compress, decompressBlock } from 'lz4js';

/**
 * LZ4 can shrink data at most about 255-fold (a match of 255+ bytes costs one more byte), so a buffer that
 * claims to unpack to more than this many bytes per compressed byte is corrupt: refused before any allocation.
 */
const MAX_RATIO = 256;
const FRAME_MAGIC = 0x184d2204;
/** The frame descriptor's largest block size, by its BD byte's bits 4–6 (4: 64 KiB … 7: 4 MiB). */
const BLOCK_SIZES: Record<number, number | undefined> = { 4: 1 << 16, 5: 1 << 18, 6: 1 << 20, 7: 1 << 22 };

const readU32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0; // prettier-ignore

/**
 * Unpacks one LZ4 frame into exactly `length` bytes. The frame's structure (magic, descriptor, every block's
 * size against the bytes left and the descriptor's maximum) is checked here before lz4js decodes a block:
 * lz4js trusts block sizes, and a damaged one would have it loop over bytes that are not there.
 */
function unpackFrame(src: Uint8Array, length: number): Uint8Array {
  if (src.length < 7 || readU32(src, 0) !== FRAME_MAGIC) throw new Error('not an LZ4 frame');
  const flags = src[4]!;
  if ((flags & 0xc0) !== 0x40) throw new Error(`LZ4 frame version ${flags >> 6} is not 1`);
  if (flags & 0x01) throw new Error('LZ4 frame needs a dictionary');
  const maxBlock = BLOCK_SIZES[(src[5]! >> 4) & 7];
  if (!maxBlock) throw new Error('LZ4 frame states no valid block size');
  const blockChecksums = (flags & 0x10) !== 0;
  // Magic, FLG, BD, the content size where flagged, and the header checksum byte.
  let at = 6 + (flags & 0x08 ? 8 : 0) + 1;
  const out = new Uint8Array(length);
  let written = 0;
  for (;;) {
    if (at + 4 > src.length) throw new Error('LZ4 frame ends inside a block header');
    const word = readU32(src, at);
    at += 4;
    if (word === 0) break;
    const stored = (word & 0x80000000) !== 0;
    const size = word & 0x7fffffff;
    if (size > maxBlock || at + size + (blockChecksums ? 4 : 0) > src.length) {
      throw new Error(`LZ4 block of ${size} bytes does not fit the frame`);
    }
    if (stored) {
      if (written + size > length) throw new Error(`LZ4 frame unpacks to more than ${length} bytes`);
      out.set(src.subarray(at, at + size), written);
      written += size;
    } else {
      written = decompressBlock(src, out, at, size, written);
      if (!(written <= length)) throw new Error(`LZ4 frame unpacks to more than ${length} bytes`);
    }
    at += size + (blockChecksums ? 4 : 0);
  }
  if (written !== length) throw new Error(`LZ4 frame unpacked to ${written} bytes, not the ${length} it states`);
  return out;
}

/**
 * The LZ4 frame codec (lz4js) in the shape Arrow IPC readers take: Feather files written by pyarrow compress
 * each body buffer as one LZ4 frame, prefixed by its unpacked length, which the reader hands in. A frame that
 * does not unpack to exactly that length throws, so a damaged file fails instead of giving shifted columns.
 */
export const lz4FrameCodec = {
  decode(bytes: Uint8Array, uncompressedLength: number): Uint8Array {
    if (!Number.isSafeInteger(uncompressedLength) || uncompressedLength < 0) {
      throw new Error(`LZ4 buffer states an impossible length ${uncompressedLength}`);
    }
    if (uncompressedLength > bytes.length * MAX_RATIO + 64) {
      throw new Error(`LZ4 buffer of ${bytes.length} bytes cannot unpack to ${uncompressedLength} bytes`);
    }
    return unpackFrame(bytes, uncompressedLength);
  },
  encode(bytes: Uint8Array): Uint8Array {
    return compress(bytes);
  },
};
