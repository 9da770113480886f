import { multiply } from '../../core/math/mat4';
import type { CameraSensor, Frame, LidarSensor, Scene, SensorSample } from '../../core/model/scene';
import { invertAffine } from '../calibration/invert-affine';
import { readNuscenesBoxes } from '../labels/nuscenes-boxes';
import { boxInEgo, rotationAboutZ } from '../labels/rotation-zyx';
import type { ImportContext } from './import-context';
import { findNearest, type TimedFile } from './nearest-sample';
import { readNuscenesSampleInfo, type NuscenesCameraInfo, type NuscenesSampleInfo } from './nuscenes-sample-info';
import type { SceneBase } from './scene-base';

const INFO = 'derived/sample_calib_and_boxes.json';
/** nuScenes file names end in `__<µs since the epoch>.<ext>`. */
const NAME_TIME = /__(\d+)\.[^/]+$/;
/** LIDAR_TOP is x right, y forward, z up: without a calibration, a turn of −90° about z gives x forward, y left. */
const UNCALIBRATED_EGO_FROM_LIDAR = [0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

/**
 * A nuScenes-style sample: `samples/LIDAR_TOP/*.pcd.bin`, `samples/CAM_<name>/<time>.jpg` and the calibration
 * and boxes of `derived/sample_calib_and_boxes.json`. `egoFromLidar = lidar2ego`; `cameraFromEgo = lidar2cam ·
 * lidarFromEgo` (mmdet3d's lidar2cam holds the ego motion between sweep and image, so this is right for the
 * sample's own frame; the static `cam2ego` is not read). The frame of the JSON's sweep gets `worldFromEgo =
 * ego2global` and its boxes (centre and yaw about LiDAR z, carried exactly into ego). Each sweep is a frame
 * (timed by its file name) with each camera's image nearest in time. Boxes that mmdet3d flagged
 * `valid: false` hold no LiDAR or radar point and are left out (3 of the sample's 69).
 */
export async function importNuscenesSample(ctx: ImportContext, base: SceneBase): Promise<Scene> {
  const infoPath = ctx.root + INFO;
  ctx.plan(1);
  const info = await ctx.parseText(infoPath, (text) => readNuscenesSampleInfo(text, infoPath));
  const infoSweep = info && ctx.root + info.lidarPath;
  const sweeps = timed(ctx.under(/^samples\/LIDAR_TOP\/[^/]+\.pcd\.bin$/), infoSweep, info?.timestampUs);
  const egoFromLidar = info?.egoFromLidar ?? UNCALIBRATED_EGO_FROM_LIDAR;
  const lidar: LidarSensor = { id: 'LIDAR_TOP', name: 'LIDAR_TOP', egoFromLidar };
  const cameras: CameraSensor[] = [];
  const images = new Map<string, TimedFile[]>();
  for (const cam of info?.cameras ?? []) {
    const pattern = new RegExp(`^samples/${cam.name}/[^/]+\\.(jpg|jpeg|png)$`, 'i');
    const files = timed(ctx.under(pattern), ctx.root + cam.path, cam.timestampUs);
    const camera = await createCamera(ctx, cam, files, invertAffine(egoFromLidar));
    if (!camera) continue;
    cameras.push(camera);
    images.set(cam.name, files);
  }
  const frames = sweeps.map((sweep, index): Frame => {
    const samples = cameras.flatMap((c): SensorSample[] => {
      const image = findNearest(images.get(c.id) ?? [], sweep.timestampUs);
      return image ? [{ sensorId: c.id, timestampUs: image.timestampUs, uri: image.path }] : [];
    });
    return {
      index,
      timestampUs: sweep.timestampUs,
      ...(info && sweep.path === infoSweep ? { worldFromEgo: info.worldFromEgo } : {}),
      lidar: [{ sensorId: lidar.id, timestampUs: sweep.timestampUs, uri: sweep.path }],
      cameras: samples,
    };
  });
  if (info) addBoxes(ctx, base, info, infoPath, frames);
  return base.scene({ lidars: [lidar], cameras, frames });
}

/** The camera, sized from its sample image's header (else from the JSON), or undefined without an image. */
async function createCamera(
  ctx: ImportContext,
  cam: NuscenesCameraInfo,
  files: TimedFile[],
  lidarFromEgo: number[],
): Promise<CameraSensor | undefined> {
  const first = files.find((f) => f.path === ctx.root + cam.path) ?? files[0];
  if (!first) return undefined;
  ctx.plan(1);
  const declared = cam.width && cam.height ? { width: cam.width, height: cam.height } : undefined;
  const size = (await ctx.readImageSize(first.path)) ?? declared;
  if (!size) return undefined;
  const k = cam.intrinsic;
  return {
    id: cam.name,
    name: cam.name,
    cameraFromEgo: multiply(cam.cameraFromLidar, lidarFromEgo),
    intrinsics: { fx: k[0]!, skew: k[1]!, cx: k[2]!, fy: k[4]!, cy: k[5]! },
    ...size,
    distortion: { model: 'none' },
  };
}

function addBoxes(ctx: ImportContext, base: SceneBase, info: NuscenesSampleInfo, path: string, frames: Frame[]): void {
  const boxes = ctx.parse(path, () => readNuscenesBoxes(info.boxes, path));
  const frame = frames.find((f) => f.lidar[0]?.uri === ctx.root + info.lidarPath);
  if (!boxes || boxes.length === 0) return;
  if (!frame) {
    ctx.problem(
      path,
      'nuscenes.sweep.missing',
      `its sweep ${info.lidarPath} is not in the folder: ${boxes.length} boxes left out`,
      undefined,
      { sweep: info.lidarPath, boxes: boxes.length },
    );
    return;
  }
  const labels = base.labels('nuscenes');
  for (const box of boxes.filter((b) => b.valid)) {
    const pose = boxInEgo(info.egoFromLidar, box.center, rotationAboutZ(box.yaw), box.sizeLwh);
    labels.add({ objectKey: box.instanceToken, className: box.category, frameIndex: frame.index, ...pose }, path);
  }
}

/** Files with their time from the name (else `knownTime` for `knownPath`, else 0), sorted by time. */
function timed(paths: string[], knownPath: string | undefined, knownTime: number | undefined): TimedFile[] {
  return paths
    .map((path) => {
      const fromName = NAME_TIME.exec(path)?.[1];
      const timestampUs = fromName ? Number(fromName) : path === knownPath && knownTime !== undefined ? knownTime : 0;
      return { path, timestampUs };
    })
    .sort((a, b) => a.timestampUs - b.timestampUs || (a.path < b.path ? -1 : 1));
}
