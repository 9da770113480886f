import { withPage } from '../browser/page-session';
import type { WorkerPageApi } from '../browser/pages/worker-page';
import { atMost } from '../lib/goal';
import { makeTimeRow } from '../lib/make-time-row';
import { summarize, type Timing } from '../lib/measure';
import type { ResultRow, Section } from '../lib/section';

/** 1M points of x y z + intensity float32: the 16 MB frame of PERFORMANCE.md's hand-off goal. */
const POINTS = 1_000_000;

/** Two timings added p50 to p50 and p95 to p95: an upper bound of their sum's p95, used as a combined anchor. */
export function addTimings(a: Timing, b: Timing): Timing {
  return { ...a, p50: a.p50 + b.p50, p95: a.p95 + b.p95, min: a.min + b.min, max: a.max + b.max };
}

export const workerSection: Section = {
  name: 'worker',
  summary: 'Chromium: a 16 MB frame from a worker by transfer vs an empty comlink round trip and vs a structured clone',
  notes: [
    'worker: "take" = the frame returned by a comlink call through the app\'s WorkerPool, its buffers transferred ' +
      '(as workers/decode.worker.ts returns clouds), interleaved with the empty call; the worker gets the buffers ' +
      'back between samples, untimed. Its p95 shows outliers of a few ms that the empty call does not have ' +
      '(likely garbage collection prompted by 16 MB of new external memory a call; not verified).',
  ],
  async run(context) {
    const samples = context.quick ? 20 : 60;
    return withPage<WorkerPageApi, ResultRow[]>(context, 'worker', 'plain', async (session) => {
      const handoff = await session.call('handoff', POINTS, samples);
      context.log(`worker: hand-off done (${(handoff.frameBytes / 1e6).toFixed(0)} MB frame)`);
      const transferred = summarize(handoff.transferred.times);
      const empty = summarize(handoff.empty.times);
      const cloned = summarize(handoff.cloned.times);
      const mb = `${(handoff.frameBytes / 1e6).toFixed(0)} MB`;
      const base = { section: 'worker', case: `frame ${mb} (x y z i)`, points: POINTS, figure: 'take, transferred' };
      const rows = [
        makeTimeRow(
          {
            ...base,
            anchor: 'empty comlink round trip',
            ratioName: '× anchor (lower is better)',
            ratioOf: 'ours/anchor',
            goal: atMost(2),
          },
          transferred,
          empty,
        ),
        makeTimeRow(
          {
            ...base,
            anchor: 'same frame structured-cloned',
            ratioName: 'speed-up ×',
            note: `clone ${(handoff.frameBytes / (cloned.p50 * 1e6)).toFixed(2)} GB/s`,
          },
          transferred,
          cloned,
        ),
      ];
      const decode = await session.call('decodeWorker', POINTS, context.quick ? 20 : 25);
      context.log('worker: decode worker done');
      const mainThread = summarize(decode.mainThread.times);
      const roundTrip = summarize(decode.emptyRoundTrip.times);
      rows.push(
        makeTimeRow(
          {
            section: 'worker',
            case: `pcd binary ${(decode.fileBytes / 1e6).toFixed(0)} MB`,
            points: POINTS,
            figure: 'decode worker (bytes in, cloud out)',
            anchor: 'main-thread readPcd + empty round trip',
            ratioName: '× anchor (lower is better)',
            ratioOf: 'ours/anchor',
            note:
              `main-thread readPcd p50 ${mainThread.p50.toFixed(2)} ms, empty round trip p50 ` +
              `${roundTrip.p50.toFixed(3)} ms; anchor = their sum (p50 + p50, p95 + p95)`,
          },
          summarize(decode.worker.times),
          addTimings(mainThread, roundTrip),
        ),
      );
      return rows;
    });
  },
};
