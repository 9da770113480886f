import { describe, expect, it } from 'vitest';
import { createNodeFiles } from '../../../../src/cli/node-files';
import { CodedError } from '../../../../src/formats/problems/coded-error';
import { detectLayout } from '../../../../src/formats/scene/detect-layout';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { listScenes } from '../../../../src/formats/scene/list-scenes';
import { createMemoryFiles, type SceneFiles } from '../../../../src/formats/scene/scene-files';
import { buildNuscenesTree, TREE_INTRINSIC, TREE_LIDAR_CALIBRATION, treeEgoAt, treeSampleTime } from '../../../fixtures/nuscenes-tree'; // prettier-ignore
import { SHARED_DATA } from './scene-test-helpers';

const CAMERAS = ['CAM_FRONT', 'CAM_FRONT_RIGHT', 'CAM_BACK_RIGHT', 'CAM_BACK', 'CAM_BACK_LEFT', 'CAM_FRONT_LEFT'];
const MINI = 'v1.0-mini';
type Row = Record<string, unknown>;

/** Three scenes of 4 samples, 2 LiDAR sweeps and 3 images per camera between keyframes, 5 boxes a sample. */
function tree(prefix = ''): Record<string, Uint8Array> {
  const built = buildNuscenesTree({ scenes: 3, samplesPerScene: 4, sweepsPerSample: 2, cameras: CAMERAS, boxesPerSample: 5, version: MINI, cameraSweepsPerSample: 3 }); // prettier-ignore
  return Object.fromEntries(Object.entries(built).map(([path, bytes]) => [prefix + path, bytes]));
}
const files = (entries: Record<string, Uint8Array>) => createMemoryFiles('nuscenes-mini', entries);
const rowsOf = (entries: Record<string, Uint8Array>, table: string) => JSON.parse(new TextDecoder().decode(entries[`${MINI}/${table}.json`])) as Row[]; // prettier-ignore
const setRows = (entries: Record<string, Uint8Array>, table: string, rows: Row[]) => (entries[`${MINI}/${table}.json`] = new TextEncoder().encode(JSON.stringify(rows))); // prettier-ignore
const sceneToken = (entries: Record<string, Uint8Array>, name: string) => rowsOf(entries, 'scene').find((s) => s['name'] === name)!['token'] as string; // prettier-ignore

/** Row-major 3×3 of a unit quaternion [w, x, y, z] (written here apart from the importer's maths). */
function rotation([w, x, y, z]: number[]): number[] {
  const n = Math.hypot(w!, x!, y!, z!);
  [w, x, y, z] = [w! / n, x! / n, y! / n, z! / n];
  return [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y), 2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x), 2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)]; // prettier-ignore
}
const apply = (m: readonly number[], p: readonly number[]) => [0, 1, 2].map((r) => m[r * 4]! * p[0]! + m[r * 4 + 1]! * p[1]! + m[r * 4 + 2]! * p[2]! + m[r * 4 + 3]!); // prettier-ignore
const close = (a: readonly number[], b: readonly number[], tolerance = 1e-9) => a.forEach((v, i) => expect(Math.abs(v - b[i]!), `[${i}] ${v} vs ${b[i]}`).toBeLessThan(tolerance)); // prettier-ignore

describe('nuScenes v1.0 tables: layout and scene list', () => {
  it('detects the tables folder beside samples/ and sweeps/, and still the derived/ sample as nuscenes-sample', () => {
    expect(detectLayout(Object.keys(tree()))).toEqual({ kind: 'nuscenes', root: '' });
    expect(detectLayout(Object.keys(tree('data/nuscenes/')))).toEqual({ kind: 'nuscenes', root: 'data/nuscenes/' });
    expect(detectLayout(createNodeFiles(`${SHARED_DATA}nuscenes-sample`).list())).toEqual({ kind: 'nuscenes-sample', root: '' }); // prettier-ignore
  });

  it('lists every scene with its description, place, date, samples and sweeps', async () => {
    const entries = tree();
    const { layout, scenes } = await listScenes(files(entries));
    expect(layout).toBe('nuscenes');
    expect(scenes.map((s) => [s.id, s.name, s.frames, s.hasSweeps])).toEqual([
      [`${MINI}/scene-0001`, 'scene-0001', 4, true],
      [`${MINI}/scene-0002`, 'scene-0002', 4, true],
      [`${MINI}/scene-0003`, 'scene-0003', 4, true],
    ]);
    const log = rowsOf(entries, 'log')[1]!;
    expect(scenes[1]!.description).toBe(`${rowsOf(entries, 'scene')[1]!['description']} (${log['location']}, ${log['date_captured']})`); // prettier-ignore
    // Without the sweeps of scene-0002's log, only that scene says it has none.
    for (const path of Object.keys(entries)) if (path.startsWith(`sweeps/LIDAR_TOP/${log['logfile']}__`)) delete entries[path]; // prettier-ignore
    expect((await listScenes(files(entries))).scenes.map((s) => s.hasSweeps)).toEqual([true, false, true]);
  });
});

