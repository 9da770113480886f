/**
 * A decoded LiDAR sweep in its sensor frame: float32 x y z plus named per-point attributes, either packed
 * (positions `x y z x y z …`, each attribute one value a point) or, when `interleaved` is set, the file's own
 * records as read, with `positions` and every attribute viewing them at the records' stride. Typed arrays only,
 * so that it crosses workers by transfer. Read positions through `positionStride` and attributes through
 * `attributeStride`, never assuming 3 and 1.
 */
export interface PointCloud {
  count: number;
  /** x y z, metres, sensor frame: point i at `positions[i * positionStride(cloud)]` and the next two values. */
  positions: Float32Array;
  /** Per-point attributes by name (e.g. `intensity` in 0–1): point i at `values[i * attributeStride(cloud)]`. */
  attributes: Record<string, Float32Array>;
  /**
   * Over the points, metres, sensor frame. Absent where the reader did not measure them: a sweep read as its
   * records is only checked, so that nothing the drawing does not need is on the way to the first frame;
   * `measureBounds` gives them (the sweep index measures them in its worker).
   */
  bounds?: Bounds;
  /** Set when the cloud is float32 records as a file stores them (KITTI, nuScenes, most binary PCD). */
  interleaved?: InterleavedRecords;
}

/** An axis-aligned box, metres: min x y z, max x y z. */
export interface Bounds {
  min: [number, number, number];
  max: [number, number, number];
}

/**
 * One buffer of `count` records of `stride` float32 values each (KITTI `x y z reflectance`: 4; nuScenes
 * `x y z intensity ring`: 5). A cloud's `positions` and attributes are views of `records` that start at their
 * field's value in the first record, so nothing is copied out of it; the renderer draws it with strided vertex
 * attributes and the cache stores it as one array.
 */
export interface InterleavedRecords {
  /** `count * stride` values from the first value of the first record. */
  records: Float32Array;
  stride: number;
}

/** Values from one point's x to the next one's in `cloud.positions`. */
export function positionStride(cloud: Pick<PointCloud, 'interleaved'>): number {
  return cloud.interleaved?.stride ?? 3;
}

/** Values from one point's value to the next one's in each of `cloud.attributes`. */
export function attributeStride(cloud: Pick<PointCloud, 'interleaved'>): number {
  return cloud.interleaved?.stride ?? 1;
}

/** Where a view of the records starts in each record, in values (x's offset for `positions`). */
export function recordOffset(records: InterleavedRecords, view: Float32Array): number {
  return (view.byteOffset - records.records.byteOffset) / 4;
}

/**
 * The same cloud viewing `records`, another copy of its records (an exact-size slice to store, a copy for a
 * worker): every view keeps its offset in the record. A packed cloud is returned as it is.
 */
export function withRecords<T extends PointCloud>(cloud: T, records: Float32Array): T {
  const old = cloud.interleaved;
  if (!old) return cloud;
  const view = (a: Float32Array) => records.subarray(recordOffset(old, a));
  const attributes = Object.fromEntries(Object.entries(cloud.attributes).map(([name, a]) => [name, view(a)]));
  return { ...cloud, positions: view(cloud.positions), attributes, interleaved: { records, stride: old.stride } };
}

/**
 * A copy of the array that holds a cloud's positions, as a cloud of positions only (one memcpy, ~1 ms at 340k
 * points: the interleaved records, or the packed x y z), for a worker to own: sent by transfer, never cloned,
 * while the original stays with the renderer and the frame window.
 */
export function copyPositions(cloud: Pick<PointCloud, 'count' | 'positions' | 'bounds' | 'interleaved'>): PointCloud {
  const { count, bounds, interleaved } = cloud;
  return interleaved
    ? withRecords(
        { count, bounds, interleaved, positions: cloud.positions, attributes: {} },
        interleaved.records.slice(),
      )
    : { count, bounds, positions: cloud.positions.slice(0, count * 3), attributes: {} };
}

/**
 * The transferable buffers of a cloud, each once, for `comlink.transfer` (an interleaved cloud's arrays share
 * one buffer, and a transfer list naming a buffer twice throws).
 */
export function pointCloudBuffers(cloud: PointCloud): ArrayBuffer[] {
  const arrays = [cloud.positions, ...Object.values(cloud.attributes)];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/**
 * The cloud's bounds: those it carries, else one pass over its positions at their stride (all zero for no
 * points). A cloud holds no NaN or ±Inf coordinate (every reader drops such points).
 */
export function measureBounds(cloud: PointCloud): Bounds {
  if (cloud.bounds) return cloud.bounds;
  if (cloud.count === 0) return { min: [0, 0, 0], max: [0, 0, 0] };
  const p = cloud.positions;
  const s = positionStride(cloud);
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let j = 0, end = cloud.count * s; j < end; j += s) {
    for (let k = 0; k < 3; k++) {
      const v = p[j + k]!;
      if (v < min[k]!) min[k] = v;
      if (v > max[k]!) max[k] = v;
    }
  }
  return { min, max };
}

/** Bytes of a cloud's values: its records, or the sum of its packed arrays (not the buffers behind them). */
export function pointCloudBytes(cloud: PointCloud): number {
  if (cloud.interleaved) return cloud.interleaved.records.byteLength;
  return cloud.positions.byteLength + Object.values(cloud.attributes).reduce((n, a) => n + a.byteLength, 0);
}
