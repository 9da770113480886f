import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { invertRigid, multiply, transformPoint, type Vec3 } from '../../../../src/core/math/mat4';
import { quaternionFromRotation, rotationOf } from '../../../../src/core/math/quaternion';
import { readPointCloudFile } from '../../../../src/formats/pointcloud/read-point-cloud-file';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { createMemoryFiles } from '../../../../src/formats/scene/scene-files';
import { buildNuscenesTree } from '../../../fixtures/nuscenes-tree';
import { importShared, readSharedJson, SHARED_DATA } from './scene-test-helpers';

const FOLDER = 'nuscenes-sample';
const MINI = 'v1.0-mini';
type Rows = number[][];
type Row = Record<string, unknown>;
interface SampleJson {
  timestamp_s: number;
  lidar: { path: string; lidar2ego: Rows };
  ego2global: Rows;
  cameras: Record<string, { path: string; timestamp_s: number; cam2ego: Rows }>;
  boxes_lidar: { category: string; center: Vec3; size_lwh: Vec3; yaw: number; valid: boolean }[];
}
const info = readSharedJson<SampleJson>(`${FOLDER}/derived/sample_calib_and_boxes.json`);
const real = (path: string) => new Uint8Array(readFileSync(`${SHARED_DATA}${FOLDER}/${path}`));

/** A 4×4 as nuScenes keeps it: translation and quaternion [w, x, y, z]. */
const asPose = (m: number[]) => ({ translation: [m[3]!, m[7]!, m[11]!], rotation: quaternionFromRotation(rotationOf(m)) }); // prettier-ignore
/** The rigid 4×4 of a nuScenes pose, written here apart from the importer. */
function fromPose({ translation: t, rotation: [w, x, y, z] }: { translation: number[]; rotation: number[] }): number[] {
  return [1 - 2 * (y! * y! + z! * z!), 2 * (x! * y! - w! * z!), 2 * (x! * z! + w! * y!), t[0]!, 2 * (x! * y! + w! * z!), 1 - 2 * (x! * x! + z! * z!), 2 * (y! * z! - w! * x!), t[1]!, 2 * (x! * z! - w! * y!), 2 * (y! * z! + w! * x!), 1 - 2 * (x! * x! + y! * y!), t[2]!, 0, 0, 0, 1]; // prettier-ignore
}

/**
 * A one-sample tree whose files are the shared sample's real sweep and six images, and whose tables hold the
 * sample's real calibration, ego pose and boxes (those the sample's JSON keeps, carried into the global frame
 * as nuScenes keeps boxes). Image sizes are left to the JPEG headers.
 */
function realTree(): { entries: Record<string, Uint8Array>; egoFromLidar: number[]; worldFromEgo: number[] } {
  const cameras = Object.keys(info.cameras);
  const entries = buildNuscenesTree({ scenes: 1, samplesPerScene: 1, sweepsPerSample: 0, cameras, boxesPerSample: 0, version: MINI }); // prettier-ignore
  const text = (t: string) => JSON.parse(new TextDecoder().decode(entries[`${MINI}/${t}.json`])) as Row[];
  const put = (t: string, rows: Row[]) =>
    (entries[`${MINI}/${t}.json`] = new TextEncoder().encode(JSON.stringify(rows)));
  const time = Math.round(info.timestamp_s * 1e6);
  const lidarPose = asPose(info.lidar.lidar2ego.flat());
  const egoPose = asPose(info.ego2global.flat());
  const calibrations = new Map(text('calibrated_sensor').map((c) => [c['token'], c]));
  const data = text('sample_data').map((d) => {
    const channel = String(d['filename']).split('/')[1]!;
    if (channel === 'RADAR_FRONT') return d;
    delete entries[d['filename'] as string];
    const camera = info.cameras[channel];
    const filename = camera ? camera.path : info.lidar.path;
    entries[filename] = real(filename);
    const calibration = calibrations.get(d['calibrated_sensor_token'])!;
    Object.assign(calibration, camera ? asPose(camera.cam2ego.flat()) : lidarPose);
    return { ...d, filename, width: 0, height: 0, timestamp: camera ? Math.round(camera.timestamp_s * 1e6) : time };
  });
  const lidar = data.find((d) => String(d['filename']).includes('LIDAR_TOP'))!;
  const sample: Row = { ...text('sample')[0]!, timestamp: time };
  const egoFromLidar = fromPose(lidarPose);
  const worldFromEgo = fromPose(egoPose);
  const worldFromLidar = multiply(worldFromEgo, egoFromLidar);
  const categories = [...new Set(info.boxes_lidar.map((b) => b.category))];
  const valid = info.boxes_lidar.filter((b) => b.valid);
  const token = (kind: number, i: number) => `${kind}`.padStart(8, '0') + `${i}`.padStart(24, '0');
  put('sample', [sample]);
  put('sample_data', data);
  put('calibrated_sensor', [...calibrations.values()]);
  put('ego_pose', [{ token: lidar['ego_pose_token'], timestamp: time, ...egoPose }]);
  put(
    'category',
    categories.map((name, i) => ({ token: token(1, i), name, description: '', index: i })),
  );
  put('instance', valid.map((b, i) => ({ token: token(2, i), category_token: token(1, categories.indexOf(b.category)), nbr_annotations: 1, first_annotation_token: token(3, i), last_annotation_token: token(3, i) }))); // prettier-ignore
  put('sample_annotation', valid.map((b, i) => {
    const [c, s] = [Math.cos(b.yaw), Math.sin(b.yaw)];
    const boxInLidar = [c, -s, 0, b.center[0], s, c, 0, b.center[1], 0, 0, 1, b.center[2], 0, 0, 0, 1];
    const global = asPose(multiply(worldFromLidar, boxInLidar));
    const [l, w, h] = b.size_lwh;
    return { token: token(3, i), sample_token: sample['token'], instance_token: token(2, i), attribute_tokens: [], visibility_token: '4', ...global, size: [w, l, h], prev: '', next: '', num_lidar_pts: 1, num_radar_pts: 0 }; // prettier-ignore
  })); // prettier-ignore
  return { entries, egoFromLidar, worldFromEgo };
}

