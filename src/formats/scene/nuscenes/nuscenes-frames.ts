import type { CameraSensor, Frame, SensorSample } from '../../../core/model/scene';
import type { ImportContext } from '../import-context';
import { findNearest, type TimedFile } from '../nearest-sample';
import { NUSCENES_LIDAR, poseMatrix, type Reading } from './nuscenes-sensors';
import type { EgoPoseRow, SampleRow } from './nuscenes-tables';

/** A LiDAR sample_data row that becomes a frame: the keyframe of a sample, or a sweep between two. */
export interface FrameCandidate {
  lidar: Reading;
  /** The sample of a keyframe; undefined for a sweep. */
  sample: SampleRow | undefined;
}

/**
 * The LiDAR rows that make the frames: each sample's LIDAR_TOP keyframe (a sample without one is reported and
 * left out) and, with `sweeps`, every LIDAR_TOP row between keyframes (a sweep's sample_token is the sample
 * after it, so the scene's rows hold them all). Rows whose file is not in the folder are reported and left out.
 */
export function frameCandidates(
  ctx: ImportContext,
  samples: readonly SampleRow[],
  readings: readonly Reading[],
  sweeps: boolean,
  sampleDataPath: string,
): FrameCandidate[] {
  const lidar = readings.filter((r) => r.channel === NUSCENES_LIDAR);
  const keyframes = new Map<string, Reading>();
  for (const r of lidar) if (r.is_key_frame && !keyframes.has(r.sample_token)) keyframes.set(r.sample_token, r);
  const out: FrameCandidate[] = [];
  for (const sample of samples) {
    const key = keyframes.get(sample.token);
    if (key) out.push({ lidar: key, sample });
    else ctx.problem(sampleDataPath, 'nuscenes.sample.no-lidar', `sample ${sample.token} has no ${NUSCENES_LIDAR} keyframe: left out with its boxes`, undefined, { sample: sample.token }); // prettier-ignore
  }
  if (sweeps) for (const r of lidar) if (!r.is_key_frame) out.push({ lidar: r, sample: undefined });
  return out.filter(({ lidar, sample }) => {
    if (ctx.has(ctx.root + lidar.filename)) return true;
    const boxes = sample ? ' with its boxes' : '';
    ctx.problem(ctx.root + lidar.filename, 'nuscenes.lidar.missing', `listed in sample_data but not in the folder: its frame was left out${boxes}`); // prettier-ignore
    return false;
  });
}

/**
 * The frames in time order (a keyframe before a sweep of the same time), each posed by its LiDAR row's ego pose
 * (a frame whose pose is missing is reported and left out). A keyframe has its sample's own camera images
 * (`is_key_frame` rows of that sample); a sweep the image of each camera nearest in time, key or not. An image
 * not in the folder is left out of its frame: reported on a keyframe; on a sweep the nearest image present is taken.
 */
export function nuscenesFrames(
  ctx: ImportContext,
  candidates: readonly FrameCandidate[],
  readings: readonly Reading[],
  cameras: readonly CameraSensor[],
  poses: readonly EgoPoseRow[],
  egoPosePath: string,
): Frame[] {
  const poseBy = new Map(poses.map((p) => [p.token, p]));
  const cameraIds = new Set(cameras.map((c) => c.id));
  const images = new Map<string, TimedFile[]>();
  const keyImages = new Map<string, Reading>();
  for (const r of readings) {
    if (!cameraIds.has(r.channel)) continue;
    if (r.is_key_frame && !keyImages.has(`${r.sample_token}/${r.channel}`)) keyImages.set(`${r.sample_token}/${r.channel}`, r); // prettier-ignore
    const path = ctx.root + r.filename;
    if (!ctx.has(path)) continue;
    if (!images.has(r.channel)) images.set(r.channel, []);
    images.get(r.channel)!.push({ path, timestampUs: r.timestamp });
  }
  const sorted = [...candidates].sort(
    (a, b) => a.lidar.timestamp - b.lidar.timestamp || Number(!a.sample) - Number(!b.sample),
  );
  const frames: Frame[] = [];
  for (const { lidar, sample } of sorted) {
    const pose = poseBy.get(lidar.ego_pose_token);
    if (!pose) {
      ctx.problem(egoPosePath, 'nuscenes.reference.missing', `no ego pose ${lidar.ego_pose_token} for ${lidar.filename}: its frame was left out`, undefined, { table: 'ego_pose.json', token: lidar.ego_pose_token }); // prettier-ignore
      continue;
    }
    const samples: SensorSample[] = [];
    for (const camera of cameras) {
      if (!sample) {
        const image = findNearest(images.get(camera.id) ?? [], lidar.timestamp);
        if (image) samples.push({ sensorId: camera.id, timestampUs: image.timestampUs, uri: image.path });
        continue;
      }
      const image = keyImages.get(`${sample.token}/${camera.id}`);
      if (!image) continue;
      if (!ctx.has(ctx.root + image.filename)) {
        ctx.problem(ctx.root + image.filename, 'nuscenes.image.missing', 'listed in sample_data but not in the folder: left out of its frame'); // prettier-ignore
        continue;
      }
      samples.push({ sensorId: camera.id, timestampUs: image.timestamp, uri: ctx.root + image.filename });
    }
    frames.push({
      index: frames.length,
      timestampUs: lidar.timestamp,
      keyframe: sample !== undefined,
      externalId: sample ? sample.token : lidar.token,
      worldFromEgo: poseMatrix(pose.translation, pose.rotation),
      lidar: [{ sensorId: NUSCENES_LIDAR, timestampUs: lidar.timestamp, uri: ctx.root + lidar.filename }],
      cameras: samples,
    });
  }
  return frames;
}
