import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { multiply } from '../../../../src/core/math/mat4';
import { invertAffine } from '../../../../src/formats/calibration/invert-affine';
import { readKittiCalib, rectFromVelo } from '../../../../src/formats/calibration/kitti-calib';
import { createKittiCamera } from '../../../../src/formats/calibration/kitti-camera';
import { readKittiRawCalib } from '../../../../src/formats/calibration/kitti-raw-calib';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { IMU_TO_VELO, P2, rawCalib, trackingCalib, VELO_TO_CAM } from '../scene/kitti-fixtures';

const calibText = readFileSync(new URL('../../../../../shared/data/kitti-object/training/calib/000000.txt', import.meta.url), 'utf8'); // prettier-ignore
/** The numbers of a `key: …` row, split here by hand. */
const row = (key: string) => calibText.split('\n').find((l) => l.startsWith(`${key}:`))!.slice(key.length + 1).trim().split(' ').map(Number); // prettier-ignore

describe('readKittiCalib', () => {
  it('reads P0..P3, R0_rect, Tr_velo_to_cam and Tr_imu_to_velo of a real object calibration', () => {
    const calib = readKittiCalib(calibText, 'calib/000000.txt');
    expect(calib.projections).toEqual(['P0', 'P1', 'P2', 'P3'].map(row));
    const r = row('R0_rect');
    expect(calib.rectFromCam0).toEqual([r[0], r[1], r[2], 0, r[3], r[4], r[5], 0, r[6], r[7], r[8], 0, 0, 0, 0, 1]);
    expect(calib.cam0FromVelo).toEqual([...row('Tr_velo_to_cam'), 0, 0, 0, 1]);
    expect(calib.veloFromImu).toEqual([...row('Tr_imu_to_velo'), 0, 0, 0, 1]);
    expect(rectFromVelo(calib)).toEqual(multiply(calib.rectFromCam0, calib.cam0FromVelo));
  });

  it("reads the tracking benchmark's colon-less R_rect, Tr_velo_cam and Tr_imu_velo", () => {
    const calib = readKittiCalib(trackingCalib(), 'calib/0000.txt');
    expect(calib.projections[2]!.map((v) => Number(v.toPrecision(10)))).toEqual(P2);
    expect(calib.cam0FromVelo.slice(0, 12).map((v) => Number(v.toPrecision(10)))).toEqual(VELO_TO_CAM);
    expect(calib.veloFromImu!.slice(0, 12).map((v) => Number(v.toPrecision(10)))).toEqual(IMU_TO_VELO);
  });

  it('refuses a calibration without Tr_velo_to_cam, or with a short row, naming the file', () => {
    expect(() => readKittiCalib('P2: 1 0 0 0 0 1 0 0 0 0 1 0\nR0_rect: 1 0 0 0 1 0 0 0 1', 'c.txt')).toThrow(new FormatError('c.txt', 'no Tr_velo_to_cam row', { code: 'kitti.calib.malformed' })); // prettier-ignore
    expect(() => readKittiCalib(calibText.replace(/^R0_rect:.*$/m, 'R0_rect: 1 0 0'), 'c.txt')).toThrow(/^c\.txt: R0_rect has 3 numbers/); // prettier-ignore
  });
});

describe('readKittiRawCalib', () => {
  it('builds the same KittiCalib from the three files of a raw day, with the rectified image sizes', () => {
    const texts = rawCalib();
    const calib = readKittiRawCalib({
      camToCam: { path: 'cam', text: texts['calib_cam_to_cam.txt']! },
      veloToCam: { path: 'velo', text: texts['calib_velo_to_cam.txt']! },
      imuToVelo: { path: 'imu', text: texts['calib_imu_to_velo.txt']! },
    });
    expect(calib.projections[2]!.map((v) => Number(v.toPrecision(10)))).toEqual(P2);
    expect(calib.projections[3]).toBeUndefined();
    expect(calib.cam0FromVelo.map((v) => Number(v.toPrecision(10)))).toEqual([...VELO_TO_CAM, 0, 0, 0, 1]);
    expect(calib.veloFromImu!.map((v) => Number(v.toPrecision(10)))).toEqual([...IMU_TO_VELO, 0, 0, 0, 1]);
    expect(calib.imageSizes[2]).toEqual([1242, 375]);
    expect(() => readKittiRawCalib({ camToCam: { path: 'cam', text: 'S_rect_02: 1 2' }, veloToCam: { path: 'v', text: '' } })).toThrow(/^cam: no R_rect_00/); // prettier-ignore
  });
});

describe('createKittiCamera and invertAffine', () => {
  it('folds P = K · [I | b] into intrinsics K and cameraFromEgo = T(b) · rectFromEgo', () => {
    const rect = [1, 0, 0, 0.1, 0, 1, 0, 0.2, 0, 0, 1, 0.3, 0, 0, 0, 1];
    const camera = createKittiCamera('image_2', P2, rect, 1242, 375);
    expect(camera.intrinsics).toEqual({ fx: P2[0], skew: P2[1], cx: P2[2], fy: P2[5], cy: P2[6] });
    // K · cameraFromEgo's top 3×4 gives back P · rectFromEgo.
    const k = [P2[0]!, P2[1]!, P2[2]!, 0, 0, P2[5]!, P2[6]!, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    const expected = multiply([...P2, 0, 0, 0, 1], rect);
    multiply(k, camera.cameraFromEgo).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 9));
    expect(() => createKittiCamera('bad', [1, 0, 0, 0, 0.5, 1, 0, 0, 0, 0, 1, 0], rect, 1, 1)).toThrow(
      /K · \[I \| b\]/,
    );
  });

  it('inverts a non-orthonormal affine transform exactly and refuses a singular one', () => {
    const m = [2, 0.3, 0, 1, 0.1, 1.5, 0.2, -2, 0, 0.4, 0.8, 3, 0, 0, 0, 1];
    multiply(invertAffine(m), m).forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1][i]!, 12)); // prettier-ignore
    expect(() => invertAffine([1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])).toThrow(/singular/);
  });
});
