import { buildSweepIndex } from '../../src/core/fit/sweep-index';
import { createDemoDrive, DEMO_SEED, simulateSweep } from '../../src/core/demo/index';
import { detectObjects } from '../../src/core/prelabel/detect';
import { createTracker } from '../../src/core/prelabel/track';
import { frameDetections, PRELABEL_CLASSES } from '../../src/core/prelabel/prelabel-frames';
import type { PointCloud } from '../../src/core/model/point-cloud';
import { atMost } from '../lib/goal';
import { makeTimeRow } from '../lib/make-time-row';
import { summarize } from '../lib/measure';
import type { BenchContext, ResultRow, Section } from '../lib/section';

/** Frames timed before the figures start: the JIT compiles the path on the first few sweeps. */
const WARMUP = 3;

/**
 * Pre-labelling the whole demo drive as a decode worker does it, frame by frame: one sweep's detection (its
 * ground and grid built inside, as the worker builds them from the copy it is sent) and the tracker's step,
 * against building that sweep's index (ground + grid), which the app already does for every frame it shows.
 * Every frame is one sample of each, taken back to back on the same sweep.
 */
async function run(context: BenchContext): Promise<ResultRow[]> {
  const drive = createDemoDrive(DEMO_SEED);
  const frames = drive.scene.frames;
  const egoFromLidar = drive.scene.lidars[0]!.egoFromLidar;
  const count = context.quick ? 20 : frames.length;
  const ours: number[] = [];
  const anchor: number[] = [];
  const tracker = createTracker();
  let points = 0;
  let detections = 0;
  for (let i = 0; i < count; i++) {
    const cloud: PointCloud = simulateSweep(drive, i);
    points += cloud.count;
    const frame = frames[i]!;
    const startIndex = performance.now();
    buildSweepIndex(cloud, egoFromLidar);
    const indexMs = performance.now() - startIndex;
    const start = performance.now();
    const found = detectObjects({ cloud, egoFromLidar, classes: PRELABEL_CLASSES });
    tracker.push(frameDetections({ frameIndex: i, time: frame.timestampUs / 1e6, worldFromEgo: frame.worldFromEgo }, found, PRELABEL_CLASSES)); // prettier-ignore
    const oursMs = performance.now() - start;
    detections += found.length;
    if (i >= WARMUP) {
      ours.push(oursMs);
      anchor.push(indexMs);
    }
  }
  const tracks = tracker.finish();
  context.log(`prelabel: ${count} demo frames, ${detections} detections, ${tracks.length} tracks`);
  return [
    makeTimeRow(
      {
        section: 'prelabel',
        case: `demo drive, ${count} frames`,
        points: Math.round(points / count),
        figure: 'one frame pre-labelled: detectObjects (ground, grid, clusters, fits, classes) + the tracker step',
        anchor: 'buildSweepIndex of the same sweep (ground + grid, what the app builds for each frame it shows)',
        ratioName: '× anchor (lower is better)',
        ratioOf: 'ours/anchor',
        goal: atMost(3),
        note: `${count - WARMUP} frames timed after ${WARMUP} untimed; ${detections} detections, ${tracks.length} tracks in all`,
      },
      summarize(ours),
      summarize(anchor),
    ),
  ];
}

export const prelabelSection: Section = {
  name: 'prelabel',
  summary: 'pre-labelling the demo drive frame by frame, against building each sweep index',
  run,
};
