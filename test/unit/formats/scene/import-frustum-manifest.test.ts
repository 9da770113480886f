import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../../src/formats/scene/detect-layout';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { createMemoryFiles } from '../../../../src/formats/scene/scene-files';
import { validateFrustumManifest } from '../../../../src/formats/scene/validate-frustum-manifest';
import { encode, kittiBin, png } from './kitti-fixtures';

const FIXTURE = new URL('../../../fixtures/frustum-manifest/frustum-manifest.json', import.meta.url);
const MANIFEST = 'frustum-manifest.json';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fixture = (): Json => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Json;

/** The fixture manifest (possibly edited) beside the files it names, made here. */
function manifestFiles(edit: (m: Json) => void = () => {}, prefix = '', name = MANIFEST) {
  const manifest = fixture();
  edit(manifest);
  return createMemoryFiles('manifest-scene', {
    [prefix + name]: encode(JSON.stringify(manifest)),
    [`${prefix}lidar/000000.bin`]: kittiBin([[1, 2, 3]]),
    [`${prefix}lidar/000001.bin`]: kittiBin([[1, 2, 3]]),
    [`${prefix}lidar/000002.bin`]: kittiBin([[1, 2, 3]]),
    [`${prefix}camera/front/000000.png`]: png(16, 9),
    [`${prefix}camera/front/000001.png`]: png(16, 9),
  });
}

