import { describe, expect, it } from 'vitest';
import { transformPoint, translationOf } from '../../../../src/core/math/mat4';
import { detectLayout } from '../../../../src/formats/scene/detect-layout';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { createMemoryFiles } from '../../../../src/formats/scene/scene-files';
import { encode, haversine, IMU_TO_VELO, kittiBin, labelFields, oxtsRow, png, trackingCalib } from './kitti-fixtures';

const LAT = 49.011;
const LON = 8.4167;
const D = 1e-4; // degrees: about 7 m east, 11 m north here

/** Sequence 0000 with 3 frames, 2 objects and a DontCare; sequence 0001 with one sweep only. */
function trackingFiles() {
  const entries: Record<string, Uint8Array> = {};
  for (let f = 0; f < 3; f++) {
    const name = String(f).padStart(6, '0');
    entries[`training/velodyne/0000/${name}.bin`] = kittiBin([[10 + f, 1, -1], [12, -2, -0.5], [20, 0, 0]]); // prettier-ignore
    entries[`training/image_02/0000/${name}.png`] = png(12, 5);
  }
  entries['training/velodyne/0001/000000.bin'] = kittiBin([[1, 2, 3]]);
  entries['training/calib/0000.txt'] = encode(trackingCalib());
  entries['training/oxts/0000.txt'] = encode(
    [oxtsRow(LAT, LON, 110), oxtsRow(LAT, LON + D, 110), oxtsRow(LAT + D, LON + D, 112, Math.PI / 2)].join('\n'),
  );
  entries['training/label_02/0000.txt'] = encode(
    [
      `0 0 Car ${labelFields(1.5, 1.6, 4, 1, 1.7, 15, 0)}`,
      `0 1 Pedestrian ${labelFields(1.8, 0.6, 0.8, -3, 1.7, 9, 1)}`,
      `0 -1 DontCare ${labelFields(-1, -1, -1, -1000, -1000, -1000, -10)}`,
      `1 0 Car ${labelFields(1.5, 1.6, 4, 1, 1.7, 14, 0)}`,
      `1 1 Pedestrian ${labelFields(1.8, 0.6, 0.8, -3, 1.7, 8.5, 1)}`,
      `2 0 Car ${labelFields(1.5, 1.6, 4, 1, 1.7, 13, 0.1)}`,
    ].join('\n'),
  );
  return createMemoryFiles('kitti-tracking', entries);
}

describe('importScene: KITTI tracking (synthetic)', () => {
  it('is detected under training/', () => {
    expect(detectLayout(trackingFiles().list())).toEqual({ kind: 'kitti-tracking', root: 'training/' });
  });

  it('imports the first sequence: frames at 10 Hz, images by frame number, one track per track_id', async () => {
    const { scene, tracks, cuboids, problems } = await importScene(trackingFiles());
    expect(scene.name).toBe('kitti-tracking 0000');
    expect(scene.frames.map((f) => [f.timestampUs, f.lidar[0]!.uri, f.cameras[0]!.uri])).toEqual(
      [0, 1, 2].map((i) => [
        i * 100_000,
        `training/velodyne/0000/00000${i}.bin`,
        `training/image_02/0000/00000${i}.png`,
      ]),
    );
    expect(scene.cameras.map((c) => [c.id, c.width, c.height])).toEqual([['image_02', 12, 5]]);
    expect(tracks.map((t) => t.classId)).toEqual(['car', 'pedestrian']);
    expect(tracks.map((t) => t.externalId)).toEqual(['0', '1']);
    expect(cuboids.map((c) => [tracks.findIndex((t) => t.id === c.trackId), c.frameIndex])).toEqual([
      [0, 0], [1, 0], [0, 1], [1, 1], [0, 2],
    ]); // prettier-ignore
    // Car in frame 0: bottom centre (1, 1.7, 15) in the camera, 1.5 m tall → centre 15 m ahead in the Velodyne.
    const car = cuboids[0]!;
    expect(car.position[0]).toBeCloseTo(15 + 0.272, 9);
    expect(car.position[1]).toBeCloseTo(-1 - 0.004, 9);
    expect(car.position[2]).toBeCloseTo(-(1.7 - 0.75) - 0.076, 9);
    expect(car.yaw).toBeCloseTo(-Math.PI / 2, 12);
    expect(problems).toEqual([
      { path: 'training/velodyne/', code: 'kitti.sequence.ignored', message: 'sequences 0001 not imported: one scene per sequence', values: { sequences: '0001' } }, // prettier-ignore
    ]);
  });

  it('places the ego in the world from OXTS: metres east and north, the yaw, and the IMU→Velodyne offset', async () => {
    const { scene } = await importScene(trackingFiles());
    const [w0, w1, w2] = scene.frames.map((f) => f.worldFromEgo!);
    // First frame: the world origin is the first IMU position, so the Velodyne sits at imuFromVelo's offset.
    expect(translationOf(w0!).map((v) => Number(v.toFixed(9)))).toEqual([0.81, -0.32, 0.8]);
    // A pure move east by D degrees of longitude: the distance along the parallel.
    const east = translationOf(w1!).map((v, i) => v - translationOf(w0!)[i]!);
    expect(east[0]).toBeCloseTo(haversine(LAT, LON, LAT, LON + D), 3);
    expect(east[1]).toBeCloseTo(0, 9);
    expect(east[2]).toBeCloseTo(0, 9);
    // Then north by D degrees of latitude, 2 m up, turned to face north (yaw π/2).
    // The IMU's origin in Velodyne coordinates is Tr_imu_to_velo's translation (its rotation is identity).
    const imuInVelo: [number, number, number] = [IMU_TO_VELO[3]!, IMU_TO_VELO[7]!, IMU_TO_VELO[11]!];
    const imu1 = transformPoint(w1!, imuInVelo);
    const imu2 = transformPoint(w2!, imuInVelo);
    expect(imu2[1] - imu1[1]).toBeCloseTo(haversine(LAT, LON + D, LAT + D, LON + D), 2);
    expect(imu2[0] - imu1[0]).toBeCloseTo(0, 9);
    expect(imu2[2] - imu1[2]).toBeCloseTo(2, 9);
    const forward = transformPoint(w2!, [1, 0, 0]).map((v, i) => v - translationOf(w2!)[i]!);
    expect(forward.map((v) => Number(v.toFixed(12)))).toEqual([0, 1, 0]);
  });
});
