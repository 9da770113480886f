import { afterAll, describe, expect, inject, it } from 'vitest';
import { Profile } from './launch';
import { openApp, pointCount, waitUntil } from './app-flow';

describe('offline', () => {
  const profile = new Profile('WebGL2');
  afterAll(() => profile.dispose());

  it('starts with no network after the first visit, showing the cached demo frame', async () => {
    const page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load was not controlled yet; a reload is, and from then on the precache answers.
    await page.reload();
    await waitUntil(
      'the service worker controls the page',
      () => page.evaluate(() => !!navigator.serviceWorker.controller),
      (c) => c,
    );
    await profile.context!.setOffline(true);
    await page.reload();
    await waitUntil(
      'the app boots offline',
      () =>
        page
          .getByTestId('backend')
          .textContent()
          .catch(() => null),
      (t) => !!t?.includes('WebGL2'),
    );
    await waitUntil(
      'the cached sweep shows',
      () => pointCount(page),
      (n) => n > 90_000,
    );
    expect(await page.getByTestId('camera-image').count()).toBe(1);
    await profile.context!.setOffline(false);
  });
});