describe('importScene: Frustum manifest', () => {
  it('is found at the root or as *.frustum.json in a folder', () => {
    expect(detectLayout(manifestFiles().list())).toEqual({ kind: 'frustum-manifest', root: '' });
    expect(detectLayout(manifestFiles(undefined, 'drive/', 'a.frustum.json').list())).toEqual({
      kind: 'frustum-manifest',
      root: 'drive/',
    });
  });

  it('imports a valid manifest: sensors, frames, poses and labels as written', async () => {
    const m = fixture();
    const { scene, tracks, cuboids, problems, lidarLayouts } = await importScene(manifestFiles());
    expect(problems).toEqual([]);
    expect(scene.name).toBe(m['name']);
    expect(scene.lidars).toEqual([{ id: 'top', name: 'Roof LiDAR', egoFromLidar: m['lidars'][0].egoFromLidar }]);
    expect(lidarLayouts).toEqual({ top: 'kitti' });
    expect(scene.cameras[0]).toEqual({
      id: 'front',
      name: 'Front camera',
      cameraFromEgo: m['cameras'][0].cameraFromEgo,
      intrinsics: m['cameras'][0].intrinsics,
      width: 1280,
      height: 720,
      distortion: { model: 'radtan', k1: -0.1, k2: 0.01, p1: 0.0005, p2: -0.0002, k3: 0 },
    });
    expect(
      scene.frames.map((f) => [
        f.timestampUs,
        f.worldFromEgo,
        f.lidar[0]!.uri,
        f.cameras.map((c) => [c.uri, c.timestampUs]),
      ]),
    ).toEqual(
      // prettier-ignore
      m['frames'].map((f: Json) => [f['timestampUs'], f['worldFromEgo'], f['lidar'][0].path, (f['cameras'] ?? []).map((c: Json) => [c['path'], c['timestampUs'] ?? f['timestampUs']])]), // prettier-ignore
    );
    expect(tracks.map((t) => t.classId)).toEqual(['car', 'pedestrian']);
    // The manifest's trackId is the dataset's id of the object: kept on the track for the exports.
    expect(tracks.map((t) => t.externalId)).toEqual(['a', 'b']);
    expect(
      cuboids.map((c) => [
        c.frameIndex,
        c.trackId === tracks[0]!.id ? 'a' : 'b',
        c.position,
        c.size,
        c.yaw,
        c.pitch,
        c.roll,
      ]),
    ).toEqual([
      // prettier-ignore
      [0, 'a', [12, 3, 0.8], [4.5, 1.9, 1.6], 0.1, 0, 0],
      [0, 'b', [8, -2, 0.9], [0.6, 0.6, 1.8], -1.2, 0.02, -0.01],
      [1, 'a', [11, 3, 0.8], [4.5, 1.9, 1.6], 0.1, 0, 0],
    ]);
    expect(cuboids[1]!.attributes).toEqual({ occluded: 'partly' });
  });

  const invalid: [string, (m: Json) => void, string][] = [
    ['a missing key', (m) => delete m['format'], "/ must have required property 'format'"],
    ['a wrong version', (m) => (m['version'] = 2), '/version must be equal to constant: 1'],
    ['a short matrix', (m) => m['lidars'][0].egoFromLidar.pop(), '/lidars/0/egoFromLidar must NOT have fewer than 16 items'], // prettier-ignore
    ['a text timestamp', (m) => (m['frames'][1].timestampUs = '100'), '/frames/1/timestampUs must be integer'],
    ['too few radtan coefficients', (m) => m['cameras'][0].distortion.coefficients.splice(2), '/cameras/0/distortion/coefficients must NOT have fewer than 4 items'], // prettier-ignore
    ['an unknown distortion model', (m) => (m['cameras'][0].distortion.model = 'fish'), '/cameras/0/distortion/model must be equal to one of the allowed values: none, radtan, fisheye'], // prettier-ignore
    ['an unknown key', (m) => (m['frames'][0].speed = 3), '/frames/0 must NOT have additional properties ("speed")'],
    ['a path out of the folder', (m) => (m['frames'][0].lidar[0].path = '../x.bin'), '/frames/0/lidar/0/path must match pattern'], // prettier-ignore
    ['a zero-sized box', (m) => (m['labels'][0].cuboids[0].size[2] = 0), '/labels/0/cuboids/0/size/2 must be > 0'],
  ];
  for (const [what, edit, message] of invalid) {
    it(`refuses ${what}, naming the manifest and the JSON path`, async () => {
      const error = await importScene(manifestFiles(edit)).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message.split('\n')).toContainEqual(expect.stringContaining(`${MANIFEST}: ${message}`));
    });
  }

  it('accepts the example of the format documentation', () => {
    const readme = readFileSync(new URL('../../../../src/formats/scene/README.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(validateFrustumManifest(example, 'README.md').name).toBe('Parking lot, north gate');
  });

  it('refuses text that is not JSON', async () => {
    const files = createMemoryFiles('x', { [MANIFEST]: encode('{ "format": ') });
    await expect(importScene(files)).rejects.toThrow(/^frustum-manifest\.json: not valid JSON/);
  });

  it('reports semantic faults as problems with the path, and imports the rest', async () => {
    const files = manifestFiles((m) => {
      m['frames'][0].cameras[0].sensorId = 'back';
      m['lidars'][0].egoFromLidar[0] = 2;
      m['cameras'][0].cameraFromEgo[2] = 0.3; // a shear: determinant still 1
      m['frames'][2].timestampUs = 1700000000050000;
      m['frames'][2].lidar[0].path = 'lidar/000009.bin';
      m['labels'][1].frame = 7;
    });
    const { scene, cuboids, problems } = await importScene(files);
    expect(problems).toEqual([
      { path: MANIFEST, code: 'manifest.transform.not-rigid', place: '/lidars/0/egoFromLidar', message: 'is not a rigid transform (rotation determinant 2.00000, expected 1)' }, // prettier-ignore
      { path: MANIFEST, code: 'manifest.transform.not-rigid', place: '/cameras/0/cameraFromEgo', message: 'is not a rigid transform (its rotation columns are not orthonormal)' }, // prettier-ignore
      { path: MANIFEST, code: 'manifest.sensor.unknown', place: '/frames/0/cameras/0/sensorId', message: '"back" names no camera', values: { sensor: 'back' } }, // prettier-ignore
      { path: MANIFEST, code: 'manifest.frame.time-order', place: '/frames/2/timestampUs', message: "1700000000050000 is not after the previous frame's 1700000000100000", values: { time: 1700000000050000, previous: 1700000000100000 } }, // prettier-ignore
      { path: 'lidar/000009.bin', code: 'manifest.file.missing', message: `listed in ${MANIFEST} at /frames/2/lidar/0/path but not in the folder`, values: { manifest: MANIFEST, at: '/frames/2/lidar/0/path' } }, // prettier-ignore
      { path: MANIFEST, code: 'manifest.label.frame-range', place: '/labels/1/frame', message: '7 is beyond the last frame (2)', values: { frame: 7, last: 2 } }, // prettier-ignore
    ]);
    expect(scene.frames[0]!.cameras).toEqual([]);
    expect(scene.frames[2]!.lidar).toEqual([]);
    expect(cuboids).toHaveLength(2);
  });
});
