import { multiply } from '../../core/math/mat4';
import type { CameraSensor, Frame, LidarSensor, Scene } from '../../core/model/scene';
import { readSustechCameraCalib } from '../calibration/sustech-camera-calib';
import { boxInEgo, rotationFromEulerXyz } from '../labels/rotation-zyx';
import { readSustechLabels } from '../labels/sustech-labels';
import type { ImportContext } from './import-context';
import { NOMINAL_FRAME_PERIOD_US } from './nominal-frame-period';
import { stemOf } from './nearest-sample';
import type { SceneBase } from './scene-base';

/**
 * SUSTechPOINTS LiDAR is x left, y back, z up (its front camera looks along −y, its right along −x), so the ego's
 * x (forward) is −y and its y (left) is +x: a quarter turn of +90° about z. Its inverse is the transpose.
 */
const EGO_FROM_LIDAR = [0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const LIDAR_FROM_EGO = [0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const LIDAR: LidarSensor = { id: 'lidar', name: 'lidar', egoFromLidar: EGO_FROM_LIDAR };

/**
 * A SUSTechPOINTS scene: `lidar/<frame>.pcd`, `camera/<name>/<frame>.jpg`, `calib/camera/<name>.json`,
 * `label/<frame>.json`. There are no timestamps or poses: frame names are sequence numbers, so a frame is
 * placed at (number − first number) × 100 ms, keeping the uneven spacing (or at index × 100 ms where a name
 * is not a number). Images are matched by frame name; a frame without images has no camera samples. Boxes
 * (centre, scale, three.js "XYZ" Euler angles in the LiDAR frame) become exact ego-frame Z-Y-X poses; one
 * track per `obj_id`.
 */
export async function importSustechpoints(ctx: ImportContext, base: SceneBase): Promise<Scene> {
  const sweeps = ctx.under(/^lidar\/[^/]+\.pcd$/);
  const stems = sweeps.map(stemOf);
  const numeric = stems.every((s) => /^\d+$/.test(s));
  const times = stems.map((s, i) => (numeric ? Number(s) - Number(stems[0]) : i) * NOMINAL_FRAME_PERIOD_US);
  const calibPaths = ctx.under(/^calib\/camera\/[^/]+\.json$/);
  const labelPaths = ctx.under(/^label\/[^/]+\.json$/);
  ctx.plan(calibPaths.length * 2 + labelPaths.length);

  const cameras: CameraSensor[] = [];
  const images = new Map<string, Map<string, string>>();
  const imageNames = new Set(ctx.under(/^camera\/[^/]+\/[^/]+\.(jpe?g|png)$/i).map((p) => p.split('/').at(-2)!));
  for (const calibPath of calibPaths) {
    const name = stemOf(calibPath);
    imageNames.delete(name);
    const files = new Map(
      ctx.under(new RegExp(`^camera/${name}/[^/]+\\.(jpe?g|png)$`, 'i')).map((p) => [stemOf(p), p]),
    );
    const calib = await ctx.parseText(calibPath, (text) => readSustechCameraCalib(text, calibPath));
    const first = [...files.values()][0];
    if (!calib) continue;
    if (!first) {
      ctx.problem(calibPath, 'sustech.camera.no-images', `no images in camera/${name}/: camera left out`, undefined, { camera: name }); // prettier-ignore
      continue;
    }
    const size = await ctx.readImageSize(first);
    if (!size) continue;
    cameras.push({
      id: name,
      name,
      cameraFromEgo: multiply(calib.cameraFromLidar, LIDAR_FROM_EGO),
      intrinsics: calib.intrinsics,
      ...size,
      distortion: { model: 'none' },
    });
    images.set(name, files);
  }
  for (const name of imageNames)
    ctx.problem(
      `${ctx.root}camera/${name}/`,
      'sustech.camera.no-calib',
      `no calib/camera/${name}.json: camera left out`,
      undefined,
      { camera: name },
    );

  const frames = sweeps.map((uri, index): Frame => {
    const timestampUs = times[index]!;
    const samples = cameras.flatMap((c) => {
      const path = images.get(c.id)?.get(stems[index]!);
      return path ? [{ sensorId: c.id, timestampUs, uri: path }] : [];
    });
    return { index, timestampUs, lidar: [{ sensorId: LIDAR.id, timestampUs, uri }], cameras: samples };
  });

  const frameOf = new Map(stems.map((s, i) => [s, i]));
  const labels = base.labels('sustech');
  for (const path of labelPaths) {
    const frameIndex = frameOf.get(stemOf(path));
    const objects = await ctx.parseText(path, (text) => readSustechLabels(text, path));
    if (frameIndex === undefined)
      ctx.problem(path, 'sustech.label.no-sweep', 'no LiDAR sweep of this frame: its boxes were left out');
    if (!objects || frameIndex === undefined) continue;
    for (const o of objects) {
      const pose = boxInEgo(EGO_FROM_LIDAR, o.position, rotationFromEulerXyz(...o.rotation), o.scale);
      labels.add({ objectKey: o.objId, className: o.objType, frameIndex, ...pose }, path);
    }
  }
  return base.scene({ lidars: [LIDAR], cameras, frames });
}
