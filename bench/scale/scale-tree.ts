import { createMemoryFiles, type SceneFiles } from '../../src/formats/scene/scene-files';
import { buildNuscenesTree, type NuscenesTreeShape } from '../../test/fixtures/nuscenes-tree';
import { encodeNuscenesBin } from '../inputs/encode-point-files';
import { makeLidarSweep } from '../inputs/make-lidar-sweep';

/** A nuScenes sweep's points (the shared sample's LIDAR_TOP sweep has 34,688). */
export const SWEEP_POINTS = 34_688;

const CAMERAS = ['CAM_FRONT', 'CAM_FRONT_RIGHT', 'CAM_BACK_RIGHT', 'CAM_BACK', 'CAM_BACK_LEFT', 'CAM_FRONT_LEFT'];

/**
 * The shape of v1.0-trainval, scaled to what one JSON.parse of every table can hold in node's default heap
 * (the anchor keeps them all, as a naive reader would): hundreds of scenes and tens of thousands of samples,
 * each with its LiDAR sweeps between keyframes, six cameras and tens of boxes. trainval itself: 850 scenes,
 * 34,149 samples, ~10 LiDAR sweeps and ~34 boxes a sample.
 */
export const FULL_SHAPE: NuscenesTreeShape = {
  scenes: 300,
  samplesPerScene: 40,
  sweepsPerSample: 9,
  cameras: CAMERAS,
  boxesPerSample: 30,
};

/** `--quick`: the same structure, a few seconds to build and parse. */
export const QUICK_SHAPE: NuscenesTreeShape = {
  scenes: 20,
  samplesPerScene: 10,
  sweepsPerSample: 2,
  cameras: CAMERAS,
  boxesPerSample: 10,
};

export interface ScaleTree {
  /** Every file, with `readRange` as a dropped folder's File slices give it. */
  files: SceneFiles;
  /** The JSON tables under `v1.0-*`, largest first, with their bytes. */
  tables: { path: string; bytes: Uint8Array }[];
  tableBytes: number;
  samples: number;
}

/**
 * A generated nuScenes tree held in memory. Each sweep file is a real nuScenes `.pcd.bin` of `SWEEP_POINTS`
 * (one buffer shared by every path: the files are bytes the reader gets, not memory the bench should spend).
 */
export function makeScaleTree(shape: NuscenesTreeShape): ScaleTree {
  const sweepBytes = encodeNuscenesBin(makeLidarSweep(SWEEP_POINTS));
  const entries = buildNuscenesTree({ ...shape, sweepBytes });
  const tables = Object.keys(entries)
    .filter((path) => /(^|\/)v1\.0-[^/]+\/[^/]+\.json$/.test(path))
    .map((path) => ({ path, bytes: entries[path]! }))
    .sort((a, b) => b.bytes.length - a.bytes.length);
  return {
    files: withRanges(createMemoryFiles('nuscenes-scale', entries)),
    tables,
    tableBytes: tables.reduce((sum, t) => sum + t.bytes.length, 0),
    samples: shape.scenes * shape.samplesPerScene,
  };
}

/**
 * Ranges copied out, as a File slice's bytes are fresh ones, so that ours pays what a browser read would; the
 * listing made once, as a dropped folder's source holds it (the test helper sorts it again on every call).
 */
function withRanges(files: SceneFiles): SceneFiles {
  const listing = files.list();
  return {
    ...files,
    list: () => listing,
    readRange: async (path, start, end) => (await files.read(path)).slice(start, end),
  };
}

/** What a reader that parses everything does: every table decoded and parsed, all held. */
export function parseEveryTable(tree: ScaleTree): Record<string, unknown[]> {
  const decoder = new TextDecoder();
  const parsed: Record<string, unknown[]> = {};
  for (const { path, bytes } of tree.tables) parsed[path] = JSON.parse(decoder.decode(bytes)) as unknown[];
  return parsed;
}

/**
 * The anchor as timed: `parseEveryTable`, its rows counted before they are let go. Holding them past the call
 * would only make the next sample's collector walk ~700 MB more: the parsing is the same either way.
 */
export function countEveryRow(tree: ScaleTree): number {
  return Object.values(parseEveryTable(tree)).reduce((sum, rows) => sum + rows.length, 0);
}

/** The largest tables with their sizes, for the notes: `sample_annotation.json 180 MB, …`. */
export function describeTables(tree: ScaleTree, count = 4): string {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
  const largest = tree.tables.slice(0, count).map((t) => `${t.path.split('/').pop()} ${mb(t.bytes.length)}`);
  return `${tree.tables.length} tables, ${mb(tree.tableBytes)} (${largest.join(', ')})`;
}