describe('nuScenes v1.0 tables over the shared sample’s real files and calibration', () => {
  it('agrees with the derived/ importer of the same sample: sweep, poses, cameras and boxes', async () => {
    const { entries, egoFromLidar } = realTree();
    const imported = await importScene(createMemoryFiles('real-tree', entries));
    const derived = await importShared(FOLDER);
    expect(imported.problems.filter((p) => p.code !== 'labels.class.unknown')).toEqual([]);
    const [frame] = imported.scene.frames;
    expect(imported.scene.frames).toHaveLength(1);
    expect(frame!.lidar[0]!.uri).toBe(info.lidar.path);
    // The real sweep decodes as nuScenes' 20-byte records through the layout the import names.
    const layout = imported.lidarLayouts!['LIDAR_TOP']!;
    expect(readPointCloudFile(entries[info.lidar.path]!, info.lidar.path, { layout }).count).toBe(34_688);
    // Calibration and pose as the sample's matrices (those are float32, so within their rounding).
    imported.scene.lidars[0]!.egoFromLidar.forEach((v, i) => expect(Math.abs(v - info.lidar.lidar2ego.flat()[i]!)).toBeLessThan(1e-6)); // prettier-ignore
    frame!.worldFromEgo!.forEach((v, i) => expect(Math.abs(v - info.ego2global.flat()[i]!)).toBeLessThan(1e-6));
    // In the devkit's ring order, sized from the real JPEG headers.
    expect(imported.scene.cameras.map((c) => [c.id, c.width, c.height])).toEqual(['CAM_FRONT', 'CAM_FRONT_RIGHT', 'CAM_BACK_RIGHT', 'CAM_BACK', 'CAM_BACK_LEFT', 'CAM_FRONT_LEFT'].map((id) => [id, 1600, 900])); // prettier-ignore
    for (const camera of imported.scene.cameras) {
      const expected = invertRigid(info.cameras[camera.id]!.cam2ego.flat());
      camera.cameraFromEgo.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-6));
      expect(frame!.cameras.find((s) => s.sensorId === camera.id)!.uri).toBe(info.cameras[camera.id]!.path);
    }
    // Every box where the derived importer puts it (LiDAR frame → ego by the matrix) to its float32 rounding,
    // and exactly where the pose written into the tables puts it.
    expect(imported.cuboids).toHaveLength(derived.cuboids.length);
    const valid = info.boxes_lidar.filter((b) => b.valid);
    imported.cuboids.forEach((box, i) => {
      const theirs = derived.cuboids[i]!;
      box.position.forEach((v, k) => expect(Math.abs(v - theirs.position[k]!)).toBeLessThan(1e-4));
      transformPoint(egoFromLidar, valid[i]!.center).forEach((v, k) => expect(Math.abs(v - box.position[k]!)).toBeLessThan(1e-6)); // prettier-ignore
      box.size.forEach((v, k) => expect(v).toBeCloseTo(theirs.size[k]!, 12));
      expect(Math.abs(Math.atan2(Math.sin(box.yaw - theirs.yaw), Math.cos(box.yaw - theirs.yaw)))).toBeLessThan(1e-5);
      expect(imported.tracks.find((t) => t.id === box.trackId)!.classId).toBe(derived.tracks.find((t) => t.id === theirs.trackId)!.classId); // prettier-ignore
    });
  });
});
