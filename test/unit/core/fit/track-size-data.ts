import { createNodeFiles } from '../../../../src/cli/node-files';
import { estimateGround } from '../../../../src/core/fit/estimate-ground';
import { buildGridIndex, type GridIndex } from '../../../../src/core/fit/grid-index';
import type { GroundModel } from '../../../../src/core/fit/ground-model';
import type { Mat4 } from '../../../../src/core/math/mat4';
import type { Cuboid, Track } from '../../../../src/core/model/labels';
import type { PointCloud } from '../../../../src/core/model/point-cloud';
import { readPointCloudFile } from '../../../../src/formats/pointcloud/read-point-cloud-file';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { createDemoDrive, DEMO_SEED, groundTruthAt, simulateSweep } from '../../../../src/core/demo/index';

/** One sweep, ready to fit in: the cloud, its LiDAR's pose and the index and ground a click reuses. */
export interface EvalFrame {
  index: number;
  cloud: PointCloud;
  egoFromLidar: Mat4;
  grid: GridIndex;
  ground: GroundModel;
  /** Where the ego was (the scene's pose), where the dataset has it. */
  worldFromEgo?: Mat4;
}

/** A labelled object followed over frames: its class and its label box per frame (ego frame of that frame). */
export interface EvalTrack {
  id: string;
  classId: string;
  labels: Cuboid[];
}

/** Frames and labelled objects of a scene folder (its labels as imported). */
export async function loadFolder(folder: string): Promise<{ frames: EvalFrame[]; tracks: EvalTrack[] }> {
  const files = createNodeFiles(folder);
  const { scene, tracks, cuboids } = await importScene(files);
  const frames: EvalFrame[] = [];
  for (const frame of scene.frames) {
    const sample = frame.lidar[0]!;
    const egoFromLidar = scene.lidars.find((l) => l.id === sample.sensorId)!.egoFromLidar;
    const cloud = readPointCloudFile(await files.read(sample.uri), sample.uri);
    frames.push(prepare(frame.index, cloud, egoFromLidar, frame.worldFromEgo));
  }
  return { frames, tracks: tracksOf(tracks, cuboids) };
}

/** Every `step`-th frame of the demo drive, simulated, with its ground truth. */
export function loadDemo(step: number): { frames: EvalFrame[]; tracks: EvalTrack[] } {
  const drive = createDemoDrive(DEMO_SEED);
  const egoFromLidar = drive.scene.lidars[0]!.egoFromLidar;
  const frames: EvalFrame[] = [];
  const tracks = new Map<string, Track>();
  const cuboids: Cuboid[] = [];
  for (let f = 0; f < drive.scene.frames.length; f += step) {
    frames.push(prepare(f, simulateSweep(drive, f), egoFromLidar, drive.scene.frames[f]!.worldFromEgo));
    const truth = groundTruthAt(drive, f);
    for (const t of truth.tracks) tracks.set(t.id, t);
    cuboids.push(...truth.cuboids);
  }
  return { frames, tracks: tracksOf([...tracks.values()], cuboids) };
}

function prepare(index: number, cloud: PointCloud, egoFromLidar: Mat4, worldFromEgo?: Mat4): EvalFrame {
  return {
    index,
    cloud,
    egoFromLidar,
    grid: buildGridIndex(cloud, egoFromLidar),
    ground: estimateGround(cloud, egoFromLidar),
    ...(worldFromEgo ? { worldFromEgo } : {}),
  };
}

function tracksOf(tracks: Track[], cuboids: Cuboid[]): EvalTrack[] {
  return tracks.map((t) => ({
    id: t.id,
    classId: t.classId,
    labels: cuboids.filter((c) => c.trackId === t.id).sort((a, b) => a.frameIndex - b.frameIndex),
  }));
}
