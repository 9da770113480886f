import type { Remote } from 'comlink';
import type { WorkerPool } from '../decode/worker-pool';
import type { FrameCache } from '../storage/frame-cache';
import type { CachedImage, CachedPoints } from '../storage/db';
import type { Scene } from '../core/model/scene';
import type { FrameProvider, LoadedFrame } from '../state/frame-provider';
import type { DemoWorkerApi } from '../../workers/demo.worker';

/** Frames kept decoded in memory around the current one; a sliding window, never the whole sequence. */
const WINDOW = 6;
const PREFETCH = 2;

/**
 * Demo frames: from memory, else from the IndexedDB cache, else generated in a worker and cached for the next
 * visit (one transaction per frame's samples).
 */
export class DemoFrameSource implements FrameProvider {
  #memory = new Map<number, Promise<LoadedFrame>>();
  #urls = new Map<number, string[]>();

  constructor(
    private readonly scene: Scene,
    private readonly seed: number,
    private readonly pool: WorkerPool<DemoWorkerApi>,
    private readonly cache: FrameCache,
  ) {}

  load(index: number): Promise<LoadedFrame> {
    let frame = this.#memory.get(index);
    if (!frame) {
      frame = this.#fetch(index);
      frame.catch(() => this.#memory.delete(index));
      this.#memory.set(index, frame);
    }
    this.#trim(index);
    return frame;
  }

  prefetch(index: number, direction: 1 | -1): void {
    for (let k = 1; k <= PREFETCH; k++) {
      const next = index + direction * k;
      if (next >= 0 && next < this.scene.frames.length && !this.#memory.has(next)) void this.load(next).catch(() => {});
    }
  }

  async #fetch(index: number): Promise<LoadedFrame> {
    const lidar = this.scene.lidars[0]!;
    const cached = await this.cache.get(this.scene.id, lidar.id, index);
    const images: { cameraId: string; image: CachedImage }[] = [];
    let points = cached?.kind === 'points' ? cached : undefined;
    for (const camera of this.scene.cameras) {
      const image = await this.cache.get(this.scene.id, camera.id, index);
      if (image?.kind === 'image') images.push({ cameraId: camera.id, image });
    }
    if (!points || images.length < this.scene.cameras.length) {
      const generated = await this.pool.run((remote: Remote<DemoWorkerApi>) => remote.generate(this.seed, index));
      const { count, positions, attributes, bounds } = generated.cloud;
      points = { kind: 'points', count, positions, attributes, bounds } satisfies CachedPoints;
      images.length = 0;
      for (const i of generated.images) {
        images.push({
          cameraId: i.cameraId,
          image: { kind: 'image', width: i.width, height: i.height, mime: 'image/jpeg', data: i.jpeg },
        });
      }
      await this.cache.putMany(this.scene.id, [
        { sensorId: lidar.id, index, payload: points },
        ...images.map((i) => ({ sensorId: i.cameraId, index, payload: i.image })),
      ]);
    }
    const urls = images.map((i) => URL.createObjectURL(new Blob([i.image.data], { type: i.image.mime })));
    this.#urls.set(index, urls);
    return {
      index,
      cloud: { count: points.count, positions: points.positions, attributes: points.attributes, bounds: points.bounds },
      images: images.map((i, k) => ({
        cameraId: i.cameraId,
        url: urls[k]!,
        width: i.image.width,
        height: i.image.height,
      })),
    };
  }

  /** Drops decoded frames far from the current one, and their image URLs. */
  #trim(current: number): void {
    for (const index of this.#memory.keys()) {
      if (Math.abs(index - current) <= WINDOW) continue;
      this.#memory.delete(index);
      for (const url of this.#urls.get(index) ?? []) URL.revokeObjectURL(url);
      this.#urls.delete(index);
    }
  }
}