describe('nuScenes v1.0 tables: one scene', () => {
  it('imports the scene chosen by id: its keyframes, named by their sample tokens', async () => {
    const entries = tree();
    const imported = await importScene(files(entries), { scene: `${MINI}/scene-0002` });
    expect(imported.problems.filter((p) => p.code !== 'labels.class.unknown')).toEqual([]);
    const { scene } = imported;
    expect(scene.name).toBe('scene-0002');
    const samples = rowsOf(entries, 'sample').filter((s) => s['scene_token'] === sceneToken(entries, 'scene-0002'));
    samples.sort((a, b) => Number(a['timestamp']) - Number(b['timestamp']));
    expect(scene.frames.map((f) => [f.index, f.keyframe, f.externalId, f.timestampUs])).toEqual(samples.map((s, i) => [i, true, s['token'], s['timestamp']])); // prettier-ignore
    expect(scene.lidars.map((l) => l.id)).toEqual(['LIDAR_TOP']);
    expect(scene.cameras.map((c) => c.id)).toEqual(CAMERAS);
    expect(imported.lidarLayouts).toEqual({ LIDAR_TOP: 'nuscenes' });
    // A keyframe's images are the key images of its sample, each with its own time.
    const data = rowsOf(entries, 'sample_data');
    for (const frame of scene.frames) {
      const keyImages = data.filter((d) => d['sample_token'] === frame.externalId && d['is_key_frame'] && String(d['filename']).includes('/CAM_')); // prettier-ignore
      expect(frame.cameras.map((c) => [c.uri, c.timestampUs]).sort()).toEqual(keyImages.map((d) => [d['filename'], d['timestamp']]).sort()); // prettier-ignore
      expect(frame.lidar[0]!.uri).toMatch(/^samples\/LIDAR_TOP\/.+__LIDAR_TOP__\d+\.pcd\.bin$/);
    }
    // The first scene is the default; the scene id depends on the choice.
    const first = await importScene(files(entries));
    expect(first.scene.name).toBe('scene-0001');
  });

  it('adds the sweeps between keyframes as frames without labels, images nearest in time', async () => {
    const entries = tree();
    const { scene, cuboids } = await importScene(files(entries), { scene: `${MINI}/scene-0002`, sweeps: true });
    expect(scene.frames).toHaveLength(4 + 3 * 2);
    const times = scene.frames.map((f) => f.timestampUs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(scene.frames.map((f) => (f.keyframe ? 'K' : 's')).join('')).toBe('KssKssKssK');
    const data = rowsOf(entries, 'sample_data');
    const lidarSweeps = data.filter((d) => String(d['filename']).startsWith('sweeps/LIDAR_TOP/'));
    const sweepFrames = scene.frames.filter((f) => !f.keyframe);
    const sweepTokens = new Set(lidarSweeps.map((d) => d['token']));
    expect(sweepFrames.every((f) => sweepTokens.has(f.externalId))).toBe(true);
    for (const frame of sweepFrames) {
      const own = lidarSweeps.find((d) => d['token'] === frame.externalId)!;
      expect([frame.lidar[0]!.uri, frame.timestampUs]).toEqual([own['filename'], own['timestamp']]);
      expect(frame.cameras).toHaveLength(CAMERAS.length);
      for (const sample of frame.cameras) {
        // Every image of that camera in the scene's rows, key or not: none is nearer than the one chosen.
        const ofCamera = data.filter((d) => String(d['filename']).includes(`/${sample.sensorId}/`) && String(d['filename']).includes(String(own['filename']).split('/')[2]!.split('__')[0]!)); // prettier-ignore
        const gap = Math.abs(sample.timestampUs - frame.timestampUs);
        expect(Math.min(...ofCamera.map((d) => Math.abs(Number(d['timestamp']) - frame.timestampUs)))).toBe(gap);
        expect(ofCamera.find((d) => d['filename'] === sample.uri)!['timestamp']).toBe(sample.timestampUs);
      }
    }
    expect(sweepFrames.some((f) => f.cameras.some((c) => c.uri.startsWith('sweeps/')))).toBe(true);
    // Boxes only on keyframes.
    const keyIndices = new Set(scene.frames.filter((f) => f.keyframe).map((f) => f.index));
    expect(cuboids.length).toBe(4 * 5);
    expect(cuboids.every((c) => keyIndices.has(c.frameIndex))).toBe(true);
  });

  it('calibrates the LiDAR with its calibrated_sensor as it is and each camera with the inverse of its own', async () => {
    const { scene } = await importScene(files(tree()));
    const lidar = scene.lidars[0]!.egoFromLidar;
    const r = rotation(TREE_LIDAR_CALIBRATION.rotation);
    const t = TREE_LIDAR_CALIBRATION.translation;
    close(
      lidar,
      [r[0]!, r[1]!, r[2]!, t[0]!, r[3]!, r[4]!, r[5]!, t[1]!, r[6]!, r[7]!, r[8]!, t[2]!, 0, 0, 0, 1],
      1e-12,
    );
    // LIDAR_TOP is x right, y forward: a point 10 m along its y lies about 10 m ahead of the ego.
    close(apply(lidar, [0, 10, 0]), [t[0]! + 10, t[1]!, t[2]!], 0.25);
    const front = scene.cameras.find((c) => c.id === 'CAM_FRONT')!;
    // The tree mounts CAM_FRONT at ego (1.7, 0, 1.5) looking along ego x: its centre maps to the camera's origin,
    // a point 10 m ahead of it onto the optical axis, one 1 m to its left to the left of the image (x < 0).
    close(apply(front.cameraFromEgo, [1.7, 0, 1.5]), [0, 0, 0]);
    close(apply(front.cameraFromEgo, [11.7, 0, 1.5]), [0, 0, 10]);
    close(apply(front.cameraFromEgo, [11.7, 1, 0.5]), [-1, 1, 10]);
    const k = TREE_INTRINSIC;
    expect(front.intrinsics).toEqual({ fx: k[0]![0], skew: k[0]![1], cx: k[0]![2], fy: k[1]![1], cy: k[1]![2] });
    expect([front.width, front.height, front.distortion]).toEqual([1600, 900, { model: 'none' }]);
    const back = scene.cameras.find((c) => c.id === 'CAM_BACK')!;
    close(apply(back.cameraFromEgo, [0.3 - 10, 0, 1.5]), [0, 0, 10]);
  });

  it('poses each frame by its ego pose and brings a global box right ahead of the ego into its ego frame', async () => {
    const entries = tree();
    const name = 'scene-0002';
    const samples = rowsOf(entries, 'sample').filter((s) => s['scene_token'] === sceneToken(entries, name));
    const sample = samples.sort((a, b) => Number(a['timestamp']) - Number(b['timestamp']))[1]!;
    // The ego on its circle when sample 1 was taken (the tree's ego starts its circle at the scene's first sample).
    const seconds = (Number(sample['timestamp']) - treeSampleTime(1, 0)) / 1e6;
    const [x, y, heading] = treeEgoAt(1, seconds);
    // One annotation: 10 m straight ahead and 2 m to the left of the ego, turned 0.3 rad left of the ego's
    // heading, 2 m wide, 5 m long, 1.5 m high, its centre 0.75 m up.
    const [ahead, left, turn] = [10, 2, 0.3];
    const centre = [x + ahead * Math.cos(heading) - left * Math.sin(heading), y + ahead * Math.sin(heading) + left * Math.cos(heading), 0.75]; // prettier-ignore
    const yaw = heading + turn;
    const annotation = rowsOf(entries, 'sample_annotation').find((a) => a['sample_token'] === sample['token'])!;
    setRows(entries, 'sample_annotation', [{ ...annotation, translation: centre, size: [2, 5, 1.5], rotation: [Math.cos(yaw / 2), 0, 0, Math.sin(yaw / 2)] }]); // prettier-ignore
    const { scene, cuboids, tracks } = await importScene(files(entries), { scene: `${MINI}/${name}` });
    const frame = scene.frames[1]!;
    close(apply(frame.worldFromEgo!, [0, 0, 0]), [x, y, 0], 1e-6);
    close(apply(frame.worldFromEgo!, [1, 0, 0]), [x + Math.cos(heading), y + Math.sin(heading), 0], 1e-6);
    expect(cuboids).toHaveLength(1);
    const box = cuboids[0]!;
    expect(box.frameIndex).toBe(1);
    close(box.position, [ahead, left, 0.75], 1e-6);
    expect(box.size).toEqual([5, 2, 1.5]);
    close([box.yaw, box.pitch, box.roll], [turn, 0, 0], 1e-9);
    expect(box.externalId).toBe(annotation['token']);
    expect(tracks.map((t) => t.externalId)).toEqual([annotation['instance_token']]);
  });

  it('keeps instance and annotation tokens, classes, attributes and visibility', async () => {
    const entries = tree();
    const imported = await importScene(files(entries), { scene: `${MINI}/scene-0003` });
    const scene3 = sceneToken(entries, 'scene-0003');
    const samples = new Set(
      rowsOf(entries, 'sample')
        .filter((s) => s['scene_token'] === scene3)
        .map((s) => s['token']),
    );
    const annotations = rowsOf(entries, 'sample_annotation').filter((a) => samples.has(a['sample_token']));
    const byToken = <T extends Row>(rows: T[]) => new Map(rows.map((r) => [r['token'], r]));
    const [instances, categories, attributes, visibility] = ['instance', 'category', 'attribute', 'visibility'].map((t) => byToken(rowsOf(entries, t))); // prettier-ignore
    expect(imported.cuboids).toHaveLength(annotations.length);
    expect(new Set(imported.cuboids.map((c) => c.externalId))).toEqual(new Set(annotations.map((a) => a['token'])));
    const trackOf = new Map(imported.tracks.map((t) => [t.id, t]));
    const classes: Record<string, string> = { 'vehicle.car': 'car', 'human.pedestrian.adult': 'pedestrian', 'vehicle.truck': 'truck', 'vehicle.bicycle': 'cyclist', 'movable_object.barrier': 'barrier' }; // prettier-ignore
    for (const cuboid of imported.cuboids) {
      const row = annotations.find((a) => a['token'] === cuboid.externalId)!;
      const track = trackOf.get(cuboid.trackId)!;
      expect(track.externalId).toBe(row['instance_token']);
      const category = categories!.get(instances!.get(row['instance_token'])!['category_token'])!['name'] as string;
      expect(track.classId).toBe(classes[category]);
      const status = (row['attribute_tokens'] as string[]).map((t) => attributes!.get(t)!['name']);
      expect(cuboid.attributes).toEqual({ ...(status[0] ? { status: status[0] } : {}), visibility: visibility!.get(row['visibility_token'])!['level'] }); // prettier-ignore
      const [w, l, h] = row['size'] as number[];
      expect(cuboid.size).toEqual([l, w, h]);
    }
    expect(imported.tracks).toHaveLength(5);
    expect(imported.problems.map((p) => [p.code, p.values])).toEqual([['labels.class.unknown', { className: 'movable_object.barrier', classId: 'barrier' }]]); // prettier-ignore
  });
});

describe('nuScenes v1.0 tables: faults', () => {
  it('leaves out a frame whose LiDAR file is missing, with a problem naming the file', async () => {
    const entries = tree();
    const { scene: full } = await importScene(files(entries), { scene: `${MINI}/scene-0001`, sweeps: true });
    const sweep = full.frames.find((f) => !f.keyframe)!.lidar[0]!.uri;
    const key = full.frames.filter((f) => f.keyframe)[2]!.lidar[0]!.uri;
    delete entries[sweep];
    delete entries[key];
    const imported = await importScene(files(entries), { scene: `${MINI}/scene-0001`, sweeps: true });
    expect(imported.scene.frames).toHaveLength(full.frames.length - 2);
    expect(imported.scene.frames.map((f) => f.index)).toEqual(imported.scene.frames.map((_, i) => i));
    const missing = imported.problems.filter((p) => p.code === 'nuscenes.lidar.missing');
    expect(missing.map((p) => p.path).sort()).toEqual([key, sweep].sort());
    // The keyframe's boxes went with it.
    expect(imported.cuboids).toHaveLength(3 * 5);
  });

  it('reports an image that is missing on a keyframe, and a calibration that changes within the scene', async () => {
    const entries = tree();
    const { scene } = await importScene(files(entries));
    const image = scene.frames[0]!.cameras[0]!.uri;
    delete entries[image];
    const calibrations = rowsOf(entries, 'calibrated_sensor');
    const data = rowsOf(entries, 'sample_data');
    // The last LIDAR_TOP keyframe of scene-0001 gets a calibration of its own, 10 cm higher.
    const last = data.find((d) => d['filename'] === scene.frames[3]!.lidar[0]!.uri)!;
    const own = calibrations.find((c) => c['token'] === last['calibrated_sensor_token'])!;
    const moved = { ...own, token: 'f'.repeat(32), translation: [0.943713, 0, 1.94023] };
    setRows(entries, 'calibrated_sensor', [...calibrations, moved]);
    setRows(
      entries,
      'sample_data',
      data.map((d) => (d === last ? { ...d, calibrated_sensor_token: moved.token } : d)),
    );
    const imported = await importScene(files(entries));
    expect(imported.scene.frames[0]!.cameras.map((c) => c.uri)).not.toContain(image);
    expect(imported.problems.filter((p) => p.code.startsWith('nuscenes.'))).toEqual([
      expect.objectContaining({ path: `${MINI}/calibrated_sensor.json`, code: 'nuscenes.calibration.changed', values: { channel: 'LIDAR_TOP' } }), // prettier-ignore
      expect.objectContaining({ path: image, code: 'nuscenes.image.missing' }),
    ]);
    close(imported.scene.lidars[0]!.egoFromLidar.slice(0, 12).filter((_, i) => i % 4 === 3), TREE_LIDAR_CALIBRATION.translation); // prettier-ignore
  });

  it('reports a sample without a LiDAR keyframe, and refuses a scene none of whose sweeps is in the folder', async () => {
    const entries = tree();
    const { scene } = await importScene(files(entries));
    const data = rowsOf(entries, 'sample_data');
    setRows(
      entries,
      'sample_data',
      data.filter((d) => d['filename'] !== scene.frames[0]!.lidar[0]!.uri),
    );
    const imported = await importScene(files(entries));
    expect(imported.scene.frames.map((f) => f.externalId)).toEqual(scene.frames.slice(1).map((f) => f.externalId));
    expect(imported.problems.filter((p) => p.code.startsWith('nuscenes.')).map((p) => [p.code, p.values])).toEqual([['nuscenes.sample.no-lidar', { sample: scene.frames[0]!.externalId }]]); // prettier-ignore
    expect(imported.cuboids).toHaveLength(3 * 5);
    const bare = tree();
    for (const path of Object.keys(bare)) if (path.includes('/LIDAR_TOP/')) delete bare[path];
    await expect(importScene(files(bare))).rejects.toMatchObject({ code: 'nuscenes.scene.no-frames', values: { scene: 'scene-0001' } }); // prettier-ignore
  });

  it('refuses an unknown scene id, naming the folder and the id', async () => {
    const error = await importScene(files(tree()), { scene: `${MINI}/scene-9999` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect(error).toMatchObject({ code: 'scene.choice.unknown', values: { folder: 'nuscenes-mini', scene: `${MINI}/scene-9999` } }); // prettier-ignore
    expect((error as Error).message).toContain('nuscenes-mini');
  });

  it('names a table that is not JSON: an error for one the scene needs, a problem for a label table', async () => {
    const entries = tree();
    entries[`${MINI}/sample_data.json`] = new TextEncoder().encode('<html>not JSON</html>');
    await expect(importScene(files(entries))).rejects.toThrow(`${MINI}/sample_data.json`);
    const labels = tree();
    labels[`${MINI}/instance.json`] = new TextEncoder().encode('{"not": "an array"');
    const imported = await importScene(files(labels));
    expect(imported.problems.find((p) => p.path === `${MINI}/instance.json`)?.code).toBe('json.syntax');
    // Boxes still come, of an unknown class.
    expect(imported.cuboids).toHaveLength(4 * 5);
    const missing = tree();
    delete missing[`${MINI}/ego_pose.json`];
    await expect(importScene(files(missing))).rejects.toMatchObject({ code: 'nuscenes.table.missing', values: { table: 'ego_pose.json', folder: MINI } }); // prettier-ignore
    const noAttributes = tree();
    delete noAttributes[`${MINI}/attribute.json`];
    const without = await importScene(files(noAttributes));
    expect(without.problems.map((p) => p.code)).toContain('nuscenes.table.no-labels');
    expect(without.cuboids.every((c) => !('status' in c.attributes) && 'visibility' in c.attributes)).toBe(true);
  });

  it('reports a row without the fields it needs and leaves it out', async () => {
    const entries = tree();
    const poses = rowsOf(entries, 'ego_pose');
    const { scene } = await importScene(files(entries));
    const token = rowsOf(entries, 'sample_data').find((d) => d['filename'] === scene.frames[1]!.lidar[0]!.uri)!['ego_pose_token']; // prettier-ignore
    setRows(
      entries,
      'ego_pose',
      poses.map((p) => (p['token'] === token ? { ...p, rotation: [0, 0, 0, 0] } : p)),
    );
    const imported = await importScene(files(entries));
    expect(imported.scene.frames).toHaveLength(3);
    expect(imported.problems.filter((p) => p.code.startsWith('nuscenes.')).map((p) => [p.code, p.values])).toEqual([
      ['nuscenes.row.malformed', { table: 'ego_pose.json', field: 'rotation' }],
      ['nuscenes.reference.missing', { table: 'ego_pose.json', token }],
    ]);
  });
});

describe('nuScenes v1.0 tables: reading', () => {
  it('reads each table once, only the rows of the scene chosen, and counts every read in the progress', async () => {
    const entries = tree();
    const reads = new Map<string, number>();
    const source = files(entries);
    const counted: SceneFiles = { ...source, read: (path) => (reads.set(path, (reads.get(path) ?? 0) + 1), source.read(path)) }; // prettier-ignore
    const progress: [number, number][] = [];
    await importScene(counted, { scene: `${MINI}/scene-0003`, sweeps: true, onProgress: (done, total) => progress.push([done, total]) }); // prettier-ignore
    const tables = [...reads.keys()].filter((p) => p.startsWith(`${MINI}/`)).sort();
    expect(tables.map((p) => p.slice(MINI.length + 1))).toEqual(['attribute.json', 'calibrated_sensor.json', 'category.json', 'ego_pose.json', 'instance.json', 'sample.json', 'sample_annotation.json', 'sample_data.json', 'scene.json', 'sensor.json', 'visibility.json']); // prettier-ignore
    expect(tables.every((p) => reads.get(p) === 1)).toBe(true);
    // No sweep or image is read during the import (the sample_data rows give every image's size).
    expect([...reads.keys()].filter((p) => !p.startsWith(`${MINI}/`))).toEqual([]);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    expect(progress.at(-1)![1]).toBeGreaterThanOrEqual(11);
  });

  it('reads tables through ranges where the source has them', async () => {
    const entries = tree();
    const source = files(entries);
    const ranges: string[] = [];
    const ranged: SceneFiles = {
      ...source,
      read: () => Promise.reject(new Error('whole reads are not expected')),
      readRange: async (path, start, end) => (ranges.push(path), (await source.read(path)).subarray(start, end)),
    };
    const imported = await importScene(ranged, { scene: `${MINI}/scene-0002` });
    expect(imported.scene.frames).toHaveLength(4);
    expect(imported.cuboids).toHaveLength(20);
    expect(new Set(ranges).size).toBe(11);
  });
});
