import { afterAll, describe, expect, inject, it } from 'vitest';
import { Profile } from './launch';
import { openApp, settle, viewportImage } from './app-flow';
import { countUnlike } from './pixels';

/**
 * Headless Chromium offers a WebGPU adapter but loses the device as soon as the canvas is presented. A user's
 * browser can do the same (driver reset, GPU removed): the view must move to WebGL2 and say so.
 */
describe('GPU device lost', () => {
  const profile = new Profile('WebGPU-lost');
  afterAll(() => profile.dispose());

  it('falls back to WebGL2, tells the user, and still draws the sweep', async () => {
    const page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
    expect(await page.getByTestId('notice').textContent()).toContain('WebGL2');
    await settle(page);
    expect(countUnlike(await viewportImage(page), [0x0b, 0x0f, 0x17])).toBeGreaterThan(5_000);
  });
});
