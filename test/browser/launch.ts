import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, SWIFTSHADER_WEBGPU_FLAGS } from './chromium-flags';
import { browserProcesses, killBrowserProcesses } from './browser-processes';

export type BackendName = 'WebGPU' | 'WebGL2';

/**
 * WebGPU: headed Chromium under Xvfb with SwiftShader's Vulkan (headless WebGPU loses its device when it
 * presents to a canvas). WebGL2: plain headless Chromium, which has no WebGPU adapter, so the app falls back.
 */
const ARGS: Record<BackendName, { headless: boolean; args: string[] }> = {
  WebGPU: {
    headless: false,
    args: [...CHROMIUM_FLAGS, ...SWIFTSHADER_WEBGPU_FLAGS],
  },
  WebGL2: { headless: true, args: CHROMIUM_FLAGS },
};

/** A browser profile on disk, so IndexedDB persists across reloads and relaunches as it does for a user. */
export class Profile {
  readonly dir = mkdtempSync(join(tmpdir(), 'frustum-profile-'));
  context: BrowserContext | undefined;

  constructor(readonly backend: BackendName) {}

  /**
   * `serviceWorkers: 'block'` keeps the app's service worker out, so that every request reaches the network
   * (and `page.route`): a test that blocks a script then proves that nothing fetched it.
   */
  async open(locale = 'en-US', options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<Page> {
    const { headless, args } = ARGS[this.backend];
    if (!headless && !process.env['DISPLAY'])
      throw new Error('the WebGPU run needs a display: run the browser tests under xvfb-run');
    this.context = await chromium.launchPersistentContext(this.dir, {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      headless,
      args,
      locale,
      viewport: { width: 1400, height: 820 },
      serviceWorkers: options.serviceWorkers ?? 'allow',
    });
    return this.context.pages()[0] ?? (await this.context.newPage());
  }

  /**
   * Closes the browser the way Playwright closes it: pages get no `beforeunload`, but the browser shuts down in
   * order and finishes what it was writing. A crash is `crash()`.
   */
  async kill(): Promise<void> {
    await this.context?.close();
    this.context = undefined;
  }

  /**
   * A crash: SIGKILL to every process of the browser at once (the storage service too), so a write still in
   * flight never lands. Then, as Chromium does when it starts after a crash, the lock the dead browser left in
   * the profile goes, so the next `open()` starts on the same profile.
   */
  async crash(): Promise<void> {
    const context = this.context;
    if (!context) throw new Error('no browser runs on this profile');
    const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
    killBrowserProcesses(this.dir);
    await closed;
    this.context = undefined;
    const end = Date.now() + 10_000;
    while (browserProcesses(this.dir).length > 0) {
      if (Date.now() > end) throw new Error(`the browser on ${this.dir} outlived SIGKILL`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const name of ['SingletonLock', 'SingletonSocket', 'SingletonCookie'])
      rmSync(join(this.dir, name), { force: true });
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
