import { describe, expect, it } from 'vitest';
import { projectEgoPoint } from '../../../../src/core/geometry/projection';
import { CodedError } from '../../../../src/formats/problems/coded-error';
import type { FileProblem } from '../../../../src/formats/problems/file-problem';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { readPointCloudFile } from '../../../../src/formats/pointcloud/read-point-cloud-file';
import { importScene, type ImportedScene } from '../../../../src/formats/scene/import-scene';
import { listScenes } from '../../../../src/formats/scene/list-scenes';
import { createMemoryFiles } from '../../../../src/formats/scene/scene-files';
import { LOCALES } from '../../../../src/i18n/i18n';
import { problemPlainText } from '../../../../src/i18n/problem-texts';
import {
  writeAnnotations,
  writeCityPoses,
  writeIntrinsics,
  writeSensorPoses,
  writeSweep,
  yawQuaternion,
  type Annotation,
  type Pose,
  type WriteOptions,
} from './argoverse2-fixture';

/** A sweep time past 2^53 ns that is not a whole µs: …836.6 µs rounds to …837. */
const T0 = 315_966_265_259_836_600n;
const MS = 1_000_000n;
const sweepTime = (k: number) => T0 + BigInt(k) * 100n * MS;

/**
 * The front camera looks along ego x: its x (right) is ego −y, its y (down) ego −z, its z ego x; 1.6 m ahead
 * of the ego origin, 1.4 m up. The quaternion of that rotation, worked by hand: (½, −½, ½, −½).
 */
const FRONT: Pose = { q: [0.5, -0.5, 0.5, -0.5], t: [1.6, 0, 1.4] };
/** The left camera looks along ego y: its x is ego x, its y ego −z: −90° about x, (√½, −√½, 0, 0). */
const SIDE_LEFT: Pose = { q: [Math.SQRT1_2, -Math.SQRT1_2, 0, 0], t: [1.2, 0.9, 1.4] };
const K_FRONT = { fx: 1700, fy: 1700, cx: 775, cy: 1024, width: 1550, height: 2048 };
const K_SIDE = { fx: 1000, fy: 1000, cx: 1024, cy: 775, width: 2048, height: 1550 };
const LIDAR_POSE: Pose = { q: [1, 0, 0, 0], t: [1.3, 0, 1.9] };

/** The ego's city pose at sweep k: heading 0.1·k rad, 5 m further east each sweep. */
const cityPose = (k: number): Pose => ({ q: yawQuaternion(0.1 * k), t: [100 + 5 * k, 200, 10] });
const laserOf = (i: number) => (i * 7) % 64;

const CAR: Omit<Annotation, 'timestampNs'> = {
  uuid: 'c6a2f3b0-0000-4000-8000-000000000001',
  category: 'REGULAR_VEHICLE',
  size: [4.5, 1.9, 1.6],
  pose: { q: yawQuaternion(0.3), t: [12, -3, 0.8] },
};
const RIDER: Omit<Annotation, 'timestampNs'> = { ...CAR, uuid: 'rider-1', category: 'BICYCLIST', size: [1.8, 0.7, 1.7] }; // prettier-ignore
const BOLLARD: Omit<Annotation, 'timestampNs'> = { ...CAR, uuid: 'bollard-1', category: 'BOLLARD', size: [0.3, 0.3, 1] }; // prettier-ignore

interface LogOptions extends WriteOptions {
  sweeps?: number;
  /** Poses this many ns after each sweep instead of at it. */
  poseShift?: bigint;
  leaveOut?: string[];
  annotationsDrop?: string;
}

