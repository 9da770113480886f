import { withPage } from '../browser/page-session';
import type { DecodeCaseResult, DecodePageApi } from '../browser/pages/decode-page';
import { atLeast, type Goal } from '../lib/goal';
import { formatThroughput, makeTimeRow } from '../lib/make-time-row';
import { summarize } from '../lib/measure';
import type { ResultRow, Section } from '../lib/section';

/** PERFORMANCE.md's goals against the same-page memcpy; readPcd on binary_compressed has none there. */
const GOALS: Record<DecodeCaseResult['name'], Goal | undefined> = {
  'pcd binary': atLeast(0.15),
  'pcd binary_compressed': undefined,
  'lzf stage': atLeast(0.06),
  'kitti .bin': atLeast(0.3),
  'nuscenes .bin': atLeast(0.3),
};

function toRow(points: number, result: DecodeCaseResult): ResultRow {
  const ours = summarize(result.ours.times, result.ours.repeats);
  const memcpy = summarize(result.memcpy.times, result.memcpy.repeats);
  const outputSized = result.name === 'pcd binary_compressed' || result.name === 'lzf stage';
  const goal = GOALS[result.name];
  return makeTimeRow(
    {
      section: 'decode-browser',
      case: result.name === 'lzf stage' ? 'pcd binary_compressed' : result.name,
      points,
      figure: result.figure,
      anchor: `Uint8Array.set${outputSized ? ' (output size)' : ''}, same page`,
      ratioName: 'fraction of memcpy',
      ...(goal ? { goal } : {}),
      note:
        `ours ${formatThroughput(result.copyBytes, ours.p50)}, memcpy ${formatThroughput(result.copyBytes, memcpy.p50)}` +
        `${outputSized ? ' (output bytes)' : ''}; ${result.slots} rotated source copies`,
    },
    ours,
    memcpy,
  );
}

export const decodeBrowserSection: Section = {
  name: 'decode-browser',
  summary: 'Chromium: readPcd / readKittiBin / decompressLzf against a Uint8Array.set memcpy in the same page',
  notes: [
    'decode-browser: headless Chromium (no GPU), the inputs of bench/inputs made in the page. Both sides read ' +
      'from rotating copies of their input laid out in one ≥ 256 MiB region (8× a 32 MiB last-level cache), the ' +
      'k-th call reading copy k mod n, so that neither the reader nor the memcpy anchor reads cache-hot bytes; ' +
      'the memcpy writes into one preallocated buffer and is batched to ≥ 2 ms a sample. binary_compressed and ' +
      'the LZF stage are compared with a memcpy of the LZF output size.',
  ],
  async run(context) {
    return withPage<DecodePageApi, ResultRow[]>(context, 'decode', 'plain', async (session) => {
      const rows: ResultRow[] = [];
      for (const points of context.sizes) {
        const result = await session.call('decode', points, context.samplesFor(points));
        context.log(`decode-browser ${points} points done`);
        rows.push(...result.cases.map((c) => toRow(points, c)));
      }
      return rows;
    });
  },
};
