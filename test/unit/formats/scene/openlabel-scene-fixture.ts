import { readFileSync } from 'node:fs';
import { SHARED_DATA } from './scene-test-helpers';

/**
 * A small OpenLABEL scene built here from the real KITTI object frame 000000 (`../shared/data`, read, never
 * copied): its calibration turned into OpenLABEL coordinate systems and intrinsics, its pedestrian label into a
 * cuboid in the camera system (as KITTI's OpenLABEL converters write them), and the sensor files named by
 * per-frame uris in the ways real files do. All the expectations' maths is done here, apart from the code under
 * test: row-major 4×4 products, a Gauss-Jordan inverse, KITTI's own box corners and P2 projection.
 */
export type M4 = number[];
export type V3 = [number, number, number];
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const KITTI = `${SHARED_DATA}kitti-object/training/`;
export const LIDAR_BYTES = new Uint8Array(readFileSync(`${KITTI}velodyne/000000.bin`));
export const IMAGE_BYTES = new Uint8Array(readFileSync(`${KITTI}image_2/000000.png`));
export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

export const mul = (a: readonly number[], b: readonly number[]): M4 => Array.from({ length: 16 }, (_, i) => [0, 1, 2, 3].reduce((s, k) => s + a[(i >> 2) * 4 + k]! * b[k * 4 + (i & 3)]!, 0)); // prettier-ignore
export const apply = (m: M4, p: readonly number[]): V3 => [0, 1, 2].map((r) => m[r * 4]! * p[0]! + m[r * 4 + 1]! * p[1]! + m[r * 4 + 2]! * p[2]! + m[r * 4 + 3]!) as V3; // prettier-ignore
const pad3x4 = (v: number[]): M4 => [...v, 0, 0, 0, 1];
const pad3x3 = (v: number[]): M4 => [v[0]!, v[1]!, v[2]!, 0, v[3]!, v[4]!, v[5]!, 0, v[6]!, v[7]!, v[8]!, 0, 0, 0, 0, 1]; // prettier-ignore

/** A general 4×4 inverse by Gauss-Jordan elimination with partial pivoting. */
export function inverse(m: readonly number[]): M4 {
  const a = [0, 1, 2, 3].map((r) => [...m.slice(r * 4, r * 4 + 4), ...[0, 1, 2, 3].map((c) => (c === r ? 1 : 0))]);
  for (let c = 0; c < 4; c++) {
    const p = [c, 1, 2, 3].filter((r) => r >= c).reduce((best, r) => (Math.abs(a[r]![c]!) > Math.abs(a[best]![c]!) ? r : best)); // prettier-ignore
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]!;
    a[c] = a[c]!.map((v) => v / pivot);
    for (let r = 0; r < 4; r++) if (r !== c) a[r] = a[r]!.map((v, k) => v - a[r]![c]! * a[c]![k]!);
  }
  return a.flatMap((row) => row.slice(4));
}

/** The calibration rows of 000000.txt, read here. */
const calib = new Map(
  readFileSync(`${KITTI}calib/000000.txt`, 'utf8')
    .split('\n')
    .filter((l) => l.includes(':'))
    .map((l) => [
      l.slice(0, l.indexOf(':')),
      l
        .slice(l.indexOf(':') + 1)
        .trim()
        .split(/\s+/)
        .map(Number),
    ]),
);
export const P2 = calib.get('P2')!;
export const RECT_FROM_VELO = mul(pad3x3(calib.get('R0_rect')!), pad3x4(calib.get('Tr_velo_to_cam')!));
/** The LiDAR on the vehicle: 0.02 rad about z, 0.76 m ahead, 5 cm left, 1.73 m up (written as a quaternion). */
export const LIDAR_YAW = 0.02;
export const EGO_FROM_VELO: M4 = [Math.cos(LIDAR_YAW), -Math.sin(LIDAR_YAW), 0, 0.76, Math.sin(LIDAR_YAW), Math.cos(LIDAR_YAW), 0, 0.05, 0, 0, 1, 1.73, 0, 0, 0, 1]; // prettier-ignore
export const EGO_FROM_RECT = mul(EGO_FROM_VELO, inverse(RECT_FROM_VELO));

/** label_2/000000.txt: `Pedestrian 0.00 0 -0.20 712.40 143.00 810.73 307.92 1.89 0.48 1.20 1.84 1.47 8.41 0.01`. */
const label = readFileSync(`${KITTI}label_2/000000.txt`, 'utf8').trim().split(/\s+/);
export const BOX_2D = label.slice(4, 8).map(Number);
const [h, w, l, x, y, z, ry] = label.slice(8, 15).map(Number) as number[];

/** KITTI's box corners in the rectified camera (the devkit's way: bottom centre, y down, turned by ry about y). */
export const CORNERS_RECT: V3[] = [-1, 1].flatMap((sx) =>
  [0, -h!].flatMap((dy) =>
    [-1, 1].map((sz): V3 => {
      const [cx, cz] = [(sx * l!) / 2, (sz * w!) / 2];
      return [x! + Math.cos(ry!) * cx + Math.sin(ry!) * cz, y! + dy, z! - Math.sin(ry!) * cx + Math.cos(ry!) * cz];
    }),
  ),
);