/** One log's files under `prefix`, as the dataset lays them out. */
function logFiles(prefix: string, options: LogOptions = {}): Record<string, Uint8Array> {
  const sweeps = options.sweeps ?? 3;
  const files: Record<string, Uint8Array> = {};
  for (let k = 0; k < sweeps; k++) {
    const points = Array.from({ length: 40 }, (_, i) => ({
      xyz: [5 + i, (i % 5) - 2, 0.5] as [number, number, number],
      intensity: (i * 13) % 256,
      laser: laserOf(i),
      offsetNs: i * 1000,
    }));
    files[`${prefix}sensors/lidar/${sweepTime(k)}.feather`] = writeSweep(points, { ...options, half: k === 1 });
  }
  // The front camera: 30 ms before and 10 ms after sweep 0, 5 ms before sweep 1; none within 25 ms of sweep 2.
  for (const ms of [-30n, 10n, 95n]) files[`${prefix}sensors/cameras/ring_front_center/${T0 + ms * MS}.jpg`] = new Uint8Array(1); // prettier-ignore
  // The left camera at 20 Hz, 20 ms off the sweeps.
  for (let ms = -20n; ms <= 230n; ms += 50n) files[`${prefix}sensors/cameras/ring_side_left/${T0 + ms * MS}.jpg`] = new Uint8Array(1); // prettier-ignore
  files[`${prefix}calibration/intrinsics.feather`] = writeIntrinsics({ ring_front_center: K_FRONT, ring_side_left: K_SIDE, stereo_front_left: K_SIDE }, options); // prettier-ignore
  files[`${prefix}calibration/egovehicle_SE3_sensor.feather`] = writeSensorPoses(
    { ring_front_center: FRONT, ring_side_left: SIDE_LEFT, stereo_front_left: FRONT, up_lidar: LIDAR_POSE, down_lidar: LIDAR_POSE }, // prettier-ignore
    options,
  );
  const poses = Array.from({ length: sweeps }, (_, k) => ({ timestampNs: sweepTime(k) + (options.poseShift ?? 0n), pose: cityPose(k) })); // prettier-ignore
  // Poses come far more often than sweeps: one halfway between each two.
  const between = poses.slice(1).map((p, k) => ({ timestampNs: sweepTime(k) + 50n * MS, pose: cityPose(k + 0.5) }));
  files[`${prefix}city_SE3_egovehicle.feather`] = writeCityPoses([...between, ...poses], options);
  const rows: Annotation[] = [
    { ...CAR, timestampNs: sweepTime(0) },
    { ...BOLLARD, timestampNs: sweepTime(0) },
    { ...CAR, timestampNs: sweepTime(1), pose: { ...CAR.pose, t: [13, -3, 0.8] } },
    { ...RIDER, timestampNs: sweepTime(2) },
    // Between two sweeps: no frame holds it.
    { ...CAR, timestampNs: sweepTime(0) + 50n * MS },
  ];
  files[`${prefix}annotations.feather`] = writeAnnotations(rows, { ...options, ...(options.annotationsDrop ? { drop: options.annotationsDrop } : {}) }); // prettier-ignore
  for (const path of options.leaveOut ?? []) delete files[`${prefix}${path}`];
  return files;
}

/** A validation split of two logs: `log-a` (2 sweeps, uncompressed, poses 1 ms late) and `log-b` (LZ4). */
function split(b: LogOptions = {}) {
  return createMemoryFiles('val', {
    ...logFiles('val/log-a/', { sweeps: 2, plain: true, poseShift: MS }),
    ...logFiles('val/log-b/', b),
  });
}

function codes(imported: ImportedScene): string[] {
  return imported.problems.map((p) => p.code).sort();
}

function unsaid(problems: readonly FileProblem[]): string[] {
  return LOCALES.flatMap((locale) =>
    problems.filter((p) => problemPlainText(locale, p.code, p.values) === undefined).map((p) => `${locale} ${p.code}`),
  );
}

