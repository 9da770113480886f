import { pointCloudBuffers, type PointCloud } from '../../src/core/model/point-cloud';
import { recycleFloat32Buffers } from '../../src/formats/pointcloud/float32-pool';

/**
 * What the decode worker does up to a cloud the renderer draws as it is: the reader, then the cloud's buffers
 * back to the pool, as the app gives them back when the frame leaves its window, so that a timed call runs in
 * the worker's steady state (decoding into a recycled buffer, no fresh allocation). Nothing is left to do
 * before drawing: the cloud is checked to be the file's records (`interleaved`) where `records` says it must be.
 */
export function readDrawable(
  read: (bytes: Uint8Array) => PointCloud,
  records: boolean,
): (bytes: Uint8Array) => PointCloud {
  return (bytes) => {
    const cloud = read(bytes);
    if (records && !cloud.interleaved) throw new Error('the cloud was not read as its records');
    recycleFloat32Buffers(pointCloudBuffers(cloud));
    return cloud;
  };
}
