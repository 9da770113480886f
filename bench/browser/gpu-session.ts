import type { GpuPageApi, SetupInfo } from './pages/gpu-page';
import type { UploadTally } from './pages/upload-counter';
import { withPage, type PageSession } from './page-session';
import { summarize, type Timing } from '../lib/measure';
import type { BenchContext, BrowserBackend, ResultRow } from '../lib/section';

export type GpuSession = PageSession<GpuPageApi>;

/**
 * Timed frames per case. Software rendering takes ~0.1 s a frame at 120k points and ~0.6 s at 1M, and every
 * case is a series of its own: at least 20 after 2 warm-ups (PERFORMANCE.md), more where frames are cheap.
 */
export function gpuSamplesFor(points: number, quick: boolean): number {
  if (quick || points >= 1_000_000) return 20;
  return points >= 300_000 ? 22 : 30;
}

/** How the GPU is waited for after each frame, per backend (printed under the table). */
export const SYNC_NOTE =
  "GPU sync after every frame: WebGPU `await device.queue.onSubmittedWorkDone()` (the Viewer's device and the " +
  "raw anchor's own); WebGL2 a 1-pixel `readPixels` of the canvas (it cannot return before the draws are done).";

/**
 * Opens the GPU page once per backend of `--browser`, starts the Viewer and the raw anchor on an 800×600 canvas,
 * checks the backend the Viewer reports, and runs `body`.
 */
export async function forEachBackend(
  context: BenchContext,
  section: string,
  body: (session: GpuSession, backend: BrowserBackend, info: SetupInfo) => Promise<ResultRow[]>,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const backend of context.browsers) {
    rows.push(
      ...(await withPage<GpuPageApi, ResultRow[]>(context, 'gpu', backend, async (session) => {
        const info = await session.call('start', backend);
        const browser = await session.page.evaluate(() => navigator.userAgent.match(/Chrom(e|ium)\/[\d.]+/)?.[0]);
        context.log(
          `${section} ${info.backend}: canvas ${info.canvas} at DPR ${info.devicePixelRatio}, ${info.device}`,
        );
        context.adapter(info.backend, info.device);
        context.note(
          `${info.backend} ran on ${browser ?? 'Chromium'}, ${context.gpu === 'swiftshader' ? 'SwiftShader' : 'hardware GPU'}: ` +
            `${info.device}; canvas ${info.canvas} at devicePixelRatio ${info.devicePixelRatio}.`,
        );
        return body(session, backend, info);
      })),
    );
  }
  return rows;
}

/** Bytes per frame by upload name, largest first, e.g. "ARRAY_BUFFER bufferSubData 1800000 B". */
function perFrameByName(tallies: readonly Record<string, number>[], frames: number): string {
  const names = new Map<string, number>();
  for (const tally of tallies) {
    for (const [name, bytes] of Object.entries(tally)) names.set(name, (names.get(name) ?? 0) + bytes);
  }
  const list = [...names]
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${Math.round(bytes / frames)} B`)
    .join(', ');
  return list || 'none';
}

/** Per-frame upload bytes of a series, as timings (p50/p95 of bytes), split into uniform and everything else. */
export function uploadStats(uploads: readonly UploadTally[]): {
  data: Timing;
  dataMax: number;
  dataNames: string;
  uniform: Timing;
  uniformNames: string;
} {
  const data = uploads.map((u) => u.attribute + u.texture);
  const uniform = uploads.map((u) => u.uniform);
  return {
    data: summarize(data),
    dataMax: Math.max(...data),
    dataNames: perFrameByName(
      uploads.map((u) => u.dataNames),
      uploads.length,
    ),
    uniform: summarize(uniform),
    uniformNames: perFrameByName(
      uploads.map((u) => u.uniformNames),
      uploads.length,
    ),
  };
}