describe('Argoverse 2 sensor logs: the chooser', () => {
  it('lists every log of a split with its sweeps, from the listing alone', async () => {
    expect(await listScenes(split())).toEqual({
      layout: 'argoverse2',
      scenes: [
        { id: 'log-a', name: 'log-a', frames: 2 },
        { id: 'log-b', name: 'log-b', frames: 3 },
      ],
    });
  });

  it('imports the log chosen, the first without a choice, and refuses an id that names none', async () => {
    const second = await importScene(split(), { scene: 'log-b' });
    expect(second.scene.name).toBe('log-b');
    expect(second.scene.frames).toHaveLength(3);
    expect(second.scene.frames[0]!.lidar[0]!.uri).toBe(`val/log-b/sensors/lidar/${T0}.feather`);
    const first = await importScene(split());
    expect(first.scene.name).toBe('log-a');
    expect(first.scene.id).not.toBe(second.scene.id);
    const refused = await importScene(split(), { scene: 'nope' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CodedError);
    expect(refused).toMatchObject({ code: 'scene.choice.unknown', values: { folder: 'val', scene: 'nope' } });
  });

  it('takes a single log dropped as the folder itself (id "")', async () => {
    const files = createMemoryFiles('c6a2f3b0-log', logFiles(''));
    expect((await listScenes(files)).scenes).toEqual([{ id: '', name: 'c6a2f3b0-log', frames: 3 }]);
    const { scene } = await importScene(files);
    expect(scene.name).toBe('c6a2f3b0-log');
    expect(scene.frames).toHaveLength(3);
  });
});

describe('Argoverse 2 sensor logs: one log', () => {
  it('makes a frame per sweep at its file name’s time, the LiDAR at the ego frame', async () => {
    const { scene } = await importScene(split(), { scene: 'log-b' });
    expect(scene.frames.map((f) => f.timestampUs)).toEqual([315_966_265_259_837, 315_966_265_359_837, 315_966_265_459_837]); // prettier-ignore
    expect(scene.frames.map((f) => f.externalId)).toEqual([0, 1, 2].map((k) => String(sweepTime(k))));
    // The sweeps are already in the ego frame (both LiDARs merged): identity, whatever the LiDARs' own poses.
    expect(scene.lidars).toEqual([{ id: 'lidar', name: 'up_lidar + down_lidar', egoFromLidar: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] }]); // prettier-ignore
  });

  it('reads the cameras: cameraFromEgo the inverse of ego_SE3_sensor, OpenCV axes, size from the intrinsics', async () => {
    const { scene } = await importScene(split(), { scene: 'log-b' });
    const [front, left] = scene.cameras;
    expect(scene.cameras.map((c) => [c.id, c.width, c.height, c.distortion.model])).toEqual([
      ['ring_front_center', 1550, 2048, 'none'],
      ['ring_side_left', 2048, 1550, 'none'],
    ]);
    expect(front!.intrinsics).toEqual({ fx: 1700, fy: 1700, cx: 775, cy: 1024, skew: 0 });
    // Worked by hand: camera x = −ego y, camera y = −(ego z − 1.4), camera z = ego x − 1.6.
    const expected = [0, -1, 0, 0, 0, 0, -1, 1.4, 1, 0, 0, -1.6, 0, 0, 0, 1];
    front!.cameraFromEgo.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
    // A point 20 m ahead of the front camera is on its image centre; 2 m to its left, left of it; 1 m up, above.
    const centre = projectEgoPoint(front!, [21.6, 0, 1.4])!;
    expect(centre[0]).toBeCloseTo(775, 9);
    expect(centre[1]).toBeCloseTo(1024, 9);
    expect(centre[2]).toBeCloseTo(20, 9);
    expect(projectEgoPoint(front!, [21.6, 2, 1.4])![0]).toBeCloseTo(775 - 170, 9);
    expect(projectEgoPoint(front!, [21.6, 0, 2.4])![1]).toBeCloseTo(1024 - 85, 9);
    // The left camera sees a point 20 m to the ego's left on its centre; a point ahead of it right of centre.
    const side = projectEgoPoint(left!, [1.2, 20.9, 1.4])!;
    expect([side[0], side[1], side[2]].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1024, 775, 20]);
    expect(projectEgoPoint(left!, [3.2, 20.9, 1.4])![0]).toBeCloseTo(1024 + 100, 9);
  });

  it('gives each frame each camera’s nearest image within 25 ms, and says which frames lack one', async () => {
    const imported = await importScene(split(), { scene: 'log-b' });
    const images = imported.scene.frames.map((f) => f.cameras.map((c) => `${c.sensorId}@${c.uri.split('/').pop()}`));
    const at = (camera: string, ms: bigint) => `${camera}@${T0 + ms * MS}.jpg`;
    expect(images).toEqual([
      [at('ring_front_center', 10n), at('ring_side_left', -20n)],
      [at('ring_front_center', 95n), at('ring_side_left', 80n)],
      [at('ring_side_left', 180n)],
    ]);
    expect(imported.scene.frames[1]!.cameras[0]!.timestampUs).toBe(Number((T0 + 95n * MS + 500n) / 1000n));
    const gap = imported.problems.find((p) => p.code === 'argoverse2.camera.gap')!;
    expect(gap).toMatchObject({ path: 'val/log-b/sensors/cameras/ring_front_center/', values: { camera: 'ring_front_center', frames: 1 } }); // prettier-ignore
    // The stereo camera is calibrated but has no images in this log.
    expect(imported.problems.find((p) => p.code === 'argoverse2.camera.no-images')?.values).toEqual({ camera: 'stereo_front_left' }); // prettier-ignore
  });

  it('places every frame in the city frame by the pose at its sweep’s exact time', async () => {
    const imported = await importScene(split(), { scene: 'log-b' });
    for (const [k, frame] of imported.scene.frames.entries()) {
      const [c, s] = [Math.cos(0.1 * k), Math.sin(0.1 * k)];
      const expected = [c, -s, 0, 100 + 5 * k, s, c, 0, 200, 0, 0, 1, 10, 0, 0, 0, 1];
      frame.worldFromEgo!.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
    }
    expect(codes(imported)).not.toContain('argoverse2.pose.inexact');
    // log-a's poses come 1 ms after its sweeps: the nearest is taken, and said.
    const late = await importScene(split(), { scene: 'log-a' });
    expect(late.scene.frames[1]!.worldFromEgo![3]).toBeCloseTo(105, 12);
    expect(late.problems.find((p) => p.code === 'argoverse2.pose.inexact')).toMatchObject({ path: 'val/log-a/city_SE3_egovehicle.feather', values: { frames: 2 } }); // prettier-ignore
  });

  it('reads the annotations as tracks by track_uuid with keyframe boxes at their sweeps, in the ego frame', async () => {
    const imported = await importScene(split(), { scene: 'log-b' });
    const { tracks, cuboids } = imported;
    expect(tracks.map((t) => [t.externalId, t.classId])).toEqual([
      [CAR.uuid, 'car'],
      ['bollard-1', 'bollard'],
      ['rider-1', 'cyclist'],
    ]);
    const car = cuboids.filter((c) => c.trackId === tracks[0]!.id);
    expect(car.map((c) => [c.frameIndex, c.position, c.size])).toEqual([
      [0, [12, -3, 0.8], [4.5, 1.9, 1.6]],
      [1, [13, -3, 0.8], [4.5, 1.9, 1.6]],
    ]);
    expect(car[0]!.yaw).toBeCloseTo(0.3, 12);
    expect(car[0]!.pitch).toBeCloseTo(0, 12);
    expect(car.every((c) => c.keyframe && c.source.kind === 'manual')).toBe(true);
    expect(cuboids.find((c) => c.trackId === tracks[2]!.id)!.frameIndex).toBe(2);
    expect(imported.problems.filter((p) => p.code.startsWith('labels.') || p.code.includes('label'))).toMatchObject([
      { code: 'argoverse2.label.no-sweep', path: 'val/log-b/annotations.feather', values: { boxes: 1 } },
      { code: 'labels.class.unknown', values: { className: 'BOLLARD', classId: 'bollard' } },
    ]);
  });

  it('keeps laser_number in the frames’ sweeps (float32 and float16 x y z alike)', async () => {
    const files = split();
    const { scene } = await importScene(files, { scene: 'log-b' });
    for (const frame of scene.frames.slice(0, 2)) {
      const cloud = readPointCloudFile(await files.read(frame.lidar[0]!.uri), frame.lidar[0]!.uri);
      expect(Array.from(cloud.attributes['laser_number']!)).toEqual(Array.from({ length: 40 }, (_, i) => laserOf(i)));
      expect(cloud.positions[0]).toBe(5);
    }
  });

  it('says every problem in every language', async () => {
    const imported = await importScene(split(), { scene: 'log-a' });
    expect(imported.problems.length).toBeGreaterThan(0);
    expect(unsaid(imported.problems)).toEqual([]);
  });
});

