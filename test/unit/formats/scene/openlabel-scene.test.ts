import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { projectEgoPoint } from '../../../../src/core/geometry/projection';
import { writeOpenLabel } from '../../../../src/formats/labels/openlabel-writer';
import { detectLayout } from '../../../../src/formats/scene/detect-layout';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { OpenlabelUris } from '../../../../src/formats/scene/openlabel-uri';
import { createMemoryFiles } from '../../../../src/formats/scene/scene-files';
import { testLineage } from '../labels/label-set-fixtures';
import { iou2d, SHARED_DATA } from './scene-test-helpers';
import {
  apply,
  BOX_2D,
  CAR_UID,
  CAR_VAL,
  CORNERS_RECT,
  EGO_FROM_RECT,
  EGO_FROM_VELO,
  encode,
  IMAGE_BYTES,
  inverse,
  kittiPixel,
  LIDAR_BYTES,
  mul,
  openlabelScene,
  P2,
  sceneFiles,
  WORLD_FROM_EGO_1,
  type Json,
  type M4,
  type V3,
} from './openlabel-scene-fixture';

const open = (entries: Record<string, Uint8Array>) => importScene(createMemoryFiles('drive', entries));
const close = (a: readonly number[] | undefined, b: readonly number[], tolerance: number) => {
  expect(a).toHaveLength(b.length);
  a!.forEach((v, i) => expect(Math.abs(v - b[i]!), `[${i}] ${v} vs ${b[i]}`).toBeLessThan(tolerance));
};
/** The largest distance from a corner of one set to the nearest corner of the other, both ways (metres). */
const cornerGap = (a: readonly V3[], b: readonly V3[]) => {
  const nearest = (p: V3, set: readonly V3[]) => Math.min(...set.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]))); // prettier-ignore
  return Math.max(...a.map((p) => nearest(p, b)), ...b.map((p) => nearest(p, a)));
};

