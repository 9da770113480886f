import { pointCloudBuffers, type PointCloud } from '../../src/core/model/point-cloud';
import type { OwnedBytes } from '../../src/formats/pointcloud/decoded-point-cloud';
import { recycleFloat32Buffers } from '../../src/formats/pointcloud/float32-pool';

/**
 * What the decode worker does up to a cloud the renderer draws as it is: the reader, given the bytes as the
 * worker gives them (`owned`: transferred to it for the read, so records on a 4-byte boundary are viewed where
 * they are), then the cloud's own buffers back to the pool, as the app gives them back when the frame leaves its
 * window, so that a timed call runs in the worker's steady state (a copy goes into a recycled buffer, no fresh
 * allocation). The input's buffer is never recycled: the next calls read it. Nothing is left to do before
 * drawing: the cloud is checked to be the file's records (`interleaved`) where `records` says it must be.
 */
export function readDrawable(
  read: (bytes: Uint8Array, options: OwnedBytes) => PointCloud,
  records: boolean,
): (bytes: Uint8Array) => PointCloud {
  return (bytes) => {
    const cloud = read(bytes, { owned: true });
    if (records && !cloud.interleaved) throw new Error('the cloud was not read as its records');
    recycleFloat32Buffers(pointCloudBuffers(cloud).filter((buffer) => buffer !== bytes.buffer));
    return cloud;
  };
}
