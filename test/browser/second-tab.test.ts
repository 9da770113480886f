import { afterAll, describe, expect, inject, it } from 'vitest';
import { Profile } from './launch';
import { boxCount, egoToClient, openApp, settle, storedCuboids } from './app-flow';

describe('a second tab on the same scene', () => {
  const profile = new Profile('WebGL2');
  afterAll(() => profile.dispose());

  it('is read-only while the first tab is open, then takes over with the first tab’s edits', async () => {
    const baseURL = inject('baseURL');
    const first = await profile.open();
    await openApp(first, baseURL, 'WebGL2');
    const second = await profile.context!.newPage();
    await openApp(second, baseURL, 'WebGL2');
    expect(await second.getByTestId('read-only').textContent()).toContain('another tab');
    expect(await first.getByTestId('read-only').count()).toBe(0);

    const place = async (page: typeof first, at: [number, number, number]) => {
      await page.bringToFront();
      await settle(page);
      const [x, y] = await egoToClient(page, at);
      await page.keyboard.press('n');
      await page.mouse.click(x, y);
    };
    await place(second, [10, 0, 0]);
    await settle(second);
    expect(await boxCount(second)).toBe(0);
    await place(first, [10, 0, 0]);
    await expect.poll(() => boxCount(first)).toBe(1);
    await expect.poll(() => storedCuboids(first)).toHaveLength(1);

    await first.close();
    await expect.poll(() => second.getByTestId('read-only').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => boxCount(second)).toBe(1);
    await place(second, [12, 4, 0]);
    await expect.poll(() => boxCount(second)).toBe(2);
    await expect.poll(() => storedCuboids(second)).toHaveLength(2);
  });
});
