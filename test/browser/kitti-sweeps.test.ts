import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile, type BackendName } from './launch';
import { openApp, settle, viewportImage, waitForFrame } from './app-flow';
import { importFolder } from './import-flow';
import { SHARED_DATA } from './data-files';
import { commonColor, type Image } from './pixels';

const ROOT = join(SHARED_DATA, 'kitti-object/training');

/** A KITTI sweep's x y z reflectance straight from the file (not through the app's reader). */
function fileRecords(frame: number): Float32Array {
  const bytes = readFileSync(join(ROOT, `velodyne/00000${frame}.bin`));
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Where the viewer draws each point (KITTI: ego frame = Velodyne frame), viewport pixels; NaN outside it. */
async function projectAll(page: Page, records: Float32Array): Promise<Float32Array> {
  const box = (await page.getByTestId('viewport').boundingBox())!;
  const xyz = Array.from({ length: records.length / 4 }, (_, i) => [...records.subarray(i * 4, i * 4 + 3)]).flat();
  const client = await page.evaluate((flat) => {
    const view = (window as unknown as { frustumView: { egoToClient(p: number[]): [number, number] } }).frustumView;
    const out: number[] = [];
    for (let i = 0; i < flat.length; i += 3) out.push(...view.egoToClient([flat[i]!, flat[i + 1]!, flat[i + 2]!]));
    return out;
  }, xyz);
  const out = new Float32Array(client.length);
  for (let i = 0; i < client.length; i += 2) {
    const [x, y] = [Math.round(client[i]! - box.x), Math.round(client[i + 1]! - box.y)];
    const inside = x >= 2 && y >= 2 && x < box.width - 2 && y < box.height - 2;
    [out[i], out[i + 1]] = inside ? [x, y] : [NaN, NaN];
  }
  return out;
}

/** 1 where a pixel differs from the background, else 0. */
function drawnMask(image: Image): Uint8Array {
  const bg = commonColor(image);
  const mask = new Uint8Array(image.width * image.height);
  for (let p = 0; p < mask.length; p++) {
    const d = [0, 1, 2].reduce((s, c) => s + Math.abs(image.data[p * 4 + c]! - bg[c]!), 0);
    mask[p] = d > 24 ? 1 : 0;
  }
  return mask;
}

/** Whether the mask has a 1 within one pixel of (x, y). */
function near(mask: Uint8Array, width: number, x: number, y: number): boolean {
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (mask[(y + dy) * width + x + dx]) return true;
  return false;
}

/** Mean brightness (0–765) of the pixels under the given points. */
function brightnessAt(image: Image, at: Float32Array, points: number[]): number {
  let sum = 0;
  for (const i of points) {
    const p = (at[i * 2 + 1]! * image.width + at[i * 2]!) * 4;
    sum += image.data[p]! + image.data[p + 1]! + image.data[p + 2]!;
  }
  return sum / points.length;
}

/**
 * How the view agrees with the file: `recall`, the share of points in view with a drawn pixel within one pixel
 * of where they belong; `precision`, the share of drawn pixels within one pixel of a point of the file. A sweep
 * read at the wrong stride, or from the wrong offset, puts its points elsewhere and fails both.
 */
function agreement(image: Image, at: Float32Array): { recall: number; precision: number; inView: number } {
  const drawn = drawnMask(image);
  const expected = new Uint8Array(drawn.length);
  let inView = 0;
  let hits = 0;
  for (let i = 0; i < at.length; i += 2) {
    if (Number.isNaN(at[i]!)) continue;
    inView++;
    expected[at[i + 1]! * image.width + at[i]!] = 1;
    if (near(drawn, image.width, at[i]!, at[i + 1]!)) hits++;
  }
  let drawnCount = 0;
  let explained = 0;
  for (let y = 2; y < image.height - 2; y++) {
    for (let x = 2; x < image.width - 2; x++) {
      if (!drawn[y * image.width + x]) continue;
      drawnCount++;
      if (near(expected, image.width, x, y)) explained++;
    }
  }
  return { recall: hits / inView, precision: explained / drawnCount, inView };
}

describe.each(['WebGPU', 'WebGL2'] as const)(
  'real KITTI sweeps drawn from their records on %s',
  (backend: BackendName) => {
    const profile = new Profile(backend);
    let page: Page;

    beforeAll(async () => {
      page = await profile.open();
      await openApp(page, inject('baseURL'), backend);
      await importFolder(page, ROOT);
      await page.getByTestId('view-birds-eye').click();
      // Rings and trajectories are drawn lines no point explains.
      const summary = page.getByTestId('display-menu').locator('summary');
      await summary.click();
      await page.getByTestId('range-rings').click();
      await summary.click();
      await settle(page);
    });
    afterAll(() => profile.dispose());

    it('draws every sweep where its points are, and by intensity as stored in its records', async () => {
      /** Per frame: how much brighter the high-reflectance points are drawn than the low ones, by intensity. */
      const contrast: number[] = [];
      for (let frame = 0; frame < 3; frame++) {
        if (frame > 0) {
          await page.keyboard.press('ArrowRight');
          await waitForFrame(page, frame + 1, 3);
        }
        await page.getByTestId('color-mode').selectOption('height');
        await settle(page);
        const records = fileRecords(frame);
        const at = await projectAll(page, records);
        const { recall, precision, inView } = agreement(await viewportImage(page), at);
        expect(inView, `frame ${frame}`).toBeGreaterThan(20_000);
        expect(recall, `frame ${frame}`).toBeGreaterThan(0.95);
        expect(precision, `frame ${frame}`).toBeGreaterThan(0.9);

        // By intensity: bright returns (paint, plates, signs) are drawn lighter than dark ones (asphalt).
        await page.getByTestId('color-mode').selectOption('intensity');
        await settle(page);
        const image = await viewportImage(page);
        const inside = (i: number) => !Number.isNaN(at[i * 2]!);
        const count = records.length / 4;
        const bright = Array.from({ length: count }, (_, i) => i).filter((i) => inside(i) && records[i * 4 + 3]! > 0.6);
        const dark = Array.from({ length: count }, (_, i) => i).filter((i) => inside(i) && records[i * 4 + 3]! < 0.05);
        expect(Math.min(bright.length, dark.length), `frame ${frame}`).toBeGreaterThan(300);
        contrast.push(brightnessAt(image, at, bright) - brightnessAt(image, at, dark));
      }
      // Measured here: 160, 221 and 106 (sum of channels, 0–765); intensity read from x instead gave 75, 77, −1.
      expect(contrast.reduce((a, b) => a + b) / contrast.length).toBeGreaterThan(110);
      expect(Math.min(...contrast)).toBeGreaterThan(40);
    });

    it('caches the sweep as one buffer of records, and draws it from there after a reload', async () => {
      const stored = await page.evaluate(
        () =>
          new Promise<{ stride: number; oneBuffer: boolean; bytes: number }[]>((resolve, reject) => {
            const open = indexedDB.open('frustum');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const req = open.result.transaction('frames').objectStore('frames').getAll();
              req.onsuccess = () => {
                open.result.close();
                type Points = { kind: string; positions: Float32Array; interleaved?: { records: Float32Array; stride: number } } // prettier-ignore
                // The KITTI scene's sweeps (the demo drive the app opened on has some cached too).
                const rows = (req.result as { sceneId: string; payload: Points }[]).filter((r) => !r.sceneId.startsWith('demo')); // prettier-ignore
                const points = rows.map((r) => r.payload).filter((p) => p.kind === 'points');
                resolve(
                  points.map((p) => ({
                    stride: p.interleaved?.stride ?? 0,
                    oneBuffer: p.positions.buffer === p.interleaved?.records.buffer,
                    bytes: p.interleaved?.records.buffer.byteLength ?? 0,
                  })),
                );
              };
            };
          }),
      );
      const sizes = [0, 1, 2].map((f) => fileRecords(f).byteLength).sort();
      expect(stored.map((s) => s.stride)).toEqual([4, 4, 4]);
      expect(stored.every((s) => s.oneBuffer)).toBe(true);
      expect(stored.map((s) => s.bytes).sort()).toEqual(sizes);

      await page.reload();
      await waitForFrame(page, 3, 3);
      await page.getByTestId('view-birds-eye').click();
      await page.getByTestId('color-mode').selectOption('height');
      await settle(page);
      const { recall, precision } = agreement(await viewportImage(page), await projectAll(page, fileRecords(2)));
      expect(recall).toBeGreaterThan(0.95);
      expect(precision).toBeGreaterThan(0.85);
    });
  },
);
