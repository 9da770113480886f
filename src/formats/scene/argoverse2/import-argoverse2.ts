import { identity } from '../../../core/math/mat4';
import { rotationFromQuaternion } from '../../../core/math/quaternion';
import { uprightBox } from '../../../core/geometry/upright-box';
import type { Frame, LidarSensor, Scene, SensorSample } from '../../../core/model/scene';
import type { ImportContext } from '../import-context';
import type { SceneBase } from '../scene-base';
import { readArgoverse2Cameras, type Av2Camera } from './argoverse2-cameras';
import { readAnnotations, readCityPoses, readLogTable, usFromNs, type Av2Annotation } from './argoverse2-tables';
import { chooseArgoverse2Log, type Av2Log } from './list-argoverse2-logs';
import { nearestByTime } from './nearest-by-time';

/**
 * AV2 sweeps hold the points of both stacked LiDARs (up_lidar, down_lidar) already carried into the ego frame
 * and motion-compensated to the sweep's time (the devkit's Sweep: "the sweep is in the ego reference frame"),
 * so the one LiDAR of the scene is the ego frame itself: `egoFromLidar` is the identity.
 */
const LIDAR: LidarSensor = { id: 'lidar', name: 'up_lidar + down_lidar', egoFromLidar: identity() };

/**
 * The devkit pairs a sweep with a camera's nearest image only within half a frame of its 20 Hz cameras
 * (25 ms); farther, the sweep has no image of that camera.
 */
const CAMERA_LIMIT_NS = 25_000_000n;

/**
 * One log of the Argoverse 2 sensor dataset (`ctx.options.scene` picks it; see `listArgoverse2Logs`): one frame
 * per sweep `sensors/lidar/<timestamp_ns>.feather` at its file name's time (ns → µs; the ns kept as the frame's
 * `externalId`); each camera's nearest image; `worldFromEgo` from `city_SE3_egovehicle.feather` at the sweep's
 * exact time (else the nearest, with a problem); `annotations.feather` as one track per `track_uuid` with a
 * keyframe box on the frame of its `timestamp_ns` (centre, [length, width, height], Z-Y-X angles of its
 * quaternion; all in that sweep's ego frame, as Frustum keeps them).
 */
export async function importArgoverse2(ctx: ImportContext, base: SceneBase): Promise<Scene> {
  const log = chooseArgoverse2Log(ctx);
  const cameras = await readArgoverse2Cameras(ctx, log);
  const posesPath = `${log.prefix}city_SE3_egovehicle.feather`;
  const labelsPath = `${log.prefix}annotations.feather`;
  ctx.plan([posesPath, labelsPath].filter((p) => ctx.has(p)).length);

  const frames = log.sweeps.map((sweep, index): Frame => {
    const timestampUs = usFromNs(sweep.timestampNs);
    return {
      index,
      timestampUs,
      externalId: String(sweep.timestampNs),
      lidar: [{ sensorId: LIDAR.id, timestampUs, uri: sweep.path }],
      cameras: [],
    };
  });
  pairImages(ctx, log, frames, cameras);
  await addPoses(ctx, log, frames, posesPath);
  if (ctx.has(labelsPath)) {
    const rows = await readLogTable(ctx, labelsPath, readAnnotations);
    if (rows) addLabels(ctx, base, log, rows, labelsPath);
  }
  return base.scene({
    ...(log.id ? { name: log.id } : {}),
    lidars: [LIDAR],
    cameras: cameras.map((c) => c.sensor),
    frames,
  });
}

/** Each frame gets each camera's nearest image within the devkit's limit; a camera short of some is reported. */
function pairImages(ctx: ImportContext, log: Av2Log, frames: Frame[], cameras: Av2Camera[]): void {
  for (const { sensor, images } of cameras) {
    let without = 0;
    for (const [i, sweep] of log.sweeps.entries()) {
      const image = nearestByTime(images, sweep.timestampNs);
      const gap = image ? image.timestampNs - sweep.timestampNs : 0n;
      if (!image || gap > CAMERA_LIMIT_NS || -gap > CAMERA_LIMIT_NS) {
        without++;
        continue;
      }
      const sample: SensorSample = { sensorId: sensor.id, timestampUs: usFromNs(image.timestampNs), uri: image.path };
      frames[i]!.cameras.push(sample);
    }
    if (without > 0) {
      const folder = `${log.prefix}sensors/cameras/${sensor.id}/`;
      ctx.problem(folder, 'argoverse2.camera.gap', `${without} sweeps have no image of ${sensor.id} within 25 ms`, undefined, { camera: sensor.id, frames: without }); // prettier-ignore
    }
  }
}

/** `worldFromEgo` of every frame: the pose at the sweep's exact time, else the nearest (counted in one problem). */
async function addPoses(ctx: ImportContext, log: Av2Log, frames: Frame[], path: string): Promise<void> {
  if (!ctx.has(path)) {
    const file = path.slice(log.prefix.length);
    ctx.problem(path, 'argoverse2.poses.missing', `${file} is missing: the frames have no world pose`, undefined, { file }); // prettier-ignore
    return;
  }
  const poses = await readLogTable(ctx, path, readCityPoses);
  if (!poses || poses.length === 0) return;
  let inexact = 0;
  for (const [i, sweep] of log.sweeps.entries()) {
    const pose = nearestByTime(poses, sweep.timestampNs)!;
    if (pose.timestampNs !== sweep.timestampNs) inexact++;
    frames[i]!.worldFromEgo = pose.worldFromEgo;
  }
  if (inexact > 0) {
    ctx.problem(path, 'argoverse2.pose.inexact', `${inexact} sweeps have no pose at their exact time: the nearest was used`, undefined, { frames: inexact }); // prettier-ignore
  }
}

/** The annotation rows as tracks (by `track_uuid`) and keyframe boxes; rows that cannot be placed are counted. */
function addLabels(ctx: ImportContext, base: SceneBase, log: Av2Log, rows: Av2Annotation[], path: string): void {
  const frameOf = new Map(log.sweeps.map((s, i) => [s.timestampNs, i]));
  const labels = base.labels('argoverse2');
  let noSweep = 0;
  let malformed = 0;
  for (const row of rows) {
    const frameIndex = frameOf.get(row.timestampNs);
    if (frameIndex === undefined) {
      noSweep++;
      continue;
    }
    const rotation = boxRotation(row);
    if (!rotation) {
      malformed++;
      continue;
    }
    const box = { objectKey: row.trackUuid, className: row.category, frameIndex, position: row.centre };
    labels.add({ ...box, ...uprightBox(rotation, row.size) }, path);
  }
  if (noSweep > 0) {
    ctx.problem(path, 'argoverse2.label.no-sweep', `${noSweep} boxes at times without a sweep were left out`, undefined, { boxes: noSweep }); // prettier-ignore
  }
  if (malformed > 0) {
    ctx.problem(path, 'argoverse2.box.malformed', `${malformed} boxes without a finite centre, a size above zero or a rotation were left out`, undefined, { boxes: malformed }); // prettier-ignore
  }
}

/** The box's rotation, or undefined for a row without a finite centre, a size above zero or a usable quaternion. */
function boxRotation(row: Av2Annotation): number[] | undefined {
  if (![...row.centre, ...row.size].every(Number.isFinite) || !row.size.every((v) => v > 0)) return undefined;
  try {
    return rotationFromQuaternion(row.quaternion);
  } catch {
    return undefined;
  }
}
