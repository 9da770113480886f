/**
 * A decoded LiDAR sweep in its sensor frame: xyz interleaved float32 plus named per-point attributes.
 * Typed arrays only, so that it crosses workers by transfer.
 */
export interface PointCloud {
  count: number;
  /** x y z, metres, sensor frame, `count * 3` values. */
  positions: Float32Array;
  /** Per-point attributes by name, `count` values each (e.g. `intensity` in 0–1). */
  attributes: Record<string, Float32Array>;
  bounds: { min: [number, number, number]; max: [number, number, number] };
}

/** The transferable buffers of a cloud, for `comlink.transfer`. */
export function pointCloudBuffers(cloud: PointCloud): ArrayBuffer[] {
  return [cloud.positions, ...Object.values(cloud.attributes)].map((a) => a.buffer as ArrayBuffer);
}