/** P2 · X: the pixel KITTI's calibration gives a point of the rectified camera. */
export function kittiPixel(p: V3): [number, number] {
  const [u, v, s] = [0, 1, 2].map((r) => P2[r * 4]! * p[0] + P2[r * 4 + 1]! * p[1] + P2[r * 4 + 2]! * p[2] + P2[r * 4 + 3]!); // prettier-ignore
  return [u! / s!, v! / s!];
}

/** The ego pose of frame 1: 5 m ahead, 1 m left, turned 0.1 rad. */
export const WORLD_FROM_EGO_1: M4 = [Math.cos(0.1), -Math.sin(0.1), 0, 5, Math.sin(0.1), Math.cos(0.1), 0, 1, 0, 0, 1, 0, 0, 0, 0, 1]; // prettier-ignore
const IDENTITY: M4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
export const CAR_UID = '5f0c2a5e-8b1d-4c3e-9a7f-0d2b6e4c1a93';
/** The car: a 10-value cuboid in the ego frame, turned 0.3 rad about z. */
export const CAR_VAL = [10, -2, 0.8, 0, 0, Math.sin(0.15), Math.cos(0.15), 4.2, 1.8, 1.5];

const odometry = (m: M4) => ({ 'vehicle-iso8855_to_odom': { src: 'vehicle-iso8855', dst: 'odom', transform_src_to_dst: { matrix4x4: m } } }); // prettier-ignore
const pedestrian = { '7': { object_data: { cuboid: [{ name: 'box', coordinate_system: 'cam2', val: [x, y! - h! / 2, z, 0, ry, 0, l, h, w] }] } } }; // prettier-ignore

/**
 * Frames: 0 (a decimal-string time, files by relative uris, the camera's own sync time), 1 (a numeric time, the
 * sweep by a `file://` URI of another machine, an image that is not in the folder), 2 (a sweep that is not in
 * the folder: left out with its box), 3 (no time; the sweep named by its file name alone in the stream's folder).
 */
export function openlabelScene(): Json {
  return {
    openlabel: {
      metadata: { schema_version: '1.0.0', name: 'KITTI 000000 as OpenLABEL' },
      coordinate_systems: {
        odom: { type: 'scene_cs', parent: '', children: ['vehicle-iso8855'] },
        'vehicle-iso8855': { type: 'local_cs', parent: 'odom', children: ['velodyne'] },
        velodyne: { type: 'sensor_cs', parent: 'vehicle-iso8855', children: ['cam2'], pose_wrt_parent: { quaternion: [0, 0, Math.sin(LIDAR_YAW / 2), Math.cos(LIDAR_YAW / 2)], translation: [0.76, 0.05, 1.73] } }, // prettier-ignore
        cam2: { type: 'sensor_cs', parent: 'velodyne', children: [], pose_wrt_parent: { matrix4x4: inverse(RECT_FROM_VELO) } }, // prettier-ignore
      },
      streams: {
        velodyne: { type: 'lidar', uri: 'lidar/', description: 'Velodyne HDL-64E' },
        cam2: { type: 'camera', uri: '', description: 'Left colour camera', stream_properties: { intrinsics_pinhole: { camera_matrix_3x4: P2, width_px: 1224, height_px: 370, distortion_coeffs_1xN: [] } } }, // prettier-ignore
        oxts: { type: 'gps_imu', description: 'GPS/IMU' },
      },
      objects: { '7': { name: 'ped-7', type: 'Pedestrian' }, [CAR_UID]: { name: 'car-a', type: 'vehicle.car' } },
      frames: {
        '0': {
          frame_properties: {
            timestamp: '1317380000.123456',
            streams: { velodyne: { uri: 'lidar/000000.bin' }, cam2: { uri: 'camera/000000.png', stream_properties: { sync: { timestamp: 1317380000.13 } } } }, // prettier-ignore
            transforms: odometry(IDENTITY),
          },
          objects: pedestrian,
        },
        '1': {
          frame_properties: {
            timestamp: 1317380000.223456,
            streams: { velodyne: { uri: 'file:///home/someone/kitti/lidar/000000.bin' }, cam2: { uri: 'camera/000001.png' } }, // prettier-ignore
            transforms: odometry(WORLD_FROM_EGO_1),
          },
          objects: pedestrian,
        },
        '2': { frame_properties: { timestamp: 1317380000.323456, streams: { velodyne: { uri: 'lidar/000002.bin' } } }, objects: pedestrian }, // prettier-ignore
        '3': {
          frame_properties: { streams: { velodyne: { uri: '000000.bin' } }, transforms: odometry(WORLD_FROM_EGO_1) },
          objects: { [CAR_UID]: { object_data: { cuboid: [{ name: 'box', coordinate_system: 'vehicle-iso8855', val: CAR_VAL }] } } }, // prettier-ignore
        },
      },
    },
  };
}

/** The scene's folder: the OpenLABEL file at the top beside the sensor files it names (and other files given). */
export function sceneFiles(
  json: Json = openlabelScene(),
  extra: Record<string, Uint8Array> = {},
): Record<string, Uint8Array> {
  return { 'scene.json': encode(JSON.stringify(json)), 'lidar/000000.bin': LIDAR_BYTES, 'camera/000000.png': IMAGE_BYTES, ...extra }; // prettier-ignore
}
