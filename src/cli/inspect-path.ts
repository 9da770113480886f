import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { detectLayout, type LayoutKind } from '../formats/scene/detect-layout';
import { importScene } from '../formats/scene/import-scene';
import type { FileProblem } from '../formats/problems/file-problem';
import { groupProblems, type ProblemGroup } from '../formats/problems/group-problems';
import { inspectFile, type InspectReport } from './inspect';
import { createNodeFiles } from './node-files';

/** What `frustum inspect <folder>` prints: the recognised layout and what the import found. */
export interface SceneReport {
  layout: LayoutKind;
  frames: number;
  /** Sensor names, in the scene's order. */
  lidars: string[];
  cameras: string[];
  /** Number of imported cuboids (keyframes). */
  labels: number;
  tracks: number;
  /** One group per problem code; `allProblems` (with `--verbose`) lists every one. */
  problems: ProblemGroup[];
  allProblems?: FileProblem[];
}

/**
 * Inspects a point-cloud file (`inspectFile`) or a scene folder (`importScene` through a node file source;
 * `verbose` adds every problem to the groups). Rejects with an Error that names the path when it does not
 * exist, is not a readable point cloud, or is a folder with no recognised layout.
 */
export async function inspectPath(target: string, verbose = false): Promise<InspectReport | SceneReport> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new Error(`${target}: no such file or folder`);
  if (!info.isDirectory()) {
    const bytes = new Uint8Array(await readFile(target));
    return inspectFile(bytes, path.basename(target));
  }
  const files = createNodeFiles(target);
  const layout = detectLayout(files.list());
  const imported = await importScene(files);
  return {
    layout: layout!.kind,
    frames: imported.scene.frames.length,
    lidars: imported.scene.lidars.map((l) => l.name),
    cameras: imported.scene.cameras.map((c) => c.name),
    labels: imported.cuboids.length,
    tracks: imported.tracks.length,
    problems: groupProblems(imported.problems),
    ...(verbose ? { allProblems: imported.problems } : {}),
  };
}
