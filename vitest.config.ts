import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Two projects: `unit` runs pure modules in node; `browser` starts the built app and drives real Chromium
 * (WebGPU through SwiftShader under Xvfb, and WebGL2 headless) through playwright-core.
 */
export default defineConfig({
  plugins: [svelte()],
  test: {
    projects: [
      {
        extends: true,
        // A guard against hangs, not a speed check: a loaded 2-core machine runs the fuzzers and the built CLI
        // several times slower than an idle one.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
