import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { BrowserBackend, GpuMode } from '../lib/section';
import { CHROMIUM_FLAGS, SWIFTSHADER_WEBGPU_FLAGS } from '../../test/browser/chromium-flags';

/** The flags the browser tests use, plus no throttling of a window Xvfb hides. */
const COMMON = [
  ...CHROMIUM_FLAGS,
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // window.gc(): a series starts from a collected heap, as `measure` does in node with --expose-gc.
  '--js-flags=--expose-gc',
];

/** A GPU backend, or `plain`: headless, for pages that need no GPU (workers, IndexedDB). */
export type BrowserMode = BrowserBackend | 'plain';

/**
 * How each backend runs (BROWSER_TESTING.md). SwiftShader: WebGPU only in a headed Chromium under Xvfb with
 * SwiftShader's Vulkan (headless WebGPU loses its device when it presents to a canvas); WebGL2 in plain
 * headless Chromium (ANGLE on SwiftShader), where no WebGPU adapter exists. Hardware: headed, on the machine's
 * GPU, WebGPU enabled; the WebGL2 page then asks three.js for WebGL2 itself (`forceWebGL`).
 */
function launchOptions(backend: BrowserMode, gpu: GpuMode): { headless: boolean; args: string[] } {
  if (backend === 'plain') return { headless: true, args: COMMON };
  if (gpu === 'hardware') {
    return {
      headless: false,
      args: [...COMMON, '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--ignore-gpu-blocklist'],
    };
  }
  if (backend === 'webgl2') return { headless: true, args: COMMON };
  return {
    headless: false,
    args: [...COMMON, ...SWIFTSHADER_WEBGPU_FLAGS],
  };
}

/** A Chromium with its own profile on disk, so that IndexedDB is the persistent one users have. */
export interface BenchBrowser {
  page: Page;
  close(): Promise<void>;
}

/**
 * Launches Chromium (`CHROMIUM_PATH`, else /usr/bin/chromium) in a persistent context on a fresh temporary
 * profile, at device pixel ratio 1, and opens `url`. Console errors from the page are forwarded to `log`.
 */
export async function launchChromium(
  url: string,
  backend: BrowserMode,
  gpu: GpuMode,
  log: (message: string) => void,
): Promise<BenchBrowser> {
  const { headless, args } = launchOptions(backend, gpu);
  if (!headless && !process.env['DISPLAY']) {
    throw new Error('a headed Chromium needs a display: run the bench under xvfb-run -a (npm run bench does)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'frustum-bench-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      headless,
      args,
      // Room for the Viewer's 800×600 canvas and the raw anchor's beside it.
      viewport: { width: 1640, height: 640 },
      deviceScaleFactor: 1,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      // ANGLE says so for every readPixels, which is how the WebGL2 cases wait for the GPU on purpose.
      if (message.text().includes('GPU stall due to ReadPixels')) return;
      if (message.type() === 'error' || message.type() === 'warning')
        log(`  [page ${message.type()}] ${message.text()}`);
    });
    page.on('pageerror', (error) => log(`  [page error] ${error.message}`));
    await page.goto(url);
    // Polling by interval: the GPU page holds requestAnimationFrame callbacks, so 'raf' polling would never run.
    await page.waitForFunction(() => (window as { bench?: unknown }).bench !== undefined, undefined, {
      timeout: 60_000,
      polling: 100,
    });
    if (!(await page.evaluate(() => crossOriginIsolated))) {
      log('  warning: the page is not cross-origin isolated: performance.now() is coarsened to 100 µs');
    }
    const opened = context;
    return {
      page,
      async close() {
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
