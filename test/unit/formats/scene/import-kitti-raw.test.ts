import { describe, expect, it } from 'vitest';
import { projectEgoPoint } from '../../../../src/core/geometry/projection';
import { translationOf } from '../../../../src/core/math/mat4';
import { detectLayout } from '../../../../src/formats/scene/detect-layout';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { createMemoryFiles } from '../../../../src/formats/scene/scene-files';
import { encode, haversine, kittiBin, oxtsRow, P2, png, rawCalib } from './kitti-fixtures';

const DAY = '2011_09_26/';
const DRIVE = `${DAY}2011_09_26_drive_0001_sync/`;
const SWEEP_TIMES = ['2011-09-26 13:02:25.964389445', '2011-09-26 13:02:26.067627472', '2011-09-26 13:02:26.171104658'];
// Images 2 and 3 were taken 30 ms and 5 ms after sweeps 1 and 2; there is no image 0.
const IMAGE_TIMES = ['2011-09-26 13:02:26.097627000', '2011-09-26 13:02:26.176104000'];

function rawFiles(options: { dropCalib?: boolean } = {}) {
  const entries: Record<string, Uint8Array> = {};
  SWEEP_TIMES.forEach((_, f) => {
    entries[`${DRIVE}velodyne_points/data/${String(f).padStart(10, '0')}.bin`] = kittiBin([[5 + f, 0, 0]]);
    entries[`${DRIVE}oxts/data/${String(f).padStart(10, '0')}.txt`] = encode(oxtsRow(49, 8.4 + f * 1e-4, 100));
  });
  entries[`${DRIVE}image_02/data/0000000001.png`] = png(1242, 375);
  entries[`${DRIVE}image_02/data/0000000002.png`] = png(1242, 375);
  entries[`${DRIVE}velodyne_points/timestamps.txt`] = encode(SWEEP_TIMES.join('\n') + '\n');
  entries[`${DRIVE}image_02/timestamps.txt`] = encode(['2011-09-26 13:02:25.961000000', ...IMAGE_TIMES].join('\n'));
  for (const [name, text] of Object.entries(rawCalib())) {
    if (!(options.dropCalib && name === 'calib_imu_to_velo.txt')) entries[DAY + name] = encode(text);
  }
  return createMemoryFiles('raw', entries);
}

/** µs since the epoch of a KITTI time, computed here from its parts (read as UTC). */
const micros = (t: string) =>
  Date.UTC(2011, 8, 26, Number(t.slice(11, 13)), Number(t.slice(14, 16)), Number(t.slice(17, 19))) * 1000 +
  Number(t.slice(20, 26));

describe('importScene: KITTI raw drive (synthetic)', () => {
  it('is detected with the day folder as root', () => {
    expect(detectLayout(rawFiles().list())).toEqual({ kind: 'kitti-raw', root: DAY });
    expect(
      detectLayout(
        rawFiles()
          .list()
          .map((p) => `kitti/${p}`),
      ),
    ).toEqual({ kind: 'kitti-raw', root: `kitti/${DAY}` });
    // A drive dropped on its own: the root is the drive folder itself.
    const alone = rawFiles()
      .list()
      .filter((p) => p.startsWith(DRIVE))
      .map((p) => p.slice(DRIVE.length));
    expect(detectLayout(alone)).toEqual({ kind: 'kitti-raw', root: '' });
  });

  it('times sweeps from timestamps.txt and gives each the image nearest in time', async () => {
    const { scene, problems } = await importScene(rawFiles());
    expect(problems).toEqual([]);
    expect(scene.name).toBe('2011_09_26_drive_0001_sync');
    expect(scene.frames.map((f) => f.timestampUs)).toEqual(SWEEP_TIMES.map(micros));
    expect(scene.frames[1]!.timestampUs - scene.frames[0]!.timestampUs).toBe(103238);
    // Sweep 0 is nearer to image 1 (133 ms) than to nothing; sweeps 1 and 2 to their own images.
    expect(scene.frames.map((f) => f.cameras[0]?.uri.slice(DRIVE.length))).toEqual([
      'image_02/data/0000000001.png',
      'image_02/data/0000000001.png',
      'image_02/data/0000000002.png',
    ]);
    expect(scene.frames[2]!.cameras[0]!.timestampUs).toBe(micros(IMAGE_TIMES[1]!));
    const camera = scene.cameras[0]!;
    expect([camera.id, camera.width, camera.height]).toEqual(['image_02', 1242, 375]);
    // A point 10 m ahead projects as P_rect_02 · R_rect_00 · Tr_velo_to_cam says: (x, y, z)cam = (0, 0, 10) + offsets.
    const [u, v] = projectEgoPoint(camera, [10, 0, 0])!;
    const cam = [-0.004, -0.076, 10 - 0.272];
    const w = cam[2]! + P2[11]!;
    expect(u).toBeCloseTo((P2[0]! * cam[0]! + P2[2]! * cam[2]! + P2[3]!) / w, 9);
    expect(v).toBeCloseTo((P2[5]! * cam[1]! + P2[6]! * cam[2]! + P2[7]!) / w, 9);
  });

  it('moves worldFromEgo east by the OXTS longitude step, and reports a missing IMU calibration', async () => {
    const { scene } = await importScene(rawFiles());
    const x = scene.frames.map((f) => translationOf(f.worldFromEgo!)[0]);
    expect(x[1]! - x[0]!).toBeCloseTo(haversine(49, 8.4, 49, 8.4001), 3);
    expect(x[2]! - x[1]!).toBeCloseTo(haversine(49, 8.4001, 49, 8.4002), 3);
    const without = await importScene(rawFiles({ dropCalib: true }));
    expect(without.scene.frames.every((f) => f.worldFromEgo === undefined)).toBe(true);
    expect(without.problems).toEqual([{ path: `${DAY}calib_imu_to_velo.txt`, code: 'kitti.calib.missing', message: 'missing: no poses' }]); // prettier-ignore
  });
});
