import { invertRigid } from '../../../core/math/mat4';
import type { CameraSensor } from '../../../core/model/scene';
import type { ImportContext } from '../import-context';
import { readIntrinsics, readLogTable, readSensorPoses } from './argoverse2-tables';
import { byTime, type Av2Log, type Av2TimedFile } from './list-argoverse2-logs';

/** A camera of the log with its images by time. */
export interface Av2Camera {
  sensor: CameraSensor;
  images: Av2TimedFile[];
}

/** The dataset's nine cameras (seven ring, two stereo), front first, then round the car; any other after. */
const CAMERA_ORDER = [
  ...['ring_front_center', 'ring_front_left', 'ring_front_right', 'ring_side_left', 'ring_side_right'],
  ...['ring_rear_left', 'ring_rear_right', 'stereo_front_left', 'stereo_front_right'],
];

const IMAGE = /^sensors\/cameras\/([^/]+)\/(\d+)\.(?:jpe?g|png)$/i;

function cameraRank(name: string): number {
  const rank = CAMERA_ORDER.indexOf(name);
  return rank < 0 ? CAMERA_ORDER.length : rank;
}

/**
 * The log's cameras: each folder of `sensors/cameras/<name>/<timestamp_ns>.jpg` with its row in
 * `calibration/intrinsics.feather` and in `calibration/egovehicle_SE3_sensor.feather`. AV2 cameras use OpenCV
 * axes (x right, y down, z forward: the devkit projects `K · camera point` and keeps z > 0), and their pose
 * there is `egoFromCamera`, so `cameraFromEgo` is its inverse. No distortion: the images are undistorted. The
 * image size comes from the intrinsics (no image is read). A log without camera folders (LiDAR only, as the
 * devkit's test logs) has no cameras and no problem; otherwise a missing calibration file, a camera without
 * calibration rows, or a calibrated camera without images leaves that camera out with a problem.
 */
export async function readArgoverse2Cameras(ctx: ImportContext, log: Av2Log): Promise<Av2Camera[]> {
  const images = new Map<string, Av2TimedFile[]>();
  for (const path of ctx.paths) {
    if (!path.startsWith(log.prefix)) continue;
    const match = IMAGE.exec(path.slice(log.prefix.length));
    if (!match) continue;
    const list = images.get(match[1]!) ?? [];
    list.push({ path, timestampNs: BigInt(match[2]!) });
    images.set(match[1]!, list);
  }
  if (images.size === 0) return [];

  const intrinsicsPath = `${log.prefix}calibration/intrinsics.feather`;
  const posesPath = `${log.prefix}calibration/egovehicle_SE3_sensor.feather`;
  const calibration = [intrinsicsPath, posesPath].filter((path) => ctx.has(path));
  ctx.plan(calibration.length);
  for (const path of [intrinsicsPath, posesPath].filter((p) => !ctx.has(p))) {
    const file = path.slice(log.prefix.length);
    ctx.problem(path, 'argoverse2.calib.missing', `${file} is missing: the cameras were left out`, undefined, { file }); // prettier-ignore
  }
  if (calibration.length < 2) return [];
  const intrinsics = await readLogTable(ctx, intrinsicsPath, readIntrinsics);
  const poses = await readLogTable(ctx, posesPath, readSensorPoses);
  if (!intrinsics || !poses) return [];

  const names = [...new Set([...images.keys(), ...intrinsics.keys()])];
  names.sort((a, b) => cameraRank(a) - cameraRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const cameras: Av2Camera[] = [];
  for (const name of names) {
    const files = images.get(name);
    const k = intrinsics.get(name);
    const egoFromCamera = poses.get(name);
    if (!files) {
      // Only cameras (rows of the intrinsics): the pose table lists the LiDARs too.
      ctx.problem(intrinsicsPath, 'argoverse2.camera.no-images', `no images in sensors/cameras/${name}/: camera left out`, undefined, { camera: name }); // prettier-ignore
      continue;
    }
    if (!k || !egoFromCamera) {
      const missing = !k ? intrinsicsPath : posesPath;
      ctx.problem(missing, 'argoverse2.camera.no-calib', `no row for ${name}: camera left out`, undefined, { camera: name }); // prettier-ignore
      continue;
    }
    cameras.push({
      sensor: {
        id: name,
        name,
        cameraFromEgo: invertRigid(egoFromCamera),
        intrinsics: { fx: k.fx, fy: k.fy, cx: k.cx, cy: k.cy, skew: 0 },
        width: k.width,
        height: k.height,
        distortion: { model: 'none' },
      },
      images: files.sort(byTime),
    });
  }
  return cameras;
}
