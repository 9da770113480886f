/**
 * How Chromium is started on these machines (BROWSER_TESTING.md), shared by the browser tests and the
 * benchmarks so both measure and test the same browser.
 */

/** Every launch: no sandbox (root in CI), no background network traffic (the network is closed). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** WebGPU on SwiftShader's Vulkan: only in a headed Chromium (under Xvfb); headless loses the device. */
export const SWIFTSHADER_WEBGPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--enable-unsafe-swiftshader',
];
