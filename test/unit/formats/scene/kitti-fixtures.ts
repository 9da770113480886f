import { PNG } from 'pngjs';

/** Small synthetic KITTI files, made here so the tests can state exactly what they hold. */
export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A KITTI Velodyne sweep: float32 x y z reflectance per point. */
export function kittiBin(points: number[][]): Uint8Array {
  return new Uint8Array(new Float32Array(points.flatMap((p) => [p[0]!, p[1]!, p[2]!, 0.5])).buffer);
}

/** A real (tiny, grey) PNG of the given size. */
export function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(128);
  return new Uint8Array(PNG.sync.write(image));
}

/** The rectified projection of camera 2 (KITTI-like numbers: f = 721.5 px, stereo offset 6 cm). */
export const P2 = [721.5, 0, 609.6, 44.86, 0, 721.5, 172.9, 0.2164, 0, 0, 1, 0.002746];
/** Velodyne → camera 0: the axis swap (x forward → z, y left → −x, z up → −y) and an offset, metres. */
export const VELO_TO_CAM = [0, -1, 0, -0.004, 0, 0, -1, -0.076, 1, 0, 0, -0.272];
/** IMU → Velodyne: a pure offset (metres), so that rotations of the poses stay easy to state. */
export const IMU_TO_VELO = [1, 0, 0, -0.81, 0, 1, 0, 0.32, 0, 0, 1, -0.8];
export const IDENTITY_3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** An OXTS row: lat lon alt roll pitch yaw and 24 more values (zeros), as KITTI writes 30. */
export function oxtsRow(lat: number, lon: number, alt: number, yaw = 0): string {
  return [lat, lon, alt, 0, 0, yaw, ...new Array<number>(24).fill(0)].join(' ');
}

const join = (values: number[]) => values.map((v) => v.toExponential(12)).join(' ');

/** A tracking-benchmark calibration, with its colon-less row names. */
export function trackingCalib(): string {
  return [
    `P0: ${join([721.5, 0, 609.6, 0, 0, 721.5, 172.9, 0, 0, 0, 1, 0])}`,
    `P1: ${join([721.5, 0, 609.6, -387.6, 0, 721.5, 172.9, 0, 0, 0, 1, 0])}`,
    `P2: ${join(P2)}`,
    `P3: ${join([721.5, 0, 609.6, -339.5, 0, 721.5, 172.9, 2.2, 0, 0, 1, 0.0027])}`,
    `R_rect ${join(IDENTITY_3)}`,
    `Tr_velo_cam ${join(VELO_TO_CAM)}`,
    `Tr_imu_velo ${join(IMU_TO_VELO)}`,
  ].join('\n');
}

/** The three calibration files of a KITTI raw recording day. */
export function rawCalib(): Record<string, string> {
  const r = (m: number[]) => [m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]] as number[];
  const t = (m: number[]) => [m[3], m[7], m[11]] as number[];
  return {
    'calib_cam_to_cam.txt': [
      'calib_time: 09-Jan-2012 13:57:47',
      'corner_dist: 9.950000e-02',
      `S_rect_02: ${join([1242, 375])}`,
      `R_rect_00: ${join(IDENTITY_3)}`,
      `P_rect_00: ${join([721.5, 0, 609.6, 0, 0, 721.5, 172.9, 0, 0, 0, 1, 0])}`,
      `P_rect_02: ${join(P2)}`,
    ].join('\n'),
    'calib_velo_to_cam.txt': [
      'calib_time: 15-Mar-2012 11:37:16',
      `R: ${join(r(VELO_TO_CAM))}`,
      `T: ${join(t(VELO_TO_CAM))}`,
      'delta_f: 0.000000e+00 0.000000e+00',
    ].join('\n'),
    'calib_imu_to_velo.txt': ['calib_time: 25-May-2012 16:47:16', `R: ${join(r(IMU_TO_VELO))}`, `T: ${join(t(IMU_TO_VELO))}`].join('\n'), // prettier-ignore
  };
}

/** A KITTI label row's fields after `type`: truncated occluded alpha x1 y1 x2 y2 h w l x y z rotation_y. */
export function labelFields(h: number, w: number, l: number, x: number, y: number, z: number, ry: number): string {
  return `0.00 0 0.00 100.0 120.0 200.0 220.0 ${h} ${w} ${l} ${x} ${y} ${z} ${ry}`;
}

/** The spherical-Earth great-circle distance between two (lat, lon) in degrees, metres (haversine). */
export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6378137 * Math.asin(Math.sqrt(a));
}
