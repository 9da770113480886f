import { CHECK_IDS, runChecks, type CheckId, type LintInput, type LintProfile } from '../../src/core/lint/index';
import { generalDriving } from '../../src/core/model/default-ontology';
import { materializeCuboids } from '../../src/core/tracks/materialize-cuboids';
import { makeTimeRow } from '../lib/make-time-row';
import { measure, measureAsync } from '../lib/measure';
import type { BenchContext, ResultRow, Section } from '../lib/section';
import { buildIndexes, demoPointCase, FRAMES, labelScene, sumBoxes, TRACKS } from './checks-inputs';

/**
 * A full `runChecks` on 30,000 boxes takes a second or two on 2 cores, so every case takes PERFORMANCE.md's
 * minimum of 20 samples, not `samplesFor`'s 50: the harness never goes below 20, and 50 would add minutes.
 */
const SAMPLES = 20;
/** Demo frames for the point checks: one second of the drive, enough for a stable per-frame figure. */
const POINT_FRAMES = 10;
const POINT_CHECKS: readonly CheckId[] = ['points', 'belowGround', 'aboveGround'];

const RATIO = { ratioName: '× anchor (lower is better)', ratioOf: 'ours/anchor' as const };
const TIMING = { warmup: 2, samples: SAMPLES };

/** The label checks on one synthetic scene, default profile and shipped ontology, no points. */
async function labelRow(keyEvery: number, context: BenchContext): Promise<ResultRow> {
  const labels = labelScene(keyEvery);
  const input: LintInput = { ...labels, ontology: generalDriving };
  // Materialised outside the anchor's timing: the anchor is the least any check must do (read each box once),
  // while deriving the in-between boxes is work of the checks' own that `runChecks` pays inside ours.
  const boxes = materializeCuboids([...labels.tracks, ...labels.cuboids], labels.scene.frames);
  const slowest = await slowestChecks(input);
  const findings = (await runChecks(input)).length;
  const ours = await measureAsync(() => runChecks(input), TIMING);
  // One pass over 30,000 boxes is tens of microseconds: batched to ≥ 2 ms a sample, as the memcpy rows are.
  const anchor = measure(() => sumBoxes(boxes), { ...TIMING, minSampleMs: 2 });
  context.log(`checks: label checks, keyframes every ${keyEvery} done`);
  const stored = keyEvery === 1 ? 'every box stored' : `keyframes every ${keyEvery}th frame, the rest derived`;
  return makeTimeRow(
    {
      ...RATIO,
      section: 'checks',
      case: `label checks, ${FRAMES} frames × ${TRACKS} tracks, ${stored}`,
      points: 0,
      figure: 'runChecks, default profile, general-driving ontology, no points',
      anchor: "one pass reading every box's position and size",
      note:
        `${labels.cuboids.length} stored of ${boxes.length} boxes (the anchor reads them materialised, outside its ` +
        `timing; runChecks materialises them itself); ${findings} findings; slowest steps, one run: ${slowest}; ` +
        `${SAMPLES} samples (about 2 s a run)`,
    },
    ours,
    anchor,
  );
}

/**
 * The three steps that took longest in one untimed run, from the times between progress calls (one per check).
 * The first step also holds the setup (materialising the boxes, indexing them by track and frame), which runs
 * before any check reports, so it is named as such.
 */
async function slowestChecks(input: LintInput): Promise<string> {
  const times: { step: string; ms: number }[] = [];
  let last = performance.now();
  await runChecks(input, { checks: {} }, ({ check, done }) => {
    const now = performance.now();
    times.push({ step: done === 1 ? `setup + ${check}` : check, ms: now - last });
    last = now;
  });
  return times
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((t) => `${t.step} ${t.ms.toFixed(0)} ms`)
    .join(', ');
}

/** Every check off but the three that read the sweep. */
function pointChecksOnly(): LintProfile {
  const checks: LintProfile['checks'] = {};
  for (const id of CHECK_IDS) if (!POINT_CHECKS.includes(id)) checks[id] = { enabled: false };
  return { checks };
}

/** The point checks over the demo drive's ground truth, reading sweep indexes built beforehand. */
async function pointRow(context: BenchContext): Promise<ResultRow> {
  const demo = demoPointCase(POINT_FRAMES);
  const indexes = buildIndexes(demo.sweeps, demo.egoFromLidar);
  const input: LintInput = {
    scene: demo.scene,
    tracks: demo.tracks,
    cuboids: demo.cuboids,
    ontology: generalDriving,
    points: (frame) => indexes[frame],
  };
  const profile = pointChecksOnly();
  const found = await runChecks(input, profile);
  // By check, so a reader sees what the demo's ground truth trips (far, hidden objects with no returns).
  const findings = POINT_CHECKS.map((id) => `${found.filter((f) => f.check === id).length} ${id}`).join(', ');
  const ours = await measureAsync(() => runChecks(input, profile), TIMING);
  const anchor = measure(() => buildIndexes(demo.sweeps, demo.egoFromLidar), TIMING);
  context.log('checks: point checks done');
  return makeTimeRow(
    {
      ...RATIO,
      section: 'checks',
      case: `point checks, ${POINT_FRAMES} demo frames`,
      points: demo.points,
      figure: 'runChecks, only points / belowGround / aboveGround on',
      anchor: `buildSweepIndex of the ${POINT_FRAMES} sweeps`,
      note:
        `demo drive (seed), frames 0–${POINT_FRAMES - 1}, ${demo.cuboids.length} ground-truth boxes of ` +
        `${demo.tracks.length} tracks, findings: ${findings}; indexes built outside ours' timing (the app's worker ` +
        `builds them when a frame lands); points = mean sweep size`,
    },
    ours,
    anchor,
  );
}

export const checksSection: Section = {
  name: 'checks',
  summary: 'automatic label checks (runChecks) against one pass over the labels and against the sweep index build',
  notes: [
    'checks: no goal is set for them. Label checks: a synthetic 200-frame, 150-track scene (10 Hz, ego poses, cars, ' +
      'cyclists and pedestrians of the general-driving ontology moving smoothly, none overlapping) with every box ' +
      'stored, then with keyframes every 10th frame; the anchor reads each materialised box once. Point checks: ' +
      "the seeded demo drive's ground truth on its own sweeps; the anchor builds those sweeps' indexes.",
  ],
  async run(context) {
    const rows: ResultRow[] = [];
    for (const keyEvery of [1, 10]) rows.push(await labelRow(keyEvery, context));
    rows.push(await pointRow(context));
    return rows;
  },
};
