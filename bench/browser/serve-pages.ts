import { svelte } from '@sveltejs/vite-plugin-svelte';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

/** The benchmark pages, built like the app (same Vite, Svelte plugin, ES workers), one HTML entry each. */
export const PAGES = ['worker', 'gpu', 'labels', 'decode', 'timeline', 'app'] as const;
export type PageName = (typeof PAGES)[number];

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface PageServer {
  /** e.g. http://127.0.0.1:4173/bench/browser/pages/gpu.html */
  urlOf(page: PageName): string;
  close(): Promise<void>;
}

let started: Promise<PageServer> | undefined;

/**
 * Builds the pages (a production build, minified like the shipped app, into a temporary folder: `dist/` is
 * untouched) and serves them with `vite preview` on 127.0.0.1 (WebGPU needs a secure context). The headers make
 * the pages cross-origin isolated, which gives `performance.now()` 5 µs resolution instead of 100 µs. Built once
 * a run; every browser section shares it.
 */
export function getPageServer(log: (message: string) => void): Promise<PageServer> {
  started ??= startPageServer(log);
  return started;
}

/** Stops the server if a section started one (run.ts calls this once at the end). */
export async function stopPageServer(): Promise<void> {
  const server = started;
  started = undefined;
  if (server) await (await server).close();
}

async function startPageServer(log: (message: string) => void): Promise<PageServer> {
  const began = performance.now();
  const outDir = mkdtempSync(join(tmpdir(), 'frustum-bench-pages-'));
  const input = Object.fromEntries(PAGES.map((page) => [page, join(REPO_ROOT, `bench/browser/pages/${page}.html`)]));
  await build({
    configFile: false,
    root: REPO_ROOT,
    base: '/',
    logLevel: 'warn',
    plugins: [svelte()],
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      // FRUSTUM_BENCH_MINIFY=0 keeps names in stack traces, for finding what a page does.
      minify: process.env['FRUSTUM_BENCH_MINIFY'] !== '0',
      chunkSizeWarningLimit: 4096,
      rolldownOptions: { input },
    },
  });
  const server: PreviewServer = await preview({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
    },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the bench page server did not report its address');
  log(`browser pages built and served at ${base} in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  return {
    urlOf: (page) => new URL(`bench/browser/pages/${page}.html`, base).href,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
