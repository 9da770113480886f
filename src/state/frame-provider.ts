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
  /**
   * Reads another frame without showing it or moving the window (the track view gathers a track's points
   * from many frames): `use` runs while the frame's buffers are valid and must copy out what it keeps, since
   * a frame fetched only for this goes back at once.
   */
  read<T>(index: number, use: (frame: LoadedFrame) => T): Promise<T>;
}
