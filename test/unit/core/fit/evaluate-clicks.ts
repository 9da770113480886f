import { createNodeFiles } from '../../../../src/cli/node-files';
import { bevIou } from '../../../../src/core/fit/bev-iou';
import { countPointsInBox } from '../../../../src/core/fit/count-points-in-box';
import { estimateGround } from '../../../../src/core/fit/estimate-ground';
import { fitCuboidAtClick } from '../../../../src/core/fit/fit-cuboid-at-click';
import { buildGridIndex } from '../../../../src/core/fit/grid-index';
import { normalizeAngle } from '../../../../src/core/math/angle';
import { readPointCloudFile } from '../../../../src/formats/pointcloud/read-point-cloud-file';
import { importScene } from '../../../../src/formats/scene/import-scene';

/** One labelled object clicked at its centre. */
export interface ClickOutcome {
  frame: number;
  /** LiDAR points inside the label box. */
  points: number;
  /** Bird's-eye IoU of the fit with the label (0 when nothing was fitted). */
  iou: number;
  /** |yaw error| in degrees, no modulo π (a flip is 180°). */
  headingError: number;
  /** Fitted bottom minus label bottom, metres (NaN when nothing was fitted). */
  bottomError: number;
  /** The rule that chose the heading. */
  headingFrom: string | undefined;
  /** The label's centre (ego frame, metres). */
  at: readonly [number, number];
}

/**
 * Imports a scene folder, decodes each frame's sweep and clicks once at the (x, y) centre of every label of
 * `classId` with at least `minPoints` LiDAR points inside its box (moved by `offset` metres in the ego frame,
 * to see how a click off the centre fares): nothing else, no motion.
 */
export async function evaluateClicks(
  folder: string,
  classId: string,
  minPoints: number,
  offset: readonly [number, number] = [0, 0],
): Promise<ClickOutcome[]> {
  const files = createNodeFiles(folder);
  const { scene, tracks, cuboids } = await importScene(files);
  const classOf = new Map(tracks.map((t) => [t.id, t.classId]));
  const outcomes: ClickOutcome[] = [];
  for (const frame of scene.frames) {
    const sample = frame.lidar[0]!;
    const egoFromLidar = scene.lidars.find((l) => l.id === sample.sensorId)!.egoFromLidar;
    const cloud = readPointCloudFile(await files.read(sample.uri), sample.uri);
    const options = { index: buildGridIndex(cloud, egoFromLidar), ground: estimateGround(cloud, egoFromLidar) };
    for (const label of cuboids) {
      if (label.frameIndex !== frame.index || classOf.get(label.trackId) !== classId) continue;
      const points = countPointsInBox(options.index, label);
      if (points < minPoints) continue;
      const click = { x: label.position[0] + offset[0], y: label.position[1] + offset[1] };
      const fit = fitCuboidAtClick(cloud, egoFromLidar, click, { ...options, classId });
      outcomes.push({
        frame: frame.index,
        points,
        iou: fit ? bevIou(fit, label) : 0,
        headingError: fit ? (Math.abs(normalizeAngle(fit.yaw - label.yaw)) * 180) / Math.PI : 180,
        bottomError: fit ? fit.position[2] - fit.size[2] / 2 - (label.position[2] - label.size[2] / 2) : NaN,
        headingFrom: fit?.headingFrom,
        at: [label.position[0], label.position[1]],
      });
    }
  }
  return outcomes;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
