import { forEachBackend, gpuSamplesFor, SYNC_NOTE } from '../browser/gpu-session';
import type { GpuSeries } from '../browser/pages/gpu-page';
import { atMost } from '../lib/goal';
import { makeTimeRow } from '../lib/make-time-row';
import { summarize, type Timing } from '../lib/measure';
import type { ResultRow, Section } from '../lib/section';

const LOWER = '× anchor (lower is better)';

/** Bytes uploaded per switch, per point (vertex data only): what the switch sent to the GPU. */
function uploadedPerPoint(series: GpuSeries, points: number): string {
  const bytes = series.uploads.map((u) => u.attribute + u.texture);
  return (summarize(bytes).p50 / points).toFixed(1);
}

/**
 * PERFORMANCE.md's from-cache budget: 1.5 × a raw IndexedDB get + 1.3 × the raw upload and draw. No decode: the
 * cache holds decoded frames, so the switch never decodes and the budget must not pay for one.
 */
function budget(rawGet: Timing, rawDraw: Timing): Timing {
  const at = (q: 'p50' | 'p95' | 'min' | 'max'): number => 1.5 * rawGet[q] + 1.3 * rawDraw[q];
  return { ...rawDraw, p50: at('p50'), p95: at('p95'), min: at('min'), max: at('max') };
}

