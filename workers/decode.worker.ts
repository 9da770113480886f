import { expose, transfer } from 'comlink';
import { readPointCloudFileAsync } from '../src/formats/pointcloud/read-point-cloud-file-async';
import { recycleFloat32Buffers } from '../src/formats/pointcloud/float32-pool';
import { pointCloudBuffers } from '../src/core/model/point-cloud';
import type { DecodedPointCloud } from '../src/formats/pointcloud/decoded-point-cloud';
import { detectObjects, type ClassicParams } from '../src/core/prelabel/detect';
import type { PointCloud } from '../src/core/model/point-cloud';
import type { Mat4 } from '../src/core/math/mat4';
import type { Detection } from '../src/core/prelabel/types';

/**
 * Decodes point-cloud files off the main thread: bytes come in transferred, typed arrays go out transferred,
 * and the buffers of clouds the app has dropped come back transferred to be decoded into again. Pre-labelling
 * runs its per-sweep detector here too, so that a scene is pre-labelled on every decode worker at once.
 */
const api = {
  async decode(bytes: ArrayBuffer, fileName: string, layout?: 'kitti' | 'nuscenes'): Promise<DecodedPointCloud> {
    // The bytes were transferred here for this read only: a sweep kept as its records views them, no copy.
    const cloud = await readPointCloudFileAsync(new Uint8Array(bytes), fileName, {
      owned: true,
      ...(layout && { layout }),
    });
    return transfer(cloud, pointCloudBuffers(cloud));
  },
  /** Pre-labelling: the objects on one sweep (a copy the app made for the purpose, transferred here). */
  detect(sweep: PointCloud, egoFromLidar: Mat4, classes: string[], params?: Partial<ClassicParams>): Detection[] {
    return detectObjects({ cloud: sweep, egoFromLidar, classes }, params);
  },
  recycle(buffers: ArrayBuffer[]): void {
    recycleFloat32Buffers(buffers);
  },
};

export type DecodeWorkerApi = typeof api;
expose(api);
