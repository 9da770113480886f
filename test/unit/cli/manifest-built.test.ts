import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFiles } from '../../../src/cli/node-files';
import { projectEgoPoint } from '../../../src/core/geometry/projection';
import { multiply } from '../../../src/core/math/mat4';
import { positionStride } from '../../../src/core/model/point-cloud';
import { readPointCloudFile } from '../../../src/formats/pointcloud/read-point-cloud-file';
import type { FrustumManifest, ManifestCamera } from '../../../src/formats/scene/frustum-manifest';
import { importScene } from '../../../src/formats/scene/import-scene';
import { buildCli, runBuilt } from './built-cli';

const KITTI = fileURLToPath(new URL('../../../../shared/data/kitti-object/training/', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-manifest-built-'));
/** The real KITTI sweeps and images, without their calibration and labels: what a user's own folder looks like. */
const drive = path.join(scratch, 'drive');
const MANIFEST = path.join(drive, 'frustum-manifest.json');

beforeAll(() => {
  for (const folder of ['velodyne', 'image_2']) cpSync(path.join(KITTI, folder), path.join(drive, folder), { recursive: true }); // prettier-ignore
  buildCli();
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** KITTI's calibration of image_2 as the manifest wants it: K, and cameraFromEgo = T(b) · R0_rect · Tr_velo_to_cam. */
function kittiCamera(calibText: string): Pick<ManifestCamera, 'intrinsics' | 'cameraFromEgo'> {
  const rows = new Map(calibText.trim().split('\n').map((l) => [l.split(':')[0]!, l.split(':')[1]!.trim().split(/\s+/).map(Number)])); // prettier-ignore
  const p = rows.get('P2')!;
  const r = rows.get('R0_rect')!;
  const t = rows.get('Tr_velo_to_cam')!;
  const [fx, cx, fy, cy] = [p[0]!, p[2]!, p[5]!, p[6]!];
  // P2 = K · [I | b]: its last column is K · b.
  const bz = p[11]!;
  const by = (p[7]! - cy * bz) / fy;
  const bx = (p[3]! - cx * bz) / fx;
  const shift = [1, 0, 0, bx, 0, 1, 0, by, 0, 0, 1, bz, 0, 0, 0, 1];
  const rect = [r[0]!, r[1]!, r[2]!, 0, r[3]!, r[4]!, r[5]!, 0, r[6]!, r[7]!, r[8]!, 0, 0, 0, 0, 1];
  const velo = [...t, 0, 0, 0, 1];
  return { intrinsics: { fx, fy, cx, cy, skew: 0 }, cameraFromEgo: multiply(shift, multiply(rect, velo)) };
}

describe('frustum manifest, as the built CLI', () => {
  it('is listed in the help', () => {
    expect(runBuilt(['help']).stdout).toMatch(/\n {2}manifest +\S/);
  });

  it('scaffolds a real KITTI folder, refuses to overwrite it, and replaces it with --force', () => {
    const run = runBuilt(['manifest', drive]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(`Wrote ${MANIFEST}: 3 frames, 1 LiDAR, 1 camera.`);
    expect(run.stdout).toContain('LiDAR "velodyne": velodyne/, 3 sweeps (.bin), layout kitti (every size a multiple of 16 bytes), makes the frames'); // prettier-ignore
    expect(run.stdout).toContain('camera "image_2": image_2/, 3 images, 1224×370 (from image_2/000000.png)');
    expect(run.stdout).toContain('camera "image_2": image_2/000002.png is 1242×375: the images differ in size');
    // Sweeps in velodyne/ make it KITTI object to the import, which the manifest then overrides: said.
    expect(run.stdout).toContain('  - the folder already opens as kitti-object without a manifest');
    expect(run.stdout).toContain('  - /lidars/0/egoFromLidar: identity');
    expect(run.stdout).toContain('  - /cameras/0/cameraFromEgo: camera "image_2" taken at the ego origin');
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as FrustumManifest;
    expect(manifest.frames.map((f) => [f.timestampUs, f.lidar[0]!.path, f.cameras![0]!.path])).toEqual([
      [0, 'velodyne/000000.bin', 'image_2/000000.png'],
      [100_000, 'velodyne/000001.bin', 'image_2/000001.png'],
      [200_000, 'velodyne/000002.bin', 'image_2/000002.png'],
    ]);

    writeFileSync(MANIFEST, '{ "edited": true }');
    const again = runBuilt(['manifest', drive]);
    expect([again.code, again.stdout]).toEqual([1, '']);
    expect(again.stderr.trim()).toBe(`frustum manifest: ${MANIFEST}: already exists (--force replaces it)`);
    expect(readFileSync(MANIFEST, 'utf8')).toBe('{ "edited": true }');
    expect(runBuilt(['manifest', drive, '--force']).code).toBe(0);
    expect(JSON.parse(readFileSync(MANIFEST, 'utf8'))).toEqual(manifest);
  });

  it('is a working start: with the calibration filled in, the folder imports and the sweep lands in the image', async () => {
    expect(runBuilt(['manifest', drive, '--force']).code).toBe(0);
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as FrustumManifest;
    // Velodyne = ego, as KITTI's importer has it: the identity placeholder stays; the camera is filled in.
    Object.assign(manifest.cameras![0]!, kittiCamera(readFileSync(path.join(KITTI, 'calib/000000.txt'), 'utf8')));
    writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2));

    const { scene, problems } = await importScene(createNodeFiles(drive));
    expect(problems).toEqual([]);
    expect(scene.frames).toHaveLength(3);
    const camera = scene.cameras[0]!;
    expect([camera.id, camera.width, camera.height]).toEqual(['image_2', 1224, 370]);
    // The same calibration as the KITTI importer reads from the original folder, frame 0's.
    const kitti = (await importScene(createNodeFiles(KITTI))).scene.cameras[0]!;
    camera.cameraFromEgo.forEach((v, i) => expect(v).toBeCloseTo(kitti.cameraFromEgo[i]!, 9));

    const cloud = readPointCloudFile(new Uint8Array(readFileSync(path.join(drive, scene.frames[0]!.lidar[0]!.uri))), 'a.bin'); // prettier-ignore
    const [p, stride] = [cloud.positions, positionStride(cloud)];
    let inside = 0;
    for (let i = 0; i < cloud.count; i++) {
      const uv = projectEgoPoint(camera, [p[stride * i]!, p[stride * i + 1]!, p[stride * i + 2]!]);
      if (uv && uv[0] >= 0 && uv[0] < camera.width && uv[1] >= 0 && uv[1] < camera.height) inside++;
    }
    // A forward camera sees about a tenth to a fifth of a 360° sweep.
    expect(inside / cloud.count).toBeGreaterThan(0.08);
    expect(inside / cloud.count).toBeLessThan(0.25);
  });

  it('writes with -o above the folder, the paths then starting with it; refuses -o outside it', () => {
    const above = path.join(scratch, 'drive.frustum.json');
    expect(runBuilt(['manifest', drive, '-o', above]).code).toBe(0);
    const manifest = JSON.parse(readFileSync(above, 'utf8')) as FrustumManifest;
    expect(manifest.frames[0]!.lidar[0]!.path).toBe('drive/velodyne/000000.bin');
    const inside = runBuilt(['manifest', scratch, '-o', path.join(drive, 'x.frustum.json')]);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(/cannot go up/);
    expect(runBuilt(['manifest', drive, '-o', path.join(drive, 'notes.json')]).stderr).toMatch(/name it frustum-manifest\.json or <name>\.frustum\.json/); // prettier-ignore
  });

  it('says a folder without sweeps in the user’s language, and its usage on misuse', () => {
    const photos = path.join(scratch, 'photos');
    mkdirSync(photos);
    cpSync(path.join(KITTI, 'image_2/000001.png'), path.join(photos, 'a.png'));
    const english = runBuilt(['manifest', photos]);
    expect(english.code).toBe(1);
    expect(english.stderr.trim()).toMatch(/^frustum manifest: photos: no LiDAR sweeps \(.*\) found, 1 images; a manifest needs at least one LiDAR$/); // prettier-ignore
    const chinese = runBuilt(['manifest', photos], 'zh_CN.UTF-8');
    expect(chinese.stderr).toContain('文件夹 photos 中没有激光雷达点云（有 1 张图像）');
    const misuse = runBuilt(['manifest'], 'zh_CN.UTF-8');
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toMatch(/^用法：frustum manifest /);
    expect(runBuilt(['manifest', drive, '--bogus']).code).toBe(2);
  });
});
