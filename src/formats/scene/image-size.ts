import { FormatError } from '../pointcloud/format-error';

/** The problem code an import reports each fault of this format under. */
const MALFORMED = { code: 'image.header.malformed' } as const;

/**
 * Width and height in pixels of a PNG (from its IHDR chunk) or a JPEG (from its first SOFn segment), read
 * from the header bytes only. Throws a `FormatError` naming `path` for anything else or a truncated header.
 */
export function readImageSize(bytes: Uint8Array, path: string): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a) {
    if (view.getUint32(12) !== 0x49484452) throw new FormatError(path, 'PNG without an IHDR chunk first', MALFORMED);
    return checked(view.getUint32(16), view.getUint32(20), path);
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return readJpegSize(view, path);
  throw new FormatError(path, 'not a PNG or JPEG image', MALFORMED);
}

/** Walks the JPEG marker segments up to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC). */
function readJpegSize(view: DataView, path: string): { width: number; height: number } {
  let at = 2;
  while (at + 4 <= view.byteLength) {
    if (view.getUint8(at) !== 0xff) throw new FormatError(path, `JPEG: no marker at byte ${at}`, MALFORMED);
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image, start of scan: no frame header before
    const length = view.getUint16(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > view.byteLength) break;
      return checked(view.getUint16(at + 7), view.getUint16(at + 5), path);
    }
    at += 2 + length;
  }
  throw new FormatError(path, 'JPEG: no frame header (SOF) found', MALFORMED);
}

function checked(width: number, height: number, path: string): { width: number; height: number } {
  if (width === 0 || height === 0) throw new FormatError(path, `image size ${width}×${height} is empty`, MALFORMED);
  return { width, height };
}
