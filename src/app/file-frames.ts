import { transfer } from 'comlink';
import type { WorkerPool } from '../decode/worker-pool';
import type { FrameCache } from '../storage/frame-cache';
import type { CachedPoints } from '../storage/db';
import { CodedError } from '../formats/problems/coded-error';
import { FormatError } from '../formats/pointcloud/format-error';
import type { SceneFiles } from '../formats/scene/scene-files';
import type { Scene } from '../core/model/scene';
import { pointCloudBuffers, withRecords } from '../core/model/point-cloud';
import type { LoadedFrame } from '../state/frame-provider';
import type { DecodeWorkerApi } from '../../workers/decode.worker';
import { revokeFrameUrls } from './frame-window';

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
 * The cloud as IndexedDB should store it. Decoded arrays may view only the start of a pooled buffer, and a
 * structured clone copies a typed array's whole buffer: those are sliced to their exact bytes, so that the
 * cache stays within 1.1× the raw attribute bytes. Interleaved records are sliced once and their views moved
 * onto the slice (one buffer stored). The frame itself keeps the pooled arrays.
 */
function exactCopy(cloud: CachedPoints): CachedPoints {
  const exact = (a: Float32Array) => (a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : a.slice());
  if (cloud.interleaved) {
    const records = exact(cloud.interleaved.records);
    return records === cloud.interleaved.records ? cloud : withRecords(cloud, records);
  }
  const attributes = Object.fromEntries(Object.entries(cloud.attributes).map(([name, a]) => [name, exact(a)]));
  return { ...cloud, positions: exact(cloud.positions), attributes };
}

/**
 * An error the decode worker threw, as it was there: a worker hands an error over as its name and message only,
 * so a file's `FormatError` is made again from them, naming its file apart for the UI to say.
 */
function fromWorker(error: unknown, path: string): unknown {
  if (!(error instanceof Error) || error.name !== 'FormatError' || !error.message.startsWith(`${path}: `)) return error;
  return new FormatError(path, error.message.slice(path.length + 2));
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
  if (!frame || !sample)
    throw new CodedError('frame.no-sweep', `frame ${index} has no LiDAR sweep`, { frame: index + 1 });
  const cached = await cache.get(scene.id, sample.sensorId, index);
  let cloud = cached?.kind === 'points' ? cached : undefined;
  if (!cloud) {
    const bytes = await files.read(sample.uri);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const decoded = await pool
      .run((remote) => remote.decode(transfer(buffer, [buffer]), sample.uri))
      .catch((error: unknown) => {
        throw fromWorker(error, sample.uri);
      });
    cloud = {
      kind: 'points',
      count: decoded.count,
      positions: decoded.positions,
      attributes: decoded.attributes,
      bounds: decoded.bounds,
      ...(decoded.interleaved && { interleaved: decoded.interleaved }),
    };
    await cache.putMany(scene.id, [{ sensorId: sample.sensorId, index, payload: exactCopy(cloud) }]);
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
    cloud: {
      count: cloud.count,
      positions: cloud.positions,
      attributes: cloud.attributes,
      bounds: cloud.bounds,
      ...(cloud.interleaved && { interleaved: cloud.interleaved }),
    },
    images,
  };
}

/**
 * Lets go of a file-scene frame that left the window: revokes its image URLs and transfers its cloud's buffers
 * back to a decode worker (the least busy), which decodes later frames into them instead of allocating. The
 * frame's arrays are detached afterwards: the window calls this only once nothing shows the frame any more.
 */
export function releaseFileFrame(frame: LoadedFrame, pool: WorkerPool<DecodeWorkerApi>): void {
  revokeFrameUrls(frame);
  // A detached buffer in a transfer list throws (`pointCloudBuffers` names each buffer once): non-empty ones only.
  const buffers = pointCloudBuffers(frame.cloud).filter((b) => b.byteLength > 0);
  if (buffers.length === 0) return;
  // Recycling only saves allocations: a worker that is gone must not surface as an error.
  void pool.run((remote) => remote.recycle(transfer(buffers, buffers))).catch(() => undefined);
}
