import type { Page } from 'playwright-core';
import { pointCount, waitUntil } from './app-flow';

/** Imports a folder the way a person does: Scenes → "Copy a folder in…" → choose the folder. */
export async function importFolder(page: Page, dir: string): Promise<void> {
  const before = await page.getByTestId('scene-name').textContent();
  await page.getByTestId('scenes-button').click();
  await page.getByTestId('folder-input').setInputFiles(dir);
  await waitUntil(
    'the imported scene opens',
    () => page.getByTestId('scene-name').textContent(),
    (n) => n !== before,
    120_000,
  );
  await waitUntil(
    'its first sweep is shown',
    () => pointCount(page),
    (n) => n > 0,
  );
  // Notes about the import keep the dialog open; read, then closed.
  if (await page.getByTestId('scenes-dialog').count()) {
    await page.keyboard.press('Escape');
    await page.getByTestId('scenes-dialog').waitFor({ state: 'detached' });
  }
}

/** The bounding rectangles (image pixels) of the boxes drawn over one camera's image. */
export async function projectedBoxRects(page: Page, cameraId: string): Promise<[number, number, number, number][]> {
  return page.$$eval(`[data-camera="${cameraId}"] [data-testid=projected-box]`, (groups) =>
    groups.map((g) => {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const line of g.querySelectorAll('line')) {
        xs.push(Number(line.getAttribute('x1')), Number(line.getAttribute('x2')));
        ys.push(Number(line.getAttribute('y1')), Number(line.getAttribute('y2')));
      }
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as [number, number, number, number];
    }),
  );
}

export async function cameraIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid=camera-view]', (views) => views.map((v) => v.getAttribute('data-camera') ?? ''));
}
