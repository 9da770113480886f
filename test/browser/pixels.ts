import { PNG } from 'pngjs';

export interface Image {
  width: number;
  height: number;
  data: Buffer;
}

export function decodePng(buffer: Buffer): Image {
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data };
}

/** Pixels whose colour is further than `tolerance` (sum of channel differences) from `rgb`. */
export function countUnlike(image: Image, rgb: [number, number, number], tolerance = 24): number {
  let n = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const d =
      Math.abs(image.data[i]! - rgb[0]) + Math.abs(image.data[i + 1]! - rgb[1]) + Math.abs(image.data[i + 2]! - rgb[2]);
    if (d > tolerance) n++;
  }
  return n;
}

/** Pixels that differ between two same-sized images inside a square of `radius` around (cx, cy). */
export function countChangedNear(a: Image, b: Image, cx: number, cy: number, radius: number): number {
  let n = 0;
  for (let y = Math.max(0, cy - radius); y < Math.min(a.height, cy + radius); y++) {
    for (let x = Math.max(0, cx - radius); x < Math.min(a.width, cx + radius); x++) {
      const i = (y * a.width + x) * 4;
      const d =
        Math.abs(a.data[i]! - b.data[i]!) +
        Math.abs(a.data[i + 1]! - b.data[i + 1]!) +
        Math.abs(a.data[i + 2]! - b.data[i + 2]!);
      if (d > 30) n++;
    }
  }
  return n;
}

/** Pixels that differ between two same-sized images anywhere. */
export function countChanged(a: Image, b: Image): number {
  return countChangedNear(a, b, a.width / 2, a.height / 2, Math.max(a.width, a.height));
}

/** The colour most pixels of the image have: the background, in a view that points cover only in part. */
export function commonColor(image: Image): [number, number, number] {
  const counts = new Map<number, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const key = (image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return [key >> 16, (key >> 8) & 255, key & 255];
}
