import type { PointCloud } from '../core/model/point-cloud';

/** What the session shows for one frame: the sweep and each camera's image as an object URL. */
export interface LoadedFrame {
  index: number;
  cloud: PointCloud;
  images: { cameraId: string; url: string; width: number; height: number }[];
}

/** Gives frames of the open scene, from memory, the cache or a worker. Wired in `app/`. */
export interface FrameProvider {
  load(index: number): Promise<LoadedFrame>;
  /** Warm the frames the user will probably want next, in the direction of travel. */
  prefetch(index: number, direction: 1 | -1): void;
}
