import { fromPose, multiply, type Mat4 } from '../../core/math/mat4';
import { FormatError } from '../pointcloud/format-error';

/** The problem code an import reports each fault of this format under. */
const MALFORMED = { code: 'kitti.oxts.malformed' } as const;

/** WGS-84 equatorial radius, metres: the devkit's `er`. */
const EARTH_RADIUS_M = 6378137;

/** The first six values of a KITTI OXTS row: degrees, metres and radians. */
export interface OxtsRow {
  lat: number;
  lon: number;
  alt: number;
  /** Radians; the IMU frame is x forward, y left, z up, and yaw 0 points east. */
  roll: number;
  pitch: number;
  yaw: number;
}

/** Reads `lat lon alt roll pitch yaw …` (30 values in KITTI; only the first six are used) from one line. */
export function readOxtsRow(line: string, path: string): OxtsRow {
  const v = line.trim().split(/\s+/).map(Number);
  if (v.length < 6 || v.slice(0, 6).some((x) => !Number.isFinite(x))) {
    throw new FormatError(path, 'expected an OXTS row: lat lon alt roll pitch yaw …', MALFORMED);
  }
  const [lat, lon, alt, roll, pitch, yaw] = v as [number, number, number, number, number, number];
  return { lat, lon, alt, roll, pitch, yaw };
}

/**
 * `worldFromImu` for each row, as the KITTI devkit computes it (`convertOxtsToPose`): a Mercator projection
 * scaled at the FIRST row's latitude (x east, y north, metres), altitude as z, and R = Rz(yaw) · Ry(pitch) ·
 * Rx(roll). Unlike the devkit, which makes every pose relative to the first, the world keeps its east-north-up
 * axes and only moves its origin to the first row's position (so that the numbers stay small for float32
 * rendering). Rows that are undefined give undefined.
 */
export function worldFromImuPoses(rows: readonly (OxtsRow | undefined)[]): (number[] | undefined)[] {
  const first = rows.find((r) => r !== undefined);
  if (!first) return rows.map(() => undefined);
  const scale = Math.cos((first.lat * Math.PI) / 180);
  const mercator = (r: OxtsRow): [number, number] => [
    (scale * r.lon * Math.PI * EARTH_RADIUS_M) / 180,
    scale * EARTH_RADIUS_M * Math.log(Math.tan(((90 + r.lat) * Math.PI) / 360)),
  ];
  const [x0, y0] = mercator(first);
  return rows.map((r) => {
    if (!r) return undefined;
    const [x, y] = mercator(r);
    return fromPose([x - x0, y - y0, r.alt - first.alt], r.yaw, r.pitch, r.roll);
  });
}

/** `worldFromEgo = worldFromImu · imuFromVelo`, the Velodyne being the ego frame. */
export function worldFromVeloPoses(
  worldFromImu: readonly (Mat4 | undefined)[],
  imuFromVelo: Mat4,
): (number[] | undefined)[] {
  return worldFromImu.map((m) => m && multiply(m, imuFromVelo));
}