export const frameSwitchSection: Section = {
  name: 'frame-switch',
  summary: 'Chromium: switching frames, prefetched and from the IndexedDB frame cache, vs raw upload + draw',
  usesGpu: true,
  notes: [
    'frame-switch: clouds A and B (two seeded sweeps of the same size, read from their PCD binary files as the ' +
      'app reads them: the records as they are) alternate, camera still. Prefetched: ' +
      '`viewer.setCloud` + the frame it draws, until the GPU is done, vs a raw new vertex buffer + writeBuffer / ' +
      "bufferData of the same points + one draw. From cache: `FrameCache.get` (Dexie, the app's schema, a " +
      'persistent profile on disk) + setCloud + draw, vs the budget 1.5 × a raw IndexedDB get of the same record + ' +
      '1.3 × the raw upload + draw above (no decode: the cache holds decoded frames); the note prints both terms. ' +
      'File bytes → first frame: KITTI .bin bytes copied and transferred to the app’s decode worker, the cloud ' +
      'back, setCloud + draw, vs a raw new vertex buffer + upload of the same bytes as they are + one draw, ' +
      'interleaved; its goal (ours, ≤ 1.3× at p95) is the prefetched switch’s: reading must fit in it.',
    SYNC_NOTE,
  ],
  async run(context) {
    let cacheGetDone = false;
    return forEachBackend(context, 'frame-switch', async (session, _backend, info) => {
      const rows: ResultRow[] = [];
      const rawName = info.backend === 'WebGPU' ? 'raw WebGPU upload + draw' : 'raw WebGL2 upload + draw';
      for (const points of context.sizes) {
        const samples = gpuSamplesFor(points, context.quick);
        await session.call('clouds', points);
        const { viewer: viewerSeries, raw: rawSeries } = await session.call('switchPrefetched', samples);
        const ours = summarize(viewerSeries.samples.times);
        const rawDraw = summarize(rawSeries.samples.times);
        context.log(
          `frame-switch ${info.backend} ${points} points prefetched: Viewer p95 ${ours.p95.toFixed(1)} ms, ` +
            `raw ${rawDraw.p95.toFixed(1)} ms`,
        );
        rows.push(
          makeTimeRow(
            {
              section: 'frame-switch',
              case: `prefetched, ${info.backend}`,
              points,
              figure: 'setCloud + draw (→ GPU done)',
              anchor: rawName,
              ratioName: LOWER,
              ratioOf: 'ours/anchor',
              goal: atMost(1.3, 'p95'),
              judge: 'p95',
              note:
                `uploaded per switch: ours ${uploadedPerPoint(viewerSeries, points)} B/pt, ` +
                `raw ${uploadedPerPoint(rawSeries, points)} B/pt`,
            },
            ours,
            rawDraw,
          ),
        );

        const first = await session.call('firstFrame', points, samples);
        const firstOurs = summarize(first.viewer.times);
        const firstRaw = summarize(first.raw.times);
        context.log(
          `frame-switch ${info.backend} ${points} points first frame: p95 ${firstOurs.p95.toFixed(1)} ms, ` +
            `raw ${firstRaw.p95.toFixed(1)} ms`,
        );
        rows.push(
          makeTimeRow(
            {
              section: 'frame-switch',
              case: `file bytes → first frame, ${info.backend}`,
              points,
              figure: 'decode worker + setCloud + draw (→ GPU done)',
              anchor: `${rawName} of the file's bytes`,
              ratioName: LOWER,
              ratioOf: 'ours/anchor',
              goal: atMost(1.3, 'p95'),
              judge: 'p95',
              note:
                `KITTI .bin, ${(first.fileBytes / 1e6).toFixed(1)} MB; ours − raw p50 ` +
                `${(firstOurs.p50 - firstRaw.p50).toFixed(1)} ms; raw: the 16-byte records uploaded as they are`,
            },
            firstOurs,
            firstRaw,
          ),
        );

        await session.call('fillCache');
        const fromCache = summarize((await session.call('switchFromCache', samples)).samples.times);
        const rawGet = summarize((await session.call('rawGet', samples)).times);
        const limit = budget(rawGet, rawDraw);
        context.log(
          `frame-switch ${info.backend} ${points} points from cache: p95 ${fromCache.p95.toFixed(1)} ms, ` +
            `budget ${limit.p95.toFixed(1)} ms`,
        );
        rows.push(
          makeTimeRow(
            {
              section: 'frame-switch',
              case: `from cache, ${info.backend}`,
              points,
              figure: 'FrameCache.get + setCloud + draw',
              anchor: 'budget 1.5×raw get + 1.3×raw upload + draw',
              ratioName: '× budget (lower is better)',
              ratioOf: 'ours/anchor',
              goal: atMost(1, 'p95'),
              judge: 'p95',
              note:
                `raw IDB get p50 ${rawGet.p50.toFixed(1)} / p95 ${rawGet.p95.toFixed(1)} ms; ` +
                `raw upload + draw p50 ${rawDraw.p50.toFixed(1)} / p95 ${rawDraw.p95.toFixed(1)} ms; ` +
                `budget p95 = 1.5×${rawGet.p95.toFixed(1)} + 1.3×${rawDraw.p95.toFixed(1)} = ${limit.p95.toFixed(1)} ms`,
            },
            fromCache,
            limit,
          ),
        );
        if (!cacheGetDone) {
          // No GPU in it: once per size, on the first backend.
          const get = summarize((await session.call('cacheGet', 'ours', samples)).times);
          const rawGet = summarize((await session.call('cacheGet', 'raw', samples)).times);
          const dexieGet = summarize((await session.call('cacheGet', 'dexie', samples)).times);
          const spec = {
            section: 'frame-switch',
            case: 'cache get (no draw)',
            points,
            anchor: 'raw IndexedDB get, same record',
            ratioName: LOWER,
            ratioOf: 'ours/anchor' as const,
          };
          rows.push(
            makeTimeRow(
              {
                ...spec,
                figure: 'FrameCache.get',
                goal: atMost(1.5, 'p95'),
                judge: 'p95',
                note: `${((points * 16) / 1e6).toFixed(1)} MB record (x y z i float32); back to back, A and B alternating`,
              },
              get,
              rawGet,
            ),
            makeTimeRow(
              {
                ...spec,
                figure: 'diagnostic: Dexie get, no LRU stamp',
                note: 'db.frames.get alone: FrameCache.get without its `update(key, { lastUsed })`',
              },
              dexieGet,
              rawGet,
            ),
          );
        }
      }
      cacheGetDone = true;
      return rows;
    });
  },
};
