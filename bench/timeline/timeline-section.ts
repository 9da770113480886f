import { withPage } from '../browser/page-session';
import type { TimelinePageApi } from '../browser/pages/timeline-page';
import { atMost } from '../lib/goal';
import { budgetRow, makeTimeRow } from '../lib/make-time-row';
import { summarize } from '../lib/measure';
import type { ResultRow, Section } from '../lib/section';

/** PERFORMANCE.md's scale: a 200-frame sequence with 150 tracks. */
const FRAMES = 200;
const TRACKS = 150;
const LOWER = '× anchor (lower is better)';

export const timelineSection: Section = {
  name: 'timeline',
  summary: `Chromium canvas: the timeline's redraw while scrolling through ${TRACKS} tracks × ${FRAMES} frames`,
  notes: [
    `timeline: ${TRACKS} tracks over ${FRAMES} frames, each present over a seeded span with a stored keyframe every ` +
      '10th frame (the frames between derived), two time segments a track and four on the scene, drawn by the ' +
      "app's `drawTimeline` from a real `TrackIndex` and `SegmentIndex` into a 1400 × 154 px canvas (the panel's " +
      'box: the scene row and six track rows) inside a scrolling box, as the panel does. Redraw = scroll one wheel ' +
      'notch (53 px) and draw the rows in view, then read one pixel back so the canvas finishes inside the timed ' +
      'call; anchor = one fillRect of the whole canvas, finished the same way; interleaved. Frame = from the ' +
      'animation frame that scrolls and redraws to the next one, against two empty animation frames (≈ 16.7 ms ' +
      "at 60 Hz; a dropped frame doubles ours). The redraw's 16 ms goal is judged on our p95; the frame row's " +
      'goal (p95 ≤ 1.25× an empty frame: no dropped frames) is ours.',
  ],
  async run(context) {
    const samples = context.quick ? 20 : 60;
    return withPage<TimelinePageApi, ResultRow[]>(context, 'timeline', 'plain', async (session) => {
      const filled = await session.call('fill', FRAMES, TRACKS);
      context.log(`timeline: ${filled.rows} rows, ${filled.records} records, ${filled.segments} segments`);
      const redraw = await session.call('redraw', samples);
      const frames = await session.call('frames', samples);
      context.log('timeline: redraw and frames done');
      const base = { section: 'timeline', case: `${FRAMES} frames × ${TRACKS} tracks`, points: 0 };
      return [
        budgetRow(
          {
            ...base,
            figure: 'redraw on a scroll step (drawTimeline)',
            anchor: 'fillRect of the same canvas',
            ratioName: LOWER,
            ratioOf: 'ours/anchor',
            note: 'both finished by a 1-pixel getImageData',
          },
          summarize(redraw.ours.times),
          summarize(redraw.anchor.times),
        ),
        makeTimeRow(
          {
            ...base,
            figure: 'frame while scrolling (rAF to rAF)',
            anchor: 'empty animation frame',
            ratioName: LOWER,
            ratioOf: 'ours/anchor',
            // Ours, not PERFORMANCE.md's: no dropped frame, so the p95 frame stays one vsync interval.
            goal: atMost(1.25, 'p95'),
            judge: 'p95',
            note: 'one dropped frame makes a sample 2× its anchor',
          },
          summarize(frames.ours.times),
          summarize(frames.anchor.times),
        ),
      ];
    });
  },
};
