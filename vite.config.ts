import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The app build. `--mode cli` builds instead the node command line (`src/cli/main.ts` → `dist/cli/frustum.js`)
 * from the same pure modules.
 */
export default defineConfig(({ mode }) =>
  mode === 'cli'
    ? {
        build: {
          ssr: 'src/cli/bin.ts',
          outDir: 'dist/cli',
          emptyOutDir: true,
          target: 'node20',
          rollupOptions: { output: { entryFileNames: 'frustum.js', banner: '#!/usr/bin/env node' } },
        },
      }
    : {
        plugins: [
          svelte(),
          // After the first visit the whole app (bundle, workers, the LAZ codec) comes from the service worker's
          // precache, so it starts with no network; scenes and labels are already in the browser's storage.
          VitePWA({
            registerType: 'autoUpdate',
            injectRegister: 'script',
            manifest: false,
            workbox: {
              globPatterns: ['**/*.{js,css,html,svg,wasm}'],
              maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
              navigateFallback: 'index.html',
            },
          }),
        ],
        worker: { format: 'es' },
        build: { target: 'es2022', outDir: 'dist/app' },
        server: { host: '127.0.0.1' },
        preview: { host: '127.0.0.1' },
      },
);