describe('Argoverse 2 sensor logs: damaged and missing files', () => {
  it('a corrupt annotations.feather is a problem naming it; the rest imports', async () => {
    const files = logFiles('');
    files['annotations.feather'] = new TextEncoder().encode('ARROW1\0\0 not really');
    const imported = await importScene(createMemoryFiles('log', files));
    expect(imported.tracks).toEqual([]);
    expect(imported.scene.frames).toHaveLength(3);
    expect(imported.problems.find((p) => p.path === 'annotations.feather')?.code).toBe('file.malformed');
  });

  it('a corrupt sweep is a FormatError naming the file when it is read', async () => {
    const path = `sensors/lidar/${T0}.feather`;
    const bytes = logFiles('')[path]!.slice(0, 200);
    expect(() => readPointCloudFile(bytes, path)).toThrow(FormatError);
    expect(() => readPointCloudFile(bytes, path)).toThrow(new RegExp(`^${path}: `));
  });

  it('a missing calibration leaves the cameras out with a problem; the sweeps and labels stay', async () => {
    const imported = await importScene(createMemoryFiles('log', logFiles('', { leaveOut: ['calibration/intrinsics.feather'] }))); // prettier-ignore
    expect(imported.scene.cameras).toEqual([]);
    expect(imported.scene.frames.every((f) => f.cameras.length === 0)).toBe(true);
    expect(imported.cuboids).toHaveLength(4);
    expect(imported.problems.find((p) => p.code === 'argoverse2.calib.missing')).toMatchObject({
      path: 'calibration/intrinsics.feather',
      values: { file: 'calibration/intrinsics.feather' },
    });
    expect(unsaid(imported.problems)).toEqual([]);
  });

  it('missing poses and a table without a needed column are problems too', async () => {
    const files = logFiles('', { leaveOut: ['city_SE3_egovehicle.feather'], annotationsDrop: 'category' });
    const imported = await importScene(createMemoryFiles('log', files));
    expect(imported.scene.frames.every((f) => f.worldFromEgo === undefined)).toBe(true);
    expect(codes(imported)).toEqual(expect.arrayContaining(['argoverse2.poses.missing', 'feather.column.missing']));
    expect(imported.problems.find((p) => p.code === 'feather.column.missing')).toMatchObject({ path: 'annotations.feather', values: { column: 'category' } }); // prettier-ignore
    expect(unsaid(imported.problems)).toEqual([]);
  });

  it('a LiDAR-only log (as the devkit’s test logs) has no cameras and no camera problem', async () => {
    const files = logFiles('');
    for (const path of Object.keys(files)) if (path.startsWith('sensors/cameras/')) delete files[path];
    const imported = await importScene(createMemoryFiles('log', files));
    expect(imported.scene.cameras).toEqual([]);
    expect(codes(imported).filter((c) => c.includes('camera') || c.includes('calib'))).toEqual([]);
  });
});
