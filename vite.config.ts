import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

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
        plugins: [svelte()],
        worker: { format: 'es' },
        build: { target: 'es2022', outDir: 'dist/app' },
        server: { host: '127.0.0.1' },
        preview: { host: '127.0.0.1' },
      },
);
