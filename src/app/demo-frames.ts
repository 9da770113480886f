import type { WorkerPool } from '../decode/worker-pool';
import type { FrameCache } from '../storage/frame-cache';
import type { CachedImage, CachedPoints } from '../storage/db';
import type { Scene } from '../core/model/scene';
import type { LoadedFrame } from '../state/frame-provider';
import type { DemoWorkerApi } from '../../workers/demo.worker';

/**
 * One demo frame: from the IndexedDB cache, else generated in a worker and cached for the next visit (one
 * transaction for the frame's sweep and images).
 */
export async function fetchDemoFrame(
  scene: Scene,
  seed: number,
  pool: WorkerPool<DemoWorkerApi>,
  cache: FrameCache,
  index: number,
): Promise<LoadedFrame> {
  const lidar = scene.lidars[0]!;
  const cached = await cache.get(scene.id, lidar.id, index);
  let points = cached?.kind === 'points' ? cached : undefined;
  const images: { cameraId: string; image: CachedImage }[] = [];
  for (const camera of scene.cameras) {
    const image = await cache.get(scene.id, camera.id, index);
    if (image?.kind === 'image') images.push({ cameraId: camera.id, image });
  }
  if (!points || images.length < scene.cameras.length) {
    const generated = await pool.run((remote) => remote.generate(seed, index));
    const { count, positions, attributes, bounds } = generated.cloud;
    points = { kind: 'points', count, positions, attributes, bounds } satisfies CachedPoints;
    images.length = 0;
    for (const i of generated.images) {
      images.push({
        cameraId: i.cameraId,
        image: { kind: 'image', width: i.width, height: i.height, mime: 'image/jpeg', data: i.jpeg },
      });
    }
    await cache.putMany(scene.id, [
      { sensorId: lidar.id, index, payload: points },
      ...images.map((i) => ({ sensorId: i.cameraId, index, payload: i.image })),
    ]);
  }
  return {
    index,
    cloud: {
      count: points.count,
      positions: points.positions,
      attributes: points.attributes,
      bounds: points.bounds,
      ...(points.interleaved && { interleaved: points.interleaved }),
    },
    images: images.map((i) => ({
      cameraId: i.cameraId,
      url: URL.createObjectURL(new Blob([i.image.data], { type: i.image.mime })),
      width: i.image.width,
      height: i.image.height,
    })),
  };
}
