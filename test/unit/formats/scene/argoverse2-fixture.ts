import {
  CompressionType,
  float16,
  float32,
  float64,
  int32,
  int64,
  setCompressionCodec,
  tableFromArrays,
  tableToIPC,
  uint16,
  uint8,
  utf8,
  type DataType,
} from '@uwdata/flechette';
import { lz4FrameCodec } from '../../../../src/formats/pointcloud/lz4-frame-codec';

/**
 * Small Feather v2 files with the Argoverse 2 sensor dataset's schema (the devkit's column names and types),
 * written by the tests with flechette's writer: LZ4-frame compressed (as pyarrow writes AV2's files) unless
 * asked not to be.
 */

export interface WriteOptions {
  /** Leave the record batches uncompressed. */
  plain?: boolean;
  /** Split the rows into record batches of at most this many. */
  maxBatchRows?: number;
}

/** A Feather v2 file (Arrow IPC file format) of `columns`, each stored as `types[name]`. */
export function writeFeather(
  columns: Record<string, ArrayLike<unknown>>,
  types: Record<string, DataType>,
  options: WriteOptions = {},
): Uint8Array {
  setCompressionCodec(CompressionType.LZ4_FRAME, lz4FrameCodec);
  const table = tableFromArrays(columns as Record<string, never>, {
    types,
    ...(options.maxBatchRows ? { maxBatchRows: options.maxBatchRows } : {}),
  });
  return tableToIPC(table, { format: 'file', ...(options.plain ? {} : { codec: CompressionType.LZ4_FRAME }) })!;
}

export interface SweepPoint {
  xyz: [number, number, number];
  intensity: number;
  laser: number;
  offsetNs: number;
}

/** A sweep `.feather`: x y z (float32, or float16 as the dataset's own files), intensity, laser_number, offset_ns. */
export function writeSweep(points: SweepPoint[], options: WriteOptions & { half?: boolean } = {}): Uint8Array {
  const axis = (k: number) => Float32Array.from(points, (p) => p.xyz[k]!);
  const xyzType = options.half ? float16() : float32();
  return writeFeather(
    {
      x: axis(0),
      y: axis(1),
      z: axis(2),
      intensity: Uint8Array.from(points, (p) => p.intensity),
      laser_number: Uint8Array.from(points, (p) => p.laser),
      offset_ns: Int32Array.from(points, (p) => p.offsetNs),
    },
    { x: xyzType, y: xyzType, z: xyzType, intensity: uint8(), laser_number: uint8(), offset_ns: int32() },
    options,
  );
}

/** A rigid pose as AV2 stores it: scalar-first quaternion and translation (metres). */
export interface Pose {
  q: [number, number, number, number];
  t: [number, number, number];
}

function poseColumns(poses: Pose[]) {
  const column = (f: (p: Pose) => number) => Float64Array.from(poses, f);
  return {
    qw: column((p) => p.q[0]),
    qx: column((p) => p.q[1]),
    qy: column((p) => p.q[2]),
    qz: column((p) => p.q[3]),
    tx_m: column((p) => p.t[0]),
    ty_m: column((p) => p.t[1]),
    tz_m: column((p) => p.t[2]),
  };
}

const POSE_TYPES = Object.fromEntries(['qw', 'qx', 'qy', 'qz', 'tx_m', 'ty_m', 'tz_m'].map((n) => [n, float64()]));

/** `calibration/egovehicle_SE3_sensor.feather`. */
export function writeSensorPoses(sensors: Record<string, Pose>, options?: WriteOptions): Uint8Array {
  const names = Object.keys(sensors);
  return writeFeather(
    { sensor_name: names, ...poseColumns(Object.values(sensors)) },
    { sensor_name: utf8(), ...POSE_TYPES },
    options,
  );
}

export interface Intrinsics {
  fx: number;
  fy: number;
  cx: number;
  cy: number;
  width: number;
  height: number;
}

/** `calibration/intrinsics.feather` (k1 k2 k3 written as the dataset has them; the reader ignores them). */
export function writeIntrinsics(cameras: Record<string, Intrinsics>, options?: WriteOptions): Uint8Array {
  const k = Object.values(cameras);
  const column = (f: (c: Intrinsics) => number) => Float64Array.from(k, f);
  return writeFeather(
    {
      sensor_name: Object.keys(cameras),
      fx_px: column((c) => c.fx),
      fy_px: column((c) => c.fy),
      cx_px: column((c) => c.cx),
      cy_px: column((c) => c.cy),
      k1: column(() => -0.24),
      k2: column(() => -0.21),
      k3: column(() => 0.33),
      height_px: Uint16Array.from(k, (c) => c.height),
      width_px: Uint16Array.from(k, (c) => c.width),
    },
    {
      sensor_name: utf8(),
      ...Object.fromEntries(['fx_px', 'fy_px', 'cx_px', 'cy_px', 'k1', 'k2', 'k3'].map((n) => [n, float64()])),
      height_px: uint16(),
      width_px: uint16(),
    },
    options,
  );
}

/** `city_SE3_egovehicle.feather`: the ego's pose in the city frame at each time. */
export function writeCityPoses(poses: { timestampNs: bigint; pose: Pose }[], options?: WriteOptions): Uint8Array {
  return writeFeather(
    {
      timestamp_ns: BigInt64Array.from(poses, (p) => p.timestampNs),
      ...poseColumns(poses.map((p) => p.pose)),
    },
    { timestamp_ns: int64(), ...POSE_TYPES },
    options,
  );
}

export interface Annotation {
  timestampNs: bigint;
  uuid: string;
  category: string;
  size: [number, number, number];
  pose: Pose;
}

/** `annotations.feather`: one row a box in the ego frame of the sweep at `timestamp_ns`. */
export function writeAnnotations(rows: Annotation[], options?: WriteOptions & { drop?: string }): Uint8Array {
  const columns: Record<string, ArrayLike<unknown>> = {
    timestamp_ns: BigInt64Array.from(rows, (r) => r.timestampNs),
    track_uuid: rows.map((r) => r.uuid),
    category: rows.map((r) => r.category),
    length_m: Float64Array.from(rows, (r) => r.size[0]),
    width_m: Float64Array.from(rows, (r) => r.size[1]),
    height_m: Float64Array.from(rows, (r) => r.size[2]),
    ...poseColumns(rows.map((r) => r.pose)),
    num_interior_pts: BigInt64Array.from(rows, () => 10n),
  };
  const types: Record<string, DataType> = {
    timestamp_ns: int64(),
    track_uuid: utf8(),
    category: utf8(),
    ...Object.fromEntries(['length_m', 'width_m', 'height_m'].map((n) => [n, float64()])),
    ...POSE_TYPES,
    num_interior_pts: int64(),
  };
  if (options?.drop) {
    delete columns[options.drop];
    delete types[options.drop];
  }
  return writeFeather(columns, types, options);
}

/** A turn of `angle` radians about the ego's z (a heading), as a scalar-first quaternion. */
export function yawQuaternion(angle: number): [number, number, number, number] {
  return [Math.cos(angle / 2), 0, 0, Math.sin(angle / 2)];
}
