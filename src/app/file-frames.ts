import { transfer } from 'comlink';
import type { WorkerPool } from '../decode/worker-pool';
import type { FrameCache } from '../storage/frame-cache';
import type { SceneFiles } from '../formats/scene/scene-files';
import type { Scene } from '../core/model/scene';
import type { LoadedFrame } from '../state/frame-provider';
import type { DecodeWorkerApi } from '../../workers/decode.worker';

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

function mimeOf(path: string): string {
  return IMAGE_TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/**
 * One frame of an imported scene: the sweep from the decoded-frame cache, else read and decoded in a worker
 * (bytes and result transferred both ways) and cached; each camera's image straight from its file.
 */
export async function fetchFileFrame(
  scene: Scene,
  files: SceneFiles,
  pool: WorkerPool<DecodeWorkerApi>,
  cache: FrameCache,
  index: number,
): Promise<LoadedFrame> {
  const frame = scene.frames[index];
  const sample = frame?.lidar[0];
  if (!frame || !sample) throw new Error(`frame ${index} has no LiDAR sweep`);
  const cached = await cache.get(scene.id, sample.sensorId, index);
  let cloud = cached?.kind === 'points' ? cached : undefined;
  if (!cloud) {
    const bytes = await files.read(sample.uri);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const decoded = await pool.run((remote) => remote.decode(transfer(buffer, [buffer]), sample.uri));
    cloud = {
      kind: 'points',
      count: decoded.count,
      positions: decoded.positions,
      attributes: decoded.attributes,
      bounds: decoded.bounds,
    };
    await cache.putMany(scene.id, [{ sensorId: sample.sensorId, index, payload: cloud }]);
  }
  const images = await Promise.all(
    frame.cameras.map(async (c) => {
      const camera = scene.cameras.find((cam) => cam.id === c.sensorId);
      const bytes = await files.read(c.uri);
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeOf(c.uri) }));
      return { cameraId: c.sensorId, url, width: camera?.width ?? 0, height: camera?.height ?? 0 };
    }),
  );
  return {
    index,
    cloud: { count: cloud.count, positions: cloud.positions, attributes: cloud.attributes, bounds: cloud.bounds },
    images,
  };
}
