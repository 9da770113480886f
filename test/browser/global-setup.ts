import { preview, type PreviewServer } from 'vite';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let server: PreviewServer | undefined;

/** Serves the built app (dist/app) on 127.0.0.1: WebGPU needs a secure context, and localhost is one. */
export async function setup(project: TestProject): Promise<void> {
  // FRUSTUM_APP_DIR lets two checkouts' worth of work share one tree: each builds and tests its own copy.
  const outDir = process.env['FRUSTUM_APP_DIR'] ?? 'dist/app';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir} is missing: run \`npm run build\` first`);
  server = await preview({
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  project.provide('baseURL', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
