import type { ImportedScene } from '../formats/scene/import-scene';
import { readPointCloudFileAsync } from '../formats/pointcloud/read-point-cloud-file-async';
import type { PrelabelFrameInput } from '../core/prelabel/prelabel-frames';

/**
 * Each frame's first LiDAR sweep of an imported scene, read and decoded one at a time in frame order (a whole
 * drive never sits in memory), with its time, ego pose and sensor placement: what pre-labelling takes.
 */
export async function* sceneSweeps(
  imported: Pick<ImportedScene, 'scene' | 'lidarLayouts'>,
  read: (path: string) => Promise<Uint8Array>,
): AsyncGenerator<PrelabelFrameInput> {
  const { scene } = imported;
  const lidars = new Map(scene.lidars.map((l) => [l.id, l]));
  for (const frame of scene.frames) {
    const sample = frame.lidar[0];
    const lidar = sample && lidars.get(sample.sensorId);
    if (!sample || !lidar) continue;
    const layout = imported.lidarLayouts?.[lidar.id];
    const cloud = await readPointCloudFileAsync(await read(sample.uri), sample.uri, layout ? { layout } : {});
    yield {
      frameIndex: frame.index,
      time: frame.timestampUs / 1e6,
      ...(frame.worldFromEgo && { worldFromEgo: frame.worldFromEgo }),
      cloud,
      egoFromLidar: lidar.egoFromLidar,
    };
  }
}
