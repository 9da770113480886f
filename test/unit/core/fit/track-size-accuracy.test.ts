import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../../../src/core/math/mat4';
import { evaluateTrackSizes, sizeIou, type SizeOutcome } from './evaluate-track-size';
import { loadDemo, loadFolder } from './track-size-data';

const DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
const WAYS = ['sparseFit', 'lastFit', 'denseFit', 'accumulated'] as const;

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Per way of sizing: median and mean size IoU with the label, and the median error of each side (metres). */
function summarise(name: string, rows: SizeOutcome[]) {
  const out = Object.fromEntries(
    WAYS.map((way) => {
      const ious = rows.map((r) => sizeIou(r[way], r.label));
      const side = (i: number) => median(rows.map((r) => Math.abs(r[way][i]! - r.label[i]!)));
      const row = { medianIou: median(ious), meanIou: mean(ious), errors: [side(0), side(1), side(2)] as Vec3 };
      console.log(
        `${name}, ${rows.length} vehicles, ${way}: size IoU median ${row.medianIou.toFixed(3)} mean ` +
          `${row.meanIou.toFixed(3)}; median |error| l ${row.errors[0].toFixed(2)} w ${row.errors[1].toFixed(2)} ` +
          `h ${row.errors[2].toFixed(2)} m`,
      );
      return [way, row];
    }),
  ) as Record<(typeof WAYS)[number], { medianIou: number; meanIou: number; errors: Vec3 }>;
  const sparseShrinks = rows.reduce((n, r) => n + r.sparseShrinks, 0);
  // The case on each object: fitted on its densest frame, then refitted on its sparsest.
  const shrinks = (size: (r: SizeOutcome) => Vec3) =>
    rows.filter((r) => size(r).some((v, i) => v < r.denseThenSparseFrom[i]! - 0.02)).length;
  const shrunk = shrinks((r) => r.denseThenSparse);
  console.log(
    `${name}: refits on a sparser frame after which the track shrank by > 2 cm: ${sparseShrinks}; ` +
      `densest frame then sparsest: ${shrunk} of ${rows.length} shrank (every refit setting the size: ` +
      `${shrinks((r) => r.denseThenSparseBefore)})`,
  );
  return { ...out, shrinks: sparseShrinks, shrunk };
}

/**
 * Vehicles labelled on several frames, a click at each label's centre frame after frame as an annotator would
 * fit then refit the track, against the label's size: the sparsest frame's own fit (what the old "every refit
 * sets the size" gave after a refit there), the last frame's fit (what it left after refitting in order), the
 * densest frame's fit, and the rule (a refit keeps a better-supported size; the estimate from all the track's
 * boxes replaces it where it rests on more points). The demo drive is where the rule's constants were chosen;
 * SUSTechPOINTS, never looked at while choosing them, is what the README reports.
 */
describe('a track’s size from its best evidence', () => {
  it('the demo drive (the set the constants were chosen on), every tenth frame', () => {
    // Ten sweeps, as many as every fifth frame of the drive's first version gave.
    const row = summarise('demo drive', evaluateTrackSizes(loadDemo(10), ['car', 'truck'], 10));
    // The constants were chosen on that first, straight-road version (+0.15 there); with today's stops and
    // turns the margin is smaller, and the rule still beats every single frame's fit.
    expect(row.accumulated.medianIou).toBeGreaterThan(row.lastFit.medianIou + 0.05);
    expect(row.accumulated.medianIou).toBeGreaterThan(row.denseFit.medianIou);
    // Since the one-click fit joins a car's faces seen one behind the other and keeps seen lengths, the densest
    // frame's own fit is about as good on the mean (0.781 against the rule's 0.778).
    expect(row.accumulated.meanIou).toBeGreaterThanOrEqual(row.denseFit.meanIou - 0.01);
  }, 120_000);

  it('SUSTechPOINTS: vehicles tracked over its four frames', async () => {
    const rows = evaluateTrackSizes(await loadFolder(DATA + 'sustechpoints'), ['car', 'truck', 'bus'], 10);
    const row = summarise('SUSTechPOINTS', rows);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(row.accumulated.medianIou).toBeGreaterThan(row.sparseFit.medianIou + 0.1);
    expect(row.accumulated.medianIou).toBeGreaterThanOrEqual(0.8);
    expect(row.shrinks).toBeLessThanOrEqual(1);
    expect(row.shrunk).toBe(0);
  }, 60_000);
});
