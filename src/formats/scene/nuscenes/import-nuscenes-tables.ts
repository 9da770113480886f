import type { Frame, Scene } from '../../../core/model/scene';
import { CodedError } from '../../problems/coded-error';
import type { ImportContext } from '../import-context';
import type { SceneBase } from '../scene-base';
import { chooseNuscenesScene } from './list-nuscenes-scenes';
import { addNuscenesAnnotations } from './nuscenes-annotations';
import { frameCandidates, nuscenesFrames } from './nuscenes-frames';
import { joinReadings, NUSCENES_LIDAR, nuscenesSensors } from './nuscenes-sensors';
import {
  NuscenesTables,
  rowsWith,
  type CalibratedSensorRow,
  type EgoPoseRow,
  type SampleDataRow,
  type SampleRow,
  type SensorRow,
} from './nuscenes-tables';

/**
 * One scene of a nuScenes download (`v1.0-<split>/` tables beside `samples/` and `sweeps/`): the one
 * `options.scene` names, else the first by split and name. Its LIDAR_TOP keyframes (the samples, 2 Hz) are the
 * frames (`keyframe: true`, `externalId` = the sample token) and, with `options.sweeps`, the LiDAR sweeps
 * between them too (`keyframe: false`, `externalId` = their sample_data token), in time order, each posed by
 * its own ego pose, with the six cameras' images; the boxes become tracks and keyframe cuboids.
 *
 * A full split's tables are hundreds of megabytes: each is read once, and only the rows of this scene are
 * parsed (`readJsonRows` filters by the keys that lead from the scene to them: sample by scene_token,
 * sample_data and sample_annotation by sample_token, calibrated_sensor, ego_pose and instance by token).
 */
export async function importNuscenesTables(ctx: ImportContext, base: SceneBase): Promise<Scene> {
  const { version, row: sceneRow } = await chooseNuscenesScene(ctx);
  const tables = new NuscenesTables(ctx, version);
  const samples = (await tables.read<SampleRow>('sample', rowsWith('scene_token', [sceneRow.token]))).sort(
    (a, b) => a.timestamp - b.timestamp,
  );
  const sampleTokens = samples.map((s) => s.token);
  const sampleData = await tables.read<SampleDataRow>('sample_data', rowsWith('sample_token', sampleTokens));
  const calibrationTokens = sampleData.map((r) => r.calibrated_sensor_token);
  const calibrations = await tables.read<CalibratedSensorRow>('calibrated_sensor', rowsWith('token', calibrationTokens)); // prettier-ignore
  const sensorRows = await tables.read<SensorRow>('sensor');
  const readings = joinReadings(ctx, tables.path('sample_data'), sampleData, calibrations, sensorRows);
  const candidates = frameCandidates(ctx, samples, readings, ctx.options.sweeps === true, tables.path('sample_data'));
  const poseTokens = candidates.map((c) => c.lidar.ego_pose_token);
  const poses = await tables.read<EgoPoseRow>('ego_pose', rowsWith('token', poseTokens));
  const { lidar, cameras } = await nuscenesSensors(ctx, readings, tables.path('calibrated_sensor'));
  const frames = lidar ? nuscenesFrames(ctx, candidates, readings, cameras, poses, tables.path('ego_pose')) : [];
  if (!lidar || frames.length === 0) {
    const reason = ctx.problems.at(-1)?.message ?? `no ${NUSCENES_LIDAR} rows in sample_data`;
    throw new CodedError('nuscenes.scene.no-frames', `${ctx.files.name}: scene ${sceneRow.name} has no LiDAR frame to import (${reason})`, { scene: sceneRow.name }); // prettier-ignore
  }
  const keyframes = new Map<string, Frame>();
  for (const frame of frames) if (frame.keyframe) keyframes.set(frame.externalId!, frame);
  await addNuscenesAnnotations(tables, base, sampleTokens, keyframes);
  // The file names end in `.pcd.bin`, which is not PCD: say the record layout rather than leave it to the name.
  base.lidarLayouts[NUSCENES_LIDAR] = 'nuscenes';
  return base.scene({ name: sceneRow.name, lidars: [lidar], cameras, frames });
}
