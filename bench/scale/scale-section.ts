import { pointCloudBuffers } from '../../src/core/model/point-cloud';
import { readPointCloudFile } from '../../src/formats/pointcloud/read-point-cloud-file';
import { importScene } from '../../src/formats/scene/import-scene';
import { listScenes } from '../../src/formats/scene/list-scenes';
import { atMost } from '../lib/goal';
import { makeTimeRow } from '../lib/make-time-row';
import { measure, measureAsync } from '../lib/measure';
import type { BenchContext, ResultRow, Section } from '../lib/section';
import { importHeapRow, scrubRow } from './scale-memory';
import { countEveryRow, describeTables, FULL_SHAPE, makeScaleTree, QUICK_SHAPE, SWEEP_POINTS, type ScaleTree } from './scale-tree'; // prettier-ignore

/** PERFORMANCE.md's minimum: the anchor parses hundreds of megabytes a sample, so no more than that. */
const SAMPLES = 20;

/**
 * What the user waits for after choosing a scene in a large split (the chooser's listing came before): the
 * import of the chosen scene (its rows of every table, poses, calibrations, boxes), and its first sweep read
 * and decoded. Returns the cloud's size, which the caller checks.
 */
async function openFirstFrame(tree: ScaleTree, scene: string): Promise<{ points: number; frames: number }> {
  const imported = await importScene(tree.files, { scene });
  const lidar = imported.scene.frames[0]?.lidar[0];
  if (!lidar) throw new Error(`bench scale: scene ${scene} imported without a LiDAR sweep on its first frame`);
  const layout = imported.lidarLayouts?.[lidar.sensorId];
  const cloud = readPointCloudFile(await tree.files.read(lidar.uri), lidar.uri, layout ? { layout } : {});
  // Touch the decoded buffers, so that nothing lazy is left out of the time.
  if (pointCloudBuffers(cloud).length === 0) throw new Error('bench scale: a cloud without buffers');
  return { points: cloud.count, frames: imported.scene.frames.length };
}

/** The scene in the middle of the split: its rows sit mid-table, neither first nor last. */
async function chooseScene(tree: ScaleTree): Promise<string> {
  const { layout, scenes } = await listScenes(tree.files);
  const scene = scenes[Math.floor(scenes.length / 2)];
  if (layout !== 'nuscenes' || !scene) throw new Error(`bench scale: the tree reads as ${layout} with ${scenes.length} scenes`); // prettier-ignore
  return scene.id;
}

async function run(context: BenchContext): Promise<ResultRow[]> {
  const shape = context.quick ? QUICK_SHAPE : FULL_SHAPE;
  context.log(`scale: building a nuScenes tree of ${shape.scenes} scenes × ${shape.samplesPerScene} samples`);
  const tree = makeScaleTree(shape);
  const what =
    `nuScenes-shaped tree, ${shape.scenes} scenes × ${shape.samplesPerScene} samples, ${shape.sweepsPerSample} ` +
    `sweeps a sample, ${shape.cameras.length} cameras, ${shape.boxesPerSample} boxes a sample`;
  context.log(`scale: ${describeTables(tree)}`);
  const scene = await chooseScene(tree);
  // Checked before timing: a fast import that opened the wrong thing would be no result.
  const opened = await openFirstFrame(tree, scene);
  const problems = (await importScene(tree.files, { scene })).problems;
  if (opened.points !== SWEEP_POINTS || opened.frames !== shape.samplesPerScene) {
    throw new Error(`bench scale: opened ${opened.frames} frames and ${opened.points} points, expected ${shape.samplesPerScene} and ${SWEEP_POINTS}`); // prettier-ignore
  }
  if (problems.length > 0) context.note(`scale: the import reported ${problems.length} problems, first: ${problems[0]!.message}`); // prettier-ignore
  const ours = await measureAsync(() => openFirstFrame(tree, scene), { warmup: 2, samples: SAMPLES });
  context.log('scale: opening one scene timed');
  const anchor = measure(() => countEveryRow(tree), { warmup: 2, samples: SAMPLES });
  context.log('scale: JSON.parse of every table timed');
  const throughput = (ms: number) => `${(tree.tableBytes / (ms * 1e3)).toFixed(0)} MB/s`;
  const rows = [
    makeTimeRow(
      {
        section: 'scale',
        case: what,
        points: 0,
        figure: "importScene of one scene + its first sweep's read and decode",
        anchor: 'JSON.parse of every table (bytes in memory, TextDecoder + JSON.parse)',
        ratioName: '× anchor (lower is better)',
        ratioOf: 'ours/anchor',
        goal: atMost(0.5),
        note:
          `${tree.samples} samples; ${describeTables(tree)}; the scene in the middle of the split, ` +
          `${opened.frames} keyframes; table bytes ÷ p50 time: anchor ${throughput(anchor.p50)}, ours ` +
          `${throughput(ours.p50)}; ours reads the tables through readRange (copied slices, as File slices give)`,
      },
      ours,
      anchor,
    ),
  ];
  rows.push(await importHeapRow(tree, scene, what));
  context.log('scale: heap after the import measured');
  rows.push(await scrubRow(tree, scene, what));
  context.log('scale: scrub measured');
  return rows;
}

export const scaleSection: Section = {
  name: 'scale',
  summary: 'one scene of a full-shape nuScenes tree opened, against JSON.parse of every table; memory held and while scrubbing', // prettier-ignore
  notes: [
    'scale: a nuScenes tree generated in the run (test/fixtures/nuscenes-tree.ts: the devkit schema, every table ' +
      'written by JSON.stringify without indentation), held in memory as a dropped folder would be read. The ' +
      'anchor is what a reader that parses everything pays before it can show anything; memory rows read ' +
      'process.memoryUsage() after a full collection (--expose-gc).',
  ],
  run,
};
