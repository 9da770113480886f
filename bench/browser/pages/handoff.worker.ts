import { expose, transfer } from 'comlink';
import { pointCloudBuffers, type PointCloud } from '../../../src/core/model/point-cloud';
import { makeLidarSweep } from '../../inputs/make-lidar-sweep';

/**
 * A worker that holds one decoded frame and hands it to the main thread, by transfer (as
 * workers/decode.worker.ts returns its clouds) or structured-cloned, plus an empty call for the round trip alone.
 */
let frame: PointCloud | undefined;

const api = {
  ping(): void {},
  /** Builds the frame: 1M points of x y z + intensity float32 = 16 MB. */
  make(points: number): number {
    const sweep = makeLidarSweep(points);
    frame = {
      count: points,
      positions: sweep.positions,
      attributes: { intensity: sweep.intensity },
      bounds: { min: [0, 0, 0], max: [0, 0, 0] },
    };
    return pointCloudBuffers(frame).reduce((sum, b) => sum + b.byteLength, 0);
  },
  /** The frame, its buffers transferred: the worker's copy is detached until `giveBack`. */
  take(): PointCloud {
    if (!frame) throw new Error('no frame: call make() first, or giveBack() after take()');
    const out = frame;
    frame = undefined;
    return transfer(out, pointCloudBuffers(out));
  },
  giveBack(returned: PointCloud): void {
    frame = returned;
  },
  /** The same frame structured-cloned: the worker keeps its copy. */
  takeCloned(): PointCloud {
    if (!frame) throw new Error('no frame');
    return frame;
  },
};

export type HandoffWorkerApi = typeof api;
expose(api);
