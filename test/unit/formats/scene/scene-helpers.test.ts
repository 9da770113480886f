import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { readImageSize } from '../../../../src/formats/scene/image-size';
import { readKittiTimestamps } from '../../../../src/formats/scene/kitti-timestamps';
import { fnv1a64, hashListing } from '../../../../src/formats/scene/listing-hash';
import { findNearest, stemOf } from '../../../../src/formats/scene/nearest-sample';
import { readOxtsRow, worldFromImuPoses } from '../../../../src/formats/scene/oxts-pose';
import { parseLenientJson } from '../../../../src/formats/scene/parse-lenient-json';
import { png } from './kitti-fixtures';
import { SHARED_DATA } from './scene-test-helpers';

describe('fnv1a64 and hashListing', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('ignores the listing order but not its content, name or kind', () => {
    const h = hashListing('kitti-object', 'training', ['b', 'a']);
    expect(hashListing('kitti-object', 'training', ['a', 'b'])).toBe(h);
    expect(hashListing('kitti-object', 'training', ['a', 'b', 'c'])).not.toBe(h);
    expect(hashListing('kitti-object', 'testing', ['a', 'b'])).not.toBe(h);
    expect(hashListing('sustechpoints', 'training', ['a', 'b'])).not.toBe(h);
  });
});

describe('readImageSize', () => {
  it('reads PNG and JPEG headers (sizes as the data README gives them)', () => {
    const read = (p: string) => new Uint8Array(readFileSync(SHARED_DATA + p));
    expect(readImageSize(read('kitti-object/training/image_2/000000.png'), 'a.png')).toEqual({ width: 1224, height: 370 }); // prettier-ignore
    expect(readImageSize(read('sustechpoints/camera/front/000965.jpg'), 'a.jpg')).toEqual({ width: 2048, height: 1536 }); // prettier-ignore
    expect(readImageSize(png(7, 3), 'tiny.png')).toEqual({ width: 7, height: 3 });
  });

  it('refuses other bytes and truncated headers with a FormatError naming the file', () => {
    expect(() => readImageSize(new Uint8Array(40), 'x.png')).toThrow(
      new FormatError('x.png', 'not a PNG or JPEG image', { code: 'image.header.malformed' }),
    );
    const jpeg = new Uint8Array(readFileSync(SHARED_DATA + 'sustechpoints/camera/front/000965.jpg')).slice(0, 20);
    expect(() => readImageSize(jpeg, 'cut.jpg')).toThrow(/^cut\.jpg: JPEG: no frame header/);
  });
});

describe('small readers', () => {
  it('finds the nearest time, the earlier on a tie', () => {
    const files = [0, 100, 200].map((t) => ({ path: `f${t}`, timestampUs: t }));
    expect([-5, 49, 50, 51, 160, 999].map((t) => findNearest(files, t)!.path)).toEqual(['f0', 'f0', 'f0', 'f100', 'f200', 'f200']); // prettier-ignore
    expect(findNearest([], 3)).toBeUndefined();
    expect(stemOf('a/b/n015__CAM__15.pcd.bin')).toBe('n015__CAM__15');
  });

  it('reads KITTI timestamps to µs (UTC) and OXTS rows', () => {
    expect(readKittiTimestamps('2011-09-26 13:02:25.964389445\n', 't')).toEqual([Date.UTC(2011, 8, 26, 13, 2, 25) * 1000 + 964389]); // prettier-ignore
    expect(() => readKittiTimestamps('yesterday', 't')).toThrow(/^t: line 1/);
    expect(readOxtsRow('49 8 110 0.1 0.2 0.3 1 2 3', 'o')).toEqual({ lat: 49, lon: 8, alt: 110, roll: 0.1, pitch: 0.2, yaw: 0.3 }); // prettier-ignore
    expect(() => readOxtsRow('49 8', 'o')).toThrow(/^o: expected an OXTS row/);
    const [first] = worldFromImuPoses([{ lat: 49, lon: 8, alt: 110, roll: 0, pitch: 0, yaw: 0 }]);
    expect(first!.map((v) => v + 0)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]); // + 0 turns −0 into 0
  });

  it("reads Python's NaN as null, leaving strings alone", () => {
    expect(parseLenientJson('{"a": [NaN, -Infinity], "b": "NaN"}')).toEqual({ a: [null, null], b: 'NaN' });
    expect(() => parseLenientJson('{"a": nope}')).toThrow(SyntaxError);
  });
});
