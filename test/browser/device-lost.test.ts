import { afterAll, describe, expect, inject, it } from 'vitest';
import { Profile } from './launch';
import { openApp, settle, viewportImage, waitUntil } from './app-flow';
import { countUnlike } from './pixels';

/**
 * A GPU device can be lost at any time (driver reset, GPU removed, the browser reclaiming it). The test keeps
 * a handle on the devices the page creates and destroys the app's real device mid-session: the view must move
 * to WebGL2, say so, and keep drawing.
 */
describe('GPU device lost', () => {
  const profile = new Profile('WebGPU');
  afterAll(() => profile.dispose());

  it('falls back to WebGL2, tells the user, and still draws the sweep', async () => {
    const page = await profile.open();
    await page.addInitScript(() => {
      const devices: GPUDevice[] = [];
      (window as unknown as { testDevices: GPUDevice[] }).testDevices = devices;
      const requestDevice = GPUAdapter.prototype.requestDevice;
      GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, ...args) {
        const device = await requestDevice.apply(this, args);
        devices.push(device);
        return device;
      };
    });
    const baseURL = inject('baseURL');
    await openApp(page, baseURL, 'WebGPU');
    expect(await page.getByTestId('notice').count()).toBe(0);

    await page.evaluate(() =>
      (window as unknown as { testDevices: GPUDevice[] }).testDevices.forEach((d) => d.destroy()),
    );
    await waitUntil(
      'the view moves to WebGL2',
      () => page.getByTestId('backend').textContent(),
      (t) => !!t?.includes('WebGL2'),
    );
    expect(await page.getByTestId('notice').textContent()).toContain('WebGL2');
    await settle(page);
    expect(countUnlike(await viewportImage(page), [0x0b, 0x0f, 0x17])).toBeGreaterThan(5_000);
  });
});
