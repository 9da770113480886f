import type { Mat4 } from '../../../core/math/mat4';
import { rotationFromQuaternion } from '../../../core/math/quaternion';
import { readBigInts, readFeatherTable, readNumbers, readStrings } from '../../pointcloud/feather-table';
import { FormatError } from '../../pointcloud/format-error';
import type { ImportContext } from '../import-context';

/**
 * Readers of the Argoverse 2 sensor dataset's small Feather tables, as its devkit (av2-api) reads them:
 * rigid transforms as a scalar-first quaternion `qw qx qy qz` and a translation `tx_m ty_m tz_m` (metres),
 * times as int64 nanoseconds (kept as BigInt: they pass 2^53). Each throws a FormatError naming the file.
 */

/** Pinhole intrinsics of one camera (pixels) and its image size. */
export interface Av2Intrinsics {
  fx: number;
  fy: number;
  cx: number;
  cy: number;
  width: number;
  height: number;
}

/** One annotation row: a cuboid in the ego frame of the sweep taken at `timestampNs`. */
export interface Av2Annotation {
  timestampNs: bigint;
  trackUuid: string;
  category: string;
  /** Geometric centre, ego frame, metres. */
  centre: [number, number, number];
  /** Length along the box's x, width along y, height along z, metres. */
  size: [number, number, number];
  /** Scalar-first quaternion of the box's axes in the ego frame. */
  quaternion: [number, number, number, number];
}

/** µs from ns, rounded half up: integers, in the same order as the nanoseconds (equal ones may meet). */
export function usFromNs(ns: bigint): number {
  return Number(ns >= 0n ? (ns + 500n) / 1000n : -((-ns + 500n) / 1000n));
}

/** `targetFromSource` of each row: R(q) and t as a row-major 4×4. Throws on a zero or non-finite quaternion. */
function readTransforms(table: ReturnType<typeof readFeatherTable>, fileName: string): Mat4[] {
  const [qw, qx, qy, qz, tx, ty, tz] = ['qw', 'qx', 'qy', 'qz', 'tx_m', 'ty_m', 'tz_m'].map((name) =>
    readNumbers(table, name, fileName),
  ) as [number[], number[], number[], number[], number[], number[], number[]];
  return qw.map((w, i) => {
    const t = [tx[i]!, ty[i]!, tz[i]!];
    if (!t.every(Number.isFinite)) throw new FormatError(fileName, 'a translation is not finite', { place: `row ${i}` }); // prettier-ignore
    let r: number[];
    try {
      r = rotationFromQuaternion([w, qx[i]!, qy[i]!, qz[i]!]);
    } catch (error) {
      throw new FormatError(fileName, (error as Error).message, { place: `row ${i}` });
    }
    return [r[0]!, r[1]!, r[2]!, t[0]!, r[3]!, r[4]!, r[5]!, t[1]!, r[6]!, r[7]!, r[8]!, t[2]!, 0, 0, 0, 1];
  });
}

/** `calibration/egovehicle_SE3_sensor.feather`: each sensor's `egoFromSensor`, by `sensor_name`. */
export function readSensorPoses(bytes: Uint8Array, fileName: string): Map<string, Mat4> {
  const table = readFeatherTable(bytes, fileName);
  const names = readStrings(table, 'sensor_name', fileName);
  const poses = readTransforms(table, fileName);
  return new Map(names.map((name, i) => [name, poses[i]!]));
}

/**
 * `calibration/intrinsics.feather`: each camera's `fx_px fy_px cx_px cy_px` and `width_px height_px`, by
 * `sensor_name`. Its `k1 k2 k3` are not read: the dataset's images are already undistorted, and the devkit
 * projects with the pinhole matrix alone (they describe the lens before that undistortion).
 */
export function readIntrinsics(bytes: Uint8Array, fileName: string): Map<string, Av2Intrinsics> {
  const table = readFeatherTable(bytes, fileName);
  const names = readStrings(table, 'sensor_name', fileName);
  const [fx, fy, cx, cy, width, height] = ['fx_px', 'fy_px', 'cx_px', 'cy_px', 'width_px', 'height_px'].map((name) =>
    readNumbers(table, name, fileName),
  ) as [number[], number[], number[], number[], number[], number[]];
  return new Map(
    names.map((name, i) => {
      const k = { fx: fx[i]!, fy: fy[i]!, cx: cx[i]!, cy: cy[i]!, width: width[i]!, height: height[i]! };
      if (!(k.fx > 0 && k.fy > 0 && k.width > 0 && k.height > 0 && Number.isFinite(k.cx + k.cy))) {
        throw new FormatError(fileName, `the intrinsics of ${name} are not a camera's`, { place: `row ${i}` });
      }
      return [name, k];
    }),
  );
}

/** `city_SE3_egovehicle.feather`: `worldFromEgo` (the city frame) at each `timestamp_ns`, sorted by time. */
export function readCityPoses(bytes: Uint8Array, fileName: string): { timestampNs: bigint; worldFromEgo: Mat4 }[] {
  const table = readFeatherTable(bytes, fileName);
  const times = readBigInts(table, 'timestamp_ns', fileName);
  const poses = readTransforms(table, fileName);
  return times
    .map((timestampNs, i) => ({ timestampNs, worldFromEgo: poses[i]! }))
    .sort((a, b) => (a.timestampNs < b.timestampNs ? -1 : a.timestampNs > b.timestampNs ? 1 : 0));
}

/** `annotations.feather`: one row a box (`num_interior_pts` and any other column are not read). */
export function readAnnotations(bytes: Uint8Array, fileName: string): Av2Annotation[] {
  const table = readFeatherTable(bytes, fileName);
  const times = readBigInts(table, 'timestamp_ns', fileName);
  const [uuids, categories] = ['track_uuid', 'category'].map((name) => readStrings(table, name, fileName)) as [
    string[],
    string[],
  ];
  const n = ['length_m', 'width_m', 'height_m', 'qw', 'qx', 'qy', 'qz', 'tx_m', 'ty_m', 'tz_m'].map((name) =>
    readNumbers(table, name, fileName),
  );
  const at = (column: number, row: number) => n[column]![row]!;
  return times.map((timestampNs, i) => ({
    timestampNs,
    trackUuid: uuids[i]!,
    category: categories[i]!,
    centre: [at(7, i), at(8, i), at(9, i)],
    size: [at(0, i), at(1, i), at(2, i)],
    quaternion: [at(3, i), at(4, i), at(5, i), at(6, i)],
  }));
}

/** Reads one of the log's tables and parses it with `parse`; undefined after noting a problem of `path`. */
export async function readLogTable<T>(
  ctx: ImportContext,
  path: string,
  parse: (bytes: Uint8Array, fileName: string) => T,
): Promise<T | undefined> {
  const bytes = await ctx.read(path);
  return bytes && ctx.parse(path, () => parse(bytes, path));
}