describe('importScene: an OpenLABEL file naming its sensor files', () => {
  it('is tried for a top-level JSON file after every other layout', () => {
    expect(detectLayout(Object.keys(sceneFiles()))).toEqual({ kind: 'openlabel', root: '' });
  });

  it('reads the sensors, their calibration and the frames with their files, times and ego poses', async () => {
    const { scene, problems } = await open(sceneFiles());
    expect(scene.name).toBe('KITTI 000000 as OpenLABEL');
    expect(scene.lidars.map((l) => [l.id, l.name])).toEqual([['velodyne', 'Velodyne HDL-64E']]);
    // pose_wrt_parent as quaternion + translation, under vehicle-iso8855.
    close(scene.lidars[0]!.egoFromLidar, EGO_FROM_VELO, 1e-12);
    const camera = scene.cameras[0]!;
    expect(scene.cameras).toHaveLength(1);
    expect([camera.id, camera.width, camera.height, camera.distortion]).toEqual(['cam2', 1224, 370, { model: 'none' }]); // prettier-ignore
    expect(camera.intrinsics).toEqual({ fx: P2[0], fy: P2[5], cx: P2[2], cy: P2[6], skew: 0 });
    // P2 = K · [I | b] on the rectified camera's system: every ego point projects as P2 · rectFromEgo would put it.
    for (const p of [
      [8, 1, 0.5],
      [20, -4, -1],
      [5.5, 0.2, 1.7],
    ] as V3[]) {
      const want = kittiPixel(apply(inverse(EGO_FROM_RECT), p));
      close(projectEgoPoint(camera, p)!.slice(0, 2), want, 1e-6);
    }
    // The way back to the system the labels are in (the rectified camera 0).
    close(mul(camera.referenceFromCamera!, camera.cameraFromEgo), inverse(EGO_FROM_RECT), 1e-9);

    expect(
      scene.frames.map((f) => [f.index, f.externalId, f.lidar.map((s) => s.uri), f.cameras.map((s) => s.uri)]),
    ).toEqual([
      // prettier-ignore
      [0, '0', ['lidar/000000.bin'], ['camera/000000.png']],
      [1, '1', ['lidar/000000.bin'], []],
      [2, '3', ['lidar/000000.bin'], []],
    ]);
    // Decimal-string seconds to the µs; a sample's own sync time; no time: 100 ms per frame number on from frame 1.
    expect(scene.frames.map((f) => f.timestampUs)).toEqual([1317380000123456, 1317380000223456, 1317380000423456]);
    expect(scene.frames[0]!.cameras[0]!.timestampUs).toBe(1317380000130000);
    expect(scene.frames[0]!.lidar[0]!.timestampUs).toBe(1317380000123456);
    close(scene.frames[0]!.worldFromEgo, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], 1e-15);
    close(scene.frames[1]!.worldFromEgo, WORLD_FROM_EGO_1, 1e-12);

    expect(problems.map((p) => [p.path, p.code, p.place, p.values])).toEqual([
      ['scene.json', 'openlabel.stream.unsupported', '/openlabel/streams/oxts', { stream: 'oxts', type: 'gps_imu' }],
      ['scene.json', 'openlabel.file.missing', '/openlabel/frames/1/frame_properties/streams/cam2/uri', { uri: 'camera/000001.png', stream: 'cam2' }], // prettier-ignore
      ['scene.json', 'openlabel.file.missing', '/openlabel/frames/2/frame_properties/streams/velodyne/uri', { uri: 'lidar/000002.bin', stream: 'velodyne' }], // prettier-ignore
      ['scene.json', 'openlabel.frame.no-lidar', undefined, { frames: '2', count: 1 }],
      ['scene.json', 'openlabel.time.missing', undefined, { frames: '3', count: 1 }],
      ['scene.json', 'openlabel.label.no-sweep', undefined, { boxes: 1, frames: '2' }],
    ]);
  });

  it('puts the labels on the frames in each frame’s ego frame, one track per object uid', async () => {
    const { scene, tracks, cuboids } = await open(sceneFiles());
    expect(tracks.map((t) => [t.classId, t.externalId, t.name])).toEqual([
      ['pedestrian', '7', 'ped-7'],
      ['car', CAR_UID, 'car-a'],
    ]);
    expect(cuboids.map((c) => [c.trackId, c.frameIndex])).toEqual([
      [tracks[0]!.id, 0],
      [tracks[0]!.id, 1],
      [tracks[1]!.id, 2],
    ]);
    // The pedestrian, given in the camera system: KITTI's own corners carried into the ego frame.
    const want = CORNERS_RECT.map((p) => apply(EGO_FROM_RECT, p));
    expect(cornerGap(cuboidCorners(cuboids[0]!), want)).toBeLessThan(1e-4);
    expect(cuboids[0]!.size.map((v) => +v.toFixed(6))).toEqual([1.2, 0.48, 1.89]);
    // Projected by the imported camera, its corners land where P2 puts KITTI's, and agree with the 2D box drawn by hand.
    const camera = scene.cameras[0]!;
    const pixels = cuboidCorners(cuboids[0]!).map((p) => projectEgoPoint(camera, p)!);
    const kitti = CORNERS_RECT.map(kittiPixel);
    expect(
      cornerGap(
        pixels.map(([u, v]) => [u, v, 0]),
        kitti.map(([u, v]) => [u, v, 0]),
      ),
    ).toBeLessThan(0.05);
    const box = [Math.min(...pixels.map((p) => p[0])), Math.min(...pixels.map((p) => p[1])), Math.max(...pixels.map((p) => p[0])), Math.max(...pixels.map((p) => p[1]))]; // prettier-ignore
    expect(iou2d(box, BOX_2D)).toBeGreaterThan(0.7);
    // The car, a quaternion cuboid in vehicle-iso8855 on OpenLABEL frame 3 (scene frame 2).
    expect(cuboids[2]).toMatchObject({ position: CAR_VAL.slice(0, 3), size: CAR_VAL.slice(7) });
    expect(cuboids[2]!.yaw).toBeCloseTo(0.3, 12);
  });

  it('reads a camera system given with the vehicle’s axes (x forward, z up) as such', async () => {
    const json = openlabelScene();
    // The camera 1.5 m up looking ahead, its system written with the vehicle's axes (as OSDaR23 does).
    json['openlabel'].coordinate_systems.cam2.parent = 'vehicle-iso8855';
    json['openlabel'].coordinate_systems.cam2.pose_wrt_parent = { translation: [1, 0, 1.5], quaternion: [0, 0, 0, 1] }; // prettier-ignore
    json['openlabel'].streams.cam2.stream_properties.intrinsics_pinhole.camera_matrix_3x4 = [700, 0, 612, 0, 0, 700, 185, 0, 0, 0, 1, 0]; // prettier-ignore
    const { scene, problems } = await open(sceneFiles(json));
    expect(problems.filter((p) => p.code === 'openlabel.camera.body-axes').map((p) => p.values)).toEqual([{ camera: 'cam2' }]); // prettier-ignore
    // 10 m ahead of the camera and 1 m to its left: on the image's middle row, left of its centre.
    close(projectEgoPoint(scene.cameras[0]!, [11, 1, 1.5])!, [612 - 70, 185, 10], 1e-9);
  });

  it('finds the file a uri names, however the tool that wrote it spelt the path', () => {
    const uris = new OpenlabelUris(['seq/lidar/000.pcd', 'seq/rgb_center/012_1.5.png', 'seq/my scans/a.bin', 'other/lidar/000.pcd'], 'seq/'); // prettier-ignore
    const cases: [string, string | undefined, string | undefined][] = [
      ['lidar/000.pcd', undefined, 'seq/lidar/000.pcd'],
      ['./lidar/000.pcd', undefined, 'seq/lidar/000.pcd'],
      ['/rgb_center/012_1.5.png', undefined, 'seq/rgb_center/012_1.5.png'],
      ['file:///home/me/osdar/seq/lidar/000.pcd', undefined, 'seq/lidar/000.pcd'],
      ['file:///C:/data/my%20scans/a.bin', undefined, 'seq/my scans/a.bin'],
      ['C:\\data\\lidar\\000.pcd', undefined, 'seq/lidar/000.pcd'],
      ['https://bucket.example.com/drive/lidar/000.pcd', undefined, 'seq/lidar/000.pcd'],
      ['012_1.5.png', 'rgb_center', 'seq/rgb_center/012_1.5.png'],
      ['012_1.5.png', '/rgb_center/', 'seq/rgb_center/012_1.5.png'],
      ['000.pcd', undefined, undefined],
      ['lidar/001.pcd', undefined, undefined],
      ['', undefined, undefined],
    ];
    for (const [uri, folder, want] of cases) expect(uris.resolve(uri, folder), uri).toBe(want);
  });

  it('leaves a folder whose only top-level JSON is not OpenLABEL to the standard no-layout error', async () => {
    const files = { 'notes.json': encode('{"camera": "front", "frames": 3}'), 'lidar/000000.bin': LIDAR_BYTES };
    await expect(open(files)).rejects.toMatchObject({ name: 'CodedError', code: 'scene.no-layout', values: { folder: 'drive' } }); // prettier-ignore
    // A file that means to be OpenLABEL but does not parse says why instead.
    await expect(open({ 'scene.json': encode('{"openlabel": {"metadata": ') })).rejects.toThrow(/scene\.json/);
  });

  it('takes the OpenLABEL file among other JSON files, and the first by name among several', async () => {
    const other = openlabelScene();
    other['openlabel'].metadata.name = 'another';
    const beside = await open(sceneFiles(undefined, { 'a-config.json': encode('{"openlabel": 3}') }));
    expect(beside.scene.name).toBe('KITTI 000000 as OpenLABEL');
    expect(beside.problems.some((p) => p.path === 'a-config.json')).toBe(false);
    const several = await open(sceneFiles(undefined, { 'zz.json': encode(JSON.stringify(other)) }));
    expect(several.scene.name).toBe('KITTI 000000 as OpenLABEL');
    expect(several.problems.filter((p) => p.code === 'openlabel.scene.several').map((p) => [p.path, p.values])).toEqual([['scene.json', { files: 'zz.json' }]]); // prettier-ignore
  });

  it('refuses a real KITTI tracking conversion without sensor files, and opens it once its frames name some', async () => {
    const name = 'openlabel100_kitti_tracking_0001.json';
    const text = readFileSync(`${SHARED_DATA}kitti-tracking-openlabel/${name}`, 'utf8');
    const sweep = new Uint8Array(16);
    await expect(open({ [name]: encode(text), 'velodyne_points/0000.bin': sweep })).rejects.toMatchObject({
      code: 'openlabel.scene.no-sweeps',
      values: { file: name, uris: 0 },
    });
    // The same file with sweeps named on its first three frames: odometry, the CAM_LEFT boxes, P2's offset.
    const json = JSON.parse(text) as Json;
    for (const k of ['0', '1', '2']) json['openlabel'].frames[k].frame_properties.streams = { VELO_TOP: { uri: `sweeps/${k}.bin` } }; // prettier-ignore
    const files = { [name]: encode(JSON.stringify(json)), 'sweeps/0.bin': sweep, 'sweeps/1.bin': sweep, 'sweeps/2.bin': sweep }; // prettier-ignore
    const { scene, cuboids, problems } = await open(files);
    expect(scene.frames.map((f) => [f.externalId, f.timestampUs])).toEqual([['0', 0], ['1', 100_000], ['2', 200_000]]); // prettier-ignore
    const ol = json['openlabel'];
    close(scene.frames[2]!.worldFromEgo, ol.frames['2'].frame_properties.transforms['vehicle-iso8855_to_odom'].transform_src_to_dst.matrix4x4, 1e-12); // prettier-ignore
    const camLeft = scene.cameras.find((c) => c.id === 'CAM_LEFT')!;
    const cs = ol.coordinate_systems;
    const egoFromCamLeft = mul(
      cs.VELO_TOP.pose_wrt_parent.matrix4x4 as M4,
      cs.CAM_LEFT.pose_wrt_parent.matrix4x4 as M4,
    );
    const k = ol.streams.CAM_LEFT.stream_properties.intrinsics_pinhole.camera_matrix_3x4 as number[];
    const b = [(k[3]! - k[2]! * k[11]!) / k[0]!, (k[7]! - k[6]! * k[11]!) / k[5]!, k[11]!];
    close(mul(camLeft.cameraFromEgo, egoFromCamLeft), [1, 0, 0, b[0]!, 0, 1, 0, b[1]!, 0, 0, 1, b[2]!, 0, 0, 0, 1], 1e-9); // prettier-ignore
    // Frame 0's boxes: each object's own cuboid there, else its object-level one (the Egocar, on every frame); sizes ≤ 0
    // (DontCare) are no boxes.
    const onFrame0 = Object.entries(ol.objects as Record<string, Json>).flatMap(([key, o]) => {
      const own = ol.frames['0'].objects?.[key]?.object_data?.cuboid?.[0];
      const whole = (o['frame_intervals'] ?? [{ frame_start: 0 }]).some((i: Json) => i['frame_start'] <= 0) ? o['object_data']?.cuboid?.[0] : undefined; // prettier-ignore
      const cuboid = own ?? whole;
      return cuboid && cuboid.val[6] > 0 ? [key] : [];
    });
    expect(cuboids.filter((c) => c.frameIndex === 0)).toHaveLength(onFrame0.length);
    expect(onFrame0.length).toBeGreaterThan(3);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['labels.class.unknown', 'openlabel.stream.unsupported', 'openlabel.frame.no-lidar', 'openlabel.label.no-sweep', 'openlabel.time.missing', 'openlabel.unsupported-geometry', 'openlabel.cuboid.nonpositive-size'])); // prettier-ignore
  });

  it('re-opens a scene exported by Frustum’s own OpenLABEL writer', async () => {
    const first = await open(sceneFiles());
    const set = { scene: first.scene, tracks: first.tracks, cuboids: first.cuboids, segments: [] };
    const exported = writeOpenLabel(set, testLineage(), { fileName: 'export.json' });
    const again = await open({ 'export.json': encode(exported.files[0]!.text), 'lidar/000000.bin': LIDAR_BYTES, 'camera/000000.png': IMAGE_BYTES }); // prettier-ignore
    expect(again.problems.filter((p) => p.code !== 'labels.class.unknown')).toEqual([]);
    expect(again.scene.lidars).toEqual(first.scene.lidars);
    again.scene.cameras.forEach((c, i) => {
      const { cameraFromEgo, ...rest } = first.scene.cameras[i]!;
      expect(c).toMatchObject(rest);
      close(c.cameraFromEgo, cameraFromEgo, 1e-9);
    });
    const strip = ({ externalId: _, worldFromEgo: __, ...f }: (typeof first.scene.frames)[number]) => f;
    expect(again.scene.frames.map(strip)).toEqual(first.scene.frames.map(strip));
    again.scene.frames.forEach((f, i) => close(f.worldFromEgo, first.scene.frames[i]!.worldFromEgo!, 1e-12));
    expect(again.tracks.map((t) => [t.classId, t.externalId, t.name])).toEqual(first.tracks.map((t) => [t.classId, t.externalId, t.name])); // prettier-ignore
    again.cuboids.forEach((c, i) => {
      const want = first.cuboids[i]!;
      expect([c.frameIndex, c.size.map((v) => +v.toFixed(6))]).toEqual([want.frameIndex, want.size.map((v) => +v.toFixed(6))]); // prettier-ignore
      expect(cornerGap(cuboidCorners(c), cuboidCorners(want))).toBeLessThan(1e-6);
    });
  });
});
