import { afterAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { Profile } from './launch';
import { openApp, pointCount, waitUntil } from './app-flow';
import { SHARED_DATA, diskFiles } from './data-files';
import { importScene } from '../../src/formats/scene/import-scene';

describe('labels found beside the data', () => {
  const profile = new Profile('WebGL2');
  afterAll(() => profile.dispose());

  it('come in as pre-labels when the user asks, every box of every frame', async () => {
    const root = join(SHARED_DATA, 'sustechpoints');
    const { cuboids } = await importScene(diskFiles(root));
    const page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
    await page.getByTestId('scenes-button').click();
    await page.getByTestId('labels-as-prelabels').check();
    await page.getByTestId('folder-input').setInputFiles(root);
    await waitUntil(
      'the scene opens',
      () => page.getByTestId('scene-name').textContent(),
      (n) => n === 'sustechpoints',
    );
    await waitUntil(
      'its sweep',
      () => pointCount(page),
      (n) => n > 50_000,
    );
    const sources = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          indexedDB.open('frustum').onsuccess = (e) => {
            const db = (e.target as IDBOpenDBRequest).result;
            db.transaction('journal').objectStore('journal').getAll().onsuccess = (r) => {
              const entries = (r.target as IDBRequest).result as {
                name: string;
                patch: { added: { type: string; source?: { kind: string } }[] };
              }[];
              resolve(
                entries
                  .filter((x) => x.name === 'importLabels')
                  .flatMap((x) => x.patch.added.filter((a) => a.type === 'cuboid').map((a) => a.source!.kind)),
              );
            };
          };
        }),
    );
    expect(sources).toHaveLength(cuboids.length);
    expect(new Set(sources)).toEqual(new Set(['prelabel']));
  });
});
