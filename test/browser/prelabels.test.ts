import { afterAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { Profile } from './launch';
import { journalEntries, openApp, pointCount, waitUntil } from './app-flow';
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
    const sources = (await journalEntries(page))
      .filter((e) => e.name === 'importLabels')
      .flatMap((e) =>
        e.patch.added.filter((a) => a.type === 'cuboid').map((a) => (a['source'] as { kind: string }).kind),
      );
    expect(sources).toHaveLength(cuboids.length);
    expect(new Set(sources)).toEqual(new Set(['prelabel']));
  });
});
