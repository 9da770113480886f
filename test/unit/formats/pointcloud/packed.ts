import { attributeStride, positionStride, type PointCloud } from '../../../../src/core/model/point-cloud';

/** A cloud's x y z as a packed copy (3 values a point), read through its stride: what tests compare. */
export function packedPositions(cloud: PointCloud): Float32Array {
  const stride = positionStride(cloud);
  const out = new Float32Array(cloud.count * 3);
  for (let i = 0; i < cloud.count; i++) out.set(cloud.positions.subarray(i * stride, i * stride + 3), i * 3);
  return out;
}

/** One attribute of a cloud as a packed copy (one value a point), or undefined when it has none. */
export function packedAttribute(cloud: PointCloud, name: string): Float32Array | undefined {
  const values = cloud.attributes[name];
  if (!values) return undefined;
  const stride = attributeStride(cloud);
  return Float32Array.from({ length: cloud.count }, (_, i) => values[i * stride]!);
}

/** Every attribute of a cloud, packed, by name. */
export function packedAttributes(cloud: PointCloud): Record<string, Float32Array> {
  return Object.fromEntries(Object.keys(cloud.attributes).map((name) => [name, packedAttribute(cloud, name)!]));
}

/**
 * True when positions and every attribute cover exactly the cloud's points: packed, 3 and 1 values a point;
 * interleaved, views of the records' buffer from their field in the first record to the end of the last.
 */
export function viewsFit(cloud: PointCloud): boolean {
  const arrays = [cloud.positions, ...Object.values(cloud.attributes)];
  const records = cloud.interleaved;
  if (!records) {
    const sizes = arrays.map((a, k) => a.length / (k === 0 ? 3 : 1));
    return sizes.every((n) => n === cloud.count);
  }
  const end = records.records.byteOffset + cloud.count * records.stride * 4;
  return arrays.every((a) => a.buffer === records.records.buffer && a.byteOffset + a.byteLength === end);
}
