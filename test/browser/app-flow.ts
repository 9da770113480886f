import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { decodePng, type Image } from './pixels';
import type { BackendName } from './launch';

/** Opens the app and waits until the demo frame is on screen: backend reported, points counted, image shown. */
export async function openApp(page: Page, baseURL: string, backend: BackendName): Promise<void> {
  await page.goto(baseURL);
  await expect.poll(() => page.getByTestId('backend').textContent(), { timeout: 60_000 }).toContain(backend);
  await expect.poll(() => pointCount(page), { timeout: 90_000 }).toBeGreaterThan(50_000);
  await page.getByTestId('camera-image').waitFor({ state: 'visible', timeout: 60_000 });
}

export async function pointCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('point-count').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, '')) || 0;
}

export async function boxCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('box-count').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, '')) || 0;
}

export async function viewportImage(page: Page): Promise<Image> {
  return decodePng(await page.getByTestId('viewport').screenshot());
}

/** Waits for two animation frames so an on-demand draw has reached the screen. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300);
}

/** The client position where the viewer draws an ego-frame point. */
export async function egoToClient(page: Page, p: readonly [number, number, number]): Promise<[number, number]> {
  return page.evaluate(
    (point) => {
      const view = (window as unknown as { frustumView: { egoToClient(p: number[]): [number, number] } }).frustumView;
      return view.egoToClient(point);
    },
    [...p],
  );
}

export interface StoredCuboid {
  position: [number, number, number];
  size: [number, number, number];
  trackId: string;
}

/** The cuboids the app wrote to its IndexedDB journal, read as any script on the page could. */
export async function storedCuboids(page: Page): Promise<StoredCuboid[]> {
  return page.evaluate(
    () =>
      new Promise<StoredCuboid[]>((resolve, reject) => {
        const open = indexedDB.open('frustum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('journal').objectStore('journal').getAll();
          req.onsuccess = () => {
            const live = new Map<string, StoredCuboid>();
            for (const entry of req.result as {
              patch: { added: { type: string; id: string }[]; removed: { id: string }[] };
            }[]) {
              for (const r of entry.patch.removed) live.delete(r.id);
              for (const r of entry.patch.added) if (r.type === 'cuboid') live.set(r.id, r as unknown as StoredCuboid);
            }
            open.result.close();
            resolve([...live.values()]);
          };
        };
      }),
  );
}
