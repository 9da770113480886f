import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSustechCameraCalib } from '../../../../src/formats/calibration/sustech-camera-calib';

const read = (name: string) => readFileSync(new URL(`../../../../../shared/data/sustechpoints/calib/camera/${name}.json`, import.meta.url), 'utf8'); // prettier-ignore

describe('readSustechCameraCalib', () => {
  it('reads extrinsic and intrinsic, ignoring the extra key of left.json', () => {
    const json = JSON.parse(read('left')) as { extrinsic: number[]; intrinsic: number[] };
    const calib = readSustechCameraCalib(read('left'), 'left.json');
    expect(calib.cameraFromLidar).toEqual(json.extrinsic);
    const k = json.intrinsic;
    expect(calib.intrinsics).toEqual({ fx: k[0], skew: k[1], cx: k[2], fy: k[4], cy: k[5] });
  });

  it('names the file and the key at fault', () => {
    expect(() => readSustechCameraCalib('{"extrinsic": [1, 2]}', 'x.json')).toThrow('x.json: "extrinsic" must be an array of 16 numbers'); // prettier-ignore
    expect(() => readSustechCameraCalib('{', 'x.json')).toThrow(/^x\.json: not valid JSON/);
  });
});
