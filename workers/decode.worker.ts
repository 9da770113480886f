import { expose, transfer } from 'comlink';
import { readPointCloudFileAsync } from '../src/formats/pointcloud/read-point-cloud-file-async';
import { pointCloudBuffers } from '../src/core/model/point-cloud';
import type { DecodedPointCloud } from '../src/formats/pointcloud/decoded-point-cloud';

/** Decodes point-cloud files off the main thread: bytes come in transferred, typed arrays go out transferred. */
const api = {
  async decode(bytes: ArrayBuffer, fileName: string, layout?: 'kitti' | 'nuscenes'): Promise<DecodedPointCloud> {
    const cloud = await readPointCloudFileAsync(new Uint8Array(bytes), fileName, layout ? { layout } : {});
    return transfer(cloud, pointCloudBuffers(cloud));
  },
};

export type DecodeWorkerApi = typeof api;
expose(api);
