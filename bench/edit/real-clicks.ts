import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeFiles } from '../../src/cli/node-files';
import { buildSweepIndex, type SweepIndex } from '../../src/core/fit/index';
import type { Mat4, Vec3 } from '../../src/core/math/mat4';
import { findClass, generalDriving } from '../../src/core/model/default-ontology';
import type { PointCloud } from '../../src/core/model/point-cloud';
import { readPointCloudFile } from '../../src/formats/pointcloud/read-point-cloud-file';
import { importScene } from '../../src/formats/scene/import-scene';

/** The project's real sample data, beside the repository (never copied into it). */
export const SHARED_DATA = '../shared/data';

/** Real scenes with labelled objects whose sweeps a click is timed on. */
export const REAL_SCENES = [
  { name: 'KITTI object', folder: 'kitti-object/training' },
  { name: 'SUSTechPOINTS', folder: 'sustechpoints' },
] as const;

/** One decoded sweep as the app holds it once the frame has landed: ground and grid index built (in a worker). */
export interface RealSweep {
  cloud: PointCloud;
  egoFromLidar: Mat4;
  context: SweepIndex;
}

/** A click where a person would make one: at a labelled object's centre, with its class chosen. */
export interface RealClick {
  sweep: RealSweep;
  x: number;
  y: number;
  classId: string;
  defaultSize: Vec3 | undefined;
}

/**
 * Imports a real scene folder, decodes every frame's sweep, builds its ground and grid index once (as the app's
 * sweep-index worker does) and lists a click at the bird's-eye centre of every labelled object of the frame,
 * with the label's class, in the ego frame. Undefined when the shared data is not there.
 */
export async function loadRealClicks(folder: string): Promise<{ clicks: RealClick[]; points: number } | undefined> {
  const root = join(SHARED_DATA, folder);
  if (!existsSync(root)) return undefined;
  const files = createNodeFiles(root);
  const { scene, tracks, cuboids } = await importScene(files);
  const classOf = new Map(tracks.map((track) => [track.id, track.classId]));
  const clicks: RealClick[] = [];
  let points = 0;
  for (const frame of scene.frames) {
    const sample = frame.lidar[0];
    const lidar = scene.lidars.find((l) => l.id === sample?.sensorId);
    if (!sample || !lidar) continue;
    const cloud = readPointCloudFile(await files.read(sample.uri), sample.uri);
    points += cloud.count;
    const sweep: RealSweep = {
      cloud,
      egoFromLidar: lidar.egoFromLidar,
      context: buildSweepIndex(cloud, lidar.egoFromLidar),
    };
    for (const label of cuboids) {
      if (label.frameIndex !== frame.index) continue;
      const classId = classOf.get(label.trackId) ?? 'car';
      const defaultSize = findClass(generalDriving, classId)?.defaultSize;
      clicks.push({ sweep, x: label.position[0], y: label.position[1], classId, defaultSize });
    }
  }
  return { clicks, points: Math.round(points / Math.max(1, scene.frames.length)) };
}
