import { pointCloudBuffers, type PointCloud } from '../../src/core/model/point-cloud';
import { readPointCloudFile } from '../../src/formats/pointcloud/read-point-cloud-file';
import { importScene, type ImportedScene } from '../../src/formats/scene/import-scene';
import { atMost } from '../lib/goal';
import { summarize } from '../lib/measure';
import type { ResultRow } from '../lib/section';
import { parseEveryTable, type ScaleTree } from './scale-tree';

/** Imports whose held heap is measured; each is a second or two, and the figure barely moves. */
const IMPORT_RUNS = 5;
const MB = 1e6;

/** Live bytes after a full collection: JS heap, and ArrayBuffers (a decoded cloud's arrays live there). */
function liveBytes(): { heap: number; arrayBuffers: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: a freed ArrayBuffer's store is released by the sweep after the collection that found it dead.
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, arrayBuffers: usage.arrayBuffers };
}

/** Keeps results alive across a measurement, so that the collection before the reading cannot free them. */
const held: unknown[] = [];

/**
 * The heap that what `keep` puts in `held` holds. The result goes there from inside `keep`, never through a
 * local of the caller: a suspended async function may keep its last result in a register, so that the next
 * reading before a call would count the previous result and the difference would read about 0.
 */
async function heldBy(keep: () => Promise<unknown>): Promise<number> {
  const before = liveBytes().heap;
  await keep();
  const after = liveBytes().heap;
  held.length = 0;
  return after - before;
}

/**
 * The heap an opened scene holds: `heapUsed` after a full collection with the import's result alive, above
 * the same before it, against the bytes of every table of the tree. The note puts it beside what JSON.parse
 * of every table holds (measured once).
 */
export async function importHeapRow(tree: ScaleTree, scene: string, what: string): Promise<ResultRow> {
  const deltas: number[] = [];
  for (let run = 0; run < IMPORT_RUNS; run++) {
    deltas.push(await heldBy(async () => held.push(await importScene(tree.files, { scene }))));
  }
  const parsedHeap = await heldBy(async () => held.push(parseEveryTable(tree)));
  const heap = summarize(deltas);
  return {
    section: 'scale',
    case: what,
    points: 0,
    figure: 'heap held after importScene of one scene',
    unit: 'MB',
    p50: heap.p50 / MB,
    p95: heap.p95 / MB,
    anchor: 'bytes of every table',
    anchorP50: tree.tableBytes / MB,
    anchorP95: tree.tableBytes / MB,
    ratioName: '× table bytes (lower is better)',
    ratio: heap.p50 / tree.tableBytes,
    ratioP95: heap.p95 / tree.tableBytes,
    goal: undefined,
    met: undefined,
    note:
      `process.memoryUsage().heapUsed after gc, the import's result alive, above the same before it, ` +
      `${IMPORT_RUNS} imports; JSON.parse of every table holds ${(parsedHeap / MB).toFixed(0)} MB ` +
      `(${(parsedHeap / tree.tableBytes).toFixed(2)}× table bytes)`,
  };
}

/** The window of one frame that the scrub holds: a bound on what it may hold whatever the frame count. */
const HELD_FRAMES_GOAL = 2;
/** Frames between two readings of the live bytes: a frame's leak would still add up from one to the next. */
const READING_EVERY = 10;

/**
 * Scrubbing through every frame of the scene (keyframes and the sweeps between them) as a viewer with a
 * one-frame window does: each frame's sweep read and decoded, the previous frame's cloud let go. After every
 * 10th frame and the last, the live heap and ArrayBuffer bytes above their value before the scrub (the import's
 * result alive throughout); the row is the largest, against the buffers of one decoded sweep. Bounded memory
 * reads about 1× whatever the frame count; a scrub that kept every frame would read the frame count.
 */
export async function scrubRow(tree: ScaleTree, scene: string, what: string): Promise<ResultRow> {
  const imported: ImportedScene = await importScene(tree.files, { scene, sweeps: true });
  const frames = imported.scene.frames;
  const layouts = imported.lidarLayouts ?? {};
  let current: PointCloud | undefined;
  const read = async (index: number): Promise<PointCloud> => {
    const lidar = frames[index]!.lidar[0]!;
    const layout = layouts[lidar.sensorId];
    return readPointCloudFile(await tree.files.read(lidar.uri), lidar.uri, layout ? { layout } : {});
  };
  held.push(imported);
  const start = liveBytes();
  const series: number[] = [];
  for (let index = 0; index < frames.length; index++) {
    current = await read(index);
    // A full collection costs ~0.2 s beside a tree of this size: every few frames, and after the last.
    if (index % READING_EVERY !== 0 && index !== frames.length - 1) continue;
    const now = liveBytes();
    series.push(now.heap - start.heap + now.arrayBuffers - start.arrayBuffers);
  }
  const sweepBytes = [...new Set(pointCloudBuffers(current!))].reduce((sum, b) => sum + b.byteLength, 0);
  held.length = 0;
  const peak = Math.max(...series);
  const goal = atMost(HELD_FRAMES_GOAL);
  const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
  const middle = Math.floor(series.length / 2);
  return {
    section: 'scale',
    case: what,
    points: current!.count,
    figure: `live bytes while scrubbing all ${frames.length} frames, peak`,
    unit: 'MB',
    p50: peak / MB,
    p95: peak / MB,
    anchor: "one decoded sweep's buffers",
    anchorP50: sweepBytes / MB,
    anchorP95: sweepBytes / MB,
    ratioName: '× one sweep (lower is better)',
    ratio: peak / sweepBytes,
    ratioP95: peak / sweepBytes,
    goal,
    met: goal.isMet(peak / sweepBytes),
    judged: peak / sweepBytes,
    note:
      `heapUsed + arrayBuffers after gc following every ${READING_EVERY}th frame and the last, above their value ` +
      `before the scrub: after frame 1 ${mb(series[0]!)}, frame ${middle * READING_EVERY + 1} ` +
      `${mb(series[middle]!)}, frame ${frames.length} ${mb(series.at(-1)!)}; ` +
      `${frames.filter((f) => f.keyframe !== false).length} keyframes, the rest sweeps; images not decoded`,
  };
}
