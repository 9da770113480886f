import { invertRigid, type Mat4 } from '../../../core/math/mat4';
import { rotationFromQuaternion } from '../../../core/math/quaternion';
import type { CameraSensor, LidarSensor } from '../../../core/model/scene';
import { fromRotationTranslation } from '../../calibration/to-mat4';
import type { ImportContext } from '../import-context';
import { finiteNumbers, type CalibratedSensorRow, type SampleDataRow, type SensorRow } from './nuscenes-tables';

/** nuScenes' one LiDAR; its other sensors with `lidar` modality (other datasets in this schema) are not read. */
export const NUSCENES_LIDAR = 'LIDAR_TOP';

/** The devkit's order of the six cameras, clockwise from the front: the order a viewer lays them out in. */
const CAMERA_ORDER = ['CAM_FRONT', 'CAM_FRONT_RIGHT', 'CAM_BACK_RIGHT', 'CAM_BACK', 'CAM_BACK_LEFT', 'CAM_FRONT_LEFT'];

/** A sample_data row with its sensor and calibration joined in. */
export interface Reading extends SampleDataRow {
  channel: string;
  modality: string;
  calibration: CalibratedSensorRow;
}

/** The rigid transform a nuScenes translation and quaternion [w, x, y, z] describe (child → parent). */
export function poseMatrix(translation: readonly number[], rotation: readonly number[]): Mat4 {
  return fromRotationTranslation(rotationFromQuaternion(rotation), translation);
}

/**
 * Each sample_data row of a LiDAR or camera with its channel and calibration, sorted by time (then token). A
 * row whose calibration or sensor is missing is reported and left out; radars are left out unreported.
 */
export function joinReadings(
  ctx: ImportContext,
  path: string,
  rows: readonly SampleDataRow[],
  calibrations: readonly CalibratedSensorRow[],
  sensors: readonly SensorRow[],
): Reading[] {
  const calibrationBy = new Map(calibrations.map((c) => [c.token, c]));
  const sensorBy = new Map(sensors.map((s) => [s.token, s]));
  const out: Reading[] = [];
  for (const row of rows) {
    const calibration = calibrationBy.get(row.calibrated_sensor_token);
    const sensor = calibration && sensorBy.get(calibration.sensor_token);
    if (!calibration || !sensor) {
      const [table, token] = calibration ? ['sensor', calibration.sensor_token] : ['calibrated_sensor', row.calibrated_sensor_token]; // prettier-ignore
      ctx.problem(path, 'nuscenes.reference.missing', `names ${table} ${token}, which is not there: left out`, `token ${row.token}`, { table: `${table}.json`, token: token! }); // prettier-ignore
      continue;
    }
    const lidar = sensor.modality === 'lidar' && sensor.channel === NUSCENES_LIDAR;
    if (!lidar && sensor.modality !== 'camera') continue;
    // Whole µs, as Frustum keeps times (nuScenes writes them so; tables other tools write may have fractions).
    const timestamp = Math.round(row.timestamp);
    out.push({ ...row, timestamp, channel: sensor.channel, modality: sensor.modality, calibration });
  }
  return out.sort((a, b) => a.timestamp - b.timestamp || (a.token < b.token ? -1 : 1));
}

/**
 * The scene's LiDAR and cameras, calibrated from the first calibration each channel uses (a calibration that
 * changes within the scene is reported once per channel: a scene has one `Scene` calibration). nuScenes'
 * calibrated_sensor is sensor → ego, so `egoFromLidar` is it as it is (the LiDAR's own x right, y forward stays
 * in its points) and `cameraFromEgo` its inverse; nuScenes' images are undistorted. A camera's size is its
 * sample_data's `width` × `height`, else its first image's header; a camera without one is left out.
 */
export async function nuscenesSensors(
  ctx: ImportContext,
  readings: readonly Reading[],
  calibrationPath: string,
): Promise<{ lidar: LidarSensor | undefined; cameras: CameraSensor[] }> {
  const first = new Map<string, Reading>();
  const reported = new Set<string>();
  for (const reading of readings) {
    const { channel, calibration } = reading;
    const earlier = first.get(channel);
    if (!earlier) first.set(channel, reading);
    else if (
      earlier.calibration !== calibration &&
      !reported.has(channel) &&
      !sameCalibration(earlier.calibration, calibration)
    ) {
      // prettier-ignore
      reported.add(channel);
      ctx.problem(calibrationPath, 'nuscenes.calibration.changed', `the calibration of ${channel} changes within the scene (${earlier.calibration.token}, then ${calibration.token}): the first is used throughout`, undefined, { channel }); // prettier-ignore
    }
  }
  const lidarReading = first.get(NUSCENES_LIDAR);
  const lidar = lidarReading && {
    id: NUSCENES_LIDAR,
    name: NUSCENES_LIDAR,
    egoFromLidar: poseMatrix(lidarReading.calibration.translation, lidarReading.calibration.rotation),
  };
  const cameras: CameraSensor[] = [];
  const channels = [...first.values()].filter((r) => r.modality === 'camera').map((r) => r.channel);
  for (const channel of channels.sort(byCameraOrder)) {
    const camera = await createCamera(ctx, channel, readings, first.get(channel)!.calibration, calibrationPath);
    if (camera) cameras.push(camera);
  }
  return { lidar, cameras };
}

async function createCamera(
  ctx: ImportContext,
  channel: string,
  readings: readonly Reading[],
  calibration: CalibratedSensorRow,
  calibrationPath: string,
): Promise<CameraSensor | undefined> {
  const k = calibration.camera_intrinsic;
  if (!Array.isArray(k) || k.length !== 3 || !k.every((row) => finiteNumbers(row, 3))) {
    ctx.problem(calibrationPath, 'nuscenes.row.malformed', `camera ${channel} without a 3 × 3 camera_intrinsic: camera left out`, `token ${calibration.token}`, { table: 'calibrated_sensor.json', field: 'camera_intrinsic' }); // prettier-ignore
    return undefined;
  }
  const own = readings.filter((r) => r.channel === channel);
  const sized = own.find((r) => (r.width ?? 0) > 0 && (r.height ?? 0) > 0);
  let size = sized && { width: sized.width!, height: sized.height! };
  const image = own.find((r) => ctx.has(ctx.root + r.filename));
  if (!size && image) {
    ctx.plan(1);
    size = await ctx.readImageSize(ctx.root + image.filename);
  }
  if (!size) return undefined;
  return {
    id: channel,
    name: channel,
    cameraFromEgo: invertRigid(poseMatrix(calibration.translation, calibration.rotation)),
    intrinsics: { fx: k[0]![0]!, skew: k[0]![1]!, cx: k[0]![2]!, fy: k[1]![1]!, cy: k[1]![2]! },
    ...size,
    distortion: { model: 'none' },
  };
}

function sameCalibration(a: CalibratedSensorRow, b: CalibratedSensorRow): boolean {
  const values = (c: CalibratedSensorRow) => JSON.stringify([c.sensor_token, c.translation, c.rotation, c.camera_intrinsic ?? []]); // prettier-ignore
  return values(a) === values(b);
}

function byCameraOrder(a: string, b: string): number {
  const rank = (c: string) => (CAMERA_ORDER.includes(c) ? CAMERA_ORDER.indexOf(c) : CAMERA_ORDER.length);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
