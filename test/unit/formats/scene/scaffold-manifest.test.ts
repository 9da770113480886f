import { describe, expect, it } from 'vitest';
import { CodedError } from '../../../../src/formats/problems/coded-error';
import { checkFrustumManifest } from '../../../../src/formats/scene/check-frustum-manifest';
import { scaffoldManifest, type ListedFile } from '../../../../src/formats/scene/scaffold-manifest';
import { readNameKey } from '../../../../src/formats/scene/scaffold-sensors';
import { validateFrustumManifest } from '../../../../src/formats/scene/validate-frustum-manifest';
import { png } from './kitti-fixtures';

/** The first bytes of a JPEG up to its frame header: what `readImageSize` reads. */
function jpeg(width: number, height: number): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 0, 0, 0]); // prettier-ignore
}

/** A folder made of names and sizes; images answer with a header of the given size. */
function folder(files: Record<string, number>, images: Record<string, Uint8Array> = {}) {
  const listed: ListedFile[] = Object.entries(files).map(([path, bytes]) => ({ path, bytes }));
  const read = async (path: string) => {
    const bytes = images[path] ?? (/\.png$/.test(path) ? png(1242, 375) : /\.jpe?g$/.test(path) ? jpeg(1600, 900) : undefined); // prettier-ignore
    if (!bytes) throw new Error(`${path}: not readable here`);
    return bytes;
  };
  return { listed, read };
}

const stems = (n: number) => Array.from({ length: n }, (_, i) => String(i).padStart(6, '0'));
const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

describe('scaffoldManifest', () => {
  it('a KITTI-object-like folder: one LiDAR, one camera named after their folders, frames 100 ms apart', async () => {
    const files: Record<string, number> = {};
    for (const s of stems(3)) {
      Object.assign(files, { [`velodyne/${s}.bin`]: 16 * 1001, [`image_2/${s}.png`]: 800_000 });
      Object.assign(files, { [`calib/${s}.txt`]: 1600, [`label_2/${s}.txt`]: 90 });
    }
    const { listed, read } = folder(files);
    const scaffold = await scaffoldManifest({ folderName: 'training', files: listed, read });
    const m = scaffold.manifest;
    expect(m.name).toBe('training');
    expect(m.lidars).toEqual([{ id: 'velodyne', name: 'velodyne', egoFromLidar: IDENTITY, layout: 'kitti' }]);
    expect(m.cameras).toEqual([
      {
        id: 'image_2',
        name: 'image_2',
        cameraFromEgo: [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1],
        intrinsics: { fx: 1242, fy: 1242, cx: 621, cy: 187.5, skew: 0 },
        width: 1242,
        height: 375,
        distortion: { model: 'none' },
      },
    ]);
    expect(m.frames).toEqual(
      stems(3).map((s, i) => ({
        timestampUs: i * 100_000,
        lidar: [{ sensorId: 'velodyne', path: `velodyne/${s}.bin` }],
        cameras: [{ sensorId: 'image_2', path: `image_2/${s}.png` }],
      })),
    );
    // What it says: that the folder is KITTI already, the layout's reason, the time rule, what it left out, and
    // every placeholder by JSON path.
    expect(scaffold.guessed[0]).toMatch(/^the folder already opens as kitti-object without a manifest; a manifest written in or above it takes that layout's place$/); // prettier-ignore
    expect(scaffold.guessed.join('\n')).toMatch(/layout kitti \(every size a multiple of 16 bytes\)/);
    expect(scaffold.guessed.join('\n')).toMatch(/frame n at n × 100 ms/);
    expect(scaffold.guessed.join('\n')).toMatch(/left out, neither sweeps nor images: 6 files \(calib\/, label_2\/\)/);
    expect(scaffold.fillIn.map((l) => l.slice(0, l.indexOf(':')))).toEqual([
      '/lidars/0/egoFromLidar',
      '/cameras/0/cameraFromEgo',
      '/cameras/0/intrinsics',
      '/cameras/0/distortion',
      '/frames/*/timestampUs',
      '/frames/*/worldFromEgo',
    ]);
    // The text is the manifest, valid, with its matrices in rows and no semantic fault.
    expect(validateFrustumManifest(scaffold.text, 'frustum-manifest.json')).toEqual(m);
    expect(scaffold.text).toContain('"egoFromLidar": [\n        1, 0, 0, 0,\n        0, 1, 0, 0,\n');
    expect(checkFrustumManifest(m, 'frustum-manifest.json', '', (p) => p in files)).toEqual([]);
  });

  it('nuScenes-like names: the µs timestamps in them, cameras nearest in time with their own times', async () => {
    const t0 = 1532402927647951;
    const lidarTimes = [t0, t0 + 500_000, t0 + 1_000_000];
    const lidar = (t: number) => `samples/LIDAR_TOP/n015-2018-07-24-11-22-45+0800__LIDAR_TOP__${t}.pcd.bin`;
    const cam = (c: string, t: number) => `samples/${c}/n015-2018-07-24-11-22-45+0800__${c}__${t}.jpg`;
    const files: Record<string, number> = {};
    for (const t of lidarTimes) {
      files[lidar(t)] = 20 * 34688;
      files[cam('CAM_FRONT', t - 35_491)] = 200_000;
      files[cam('CAM_BACK', t + 12_000)] = 200_000;
    }
    const { listed, read } = folder(files);
    const { manifest, guessed } = await scaffoldManifest({ folderName: 'v1.0-mini', files: listed, read, prefix: 'mini/' }); // prettier-ignore
    expect(manifest.lidars.map((l) => [l.id, l.name, l.layout])).toEqual([['LIDAR_TOP', 'samples/LIDAR_TOP', 'nuscenes']]); // prettier-ignore
    expect(manifest.cameras!.map((c) => [c.id, c.width, c.height])).toEqual([['CAM_BACK', 1600, 900], ['CAM_FRONT', 1600, 900]]); // prettier-ignore
    expect(manifest.frames.map((f) => f.timestampUs)).toEqual(lidarTimes);
    expect(manifest.frames[1]).toEqual({
      timestampUs: t0 + 500_000,
      lidar: [{ sensorId: 'LIDAR_TOP', path: `mini/${lidar(t0 + 500_000)}` }],
      cameras: [
        { sensorId: 'CAM_BACK', path: `mini/${cam('CAM_BACK', t0 + 512_000)}`, timestampUs: t0 + 512_000 },
        { sensorId: 'CAM_FRONT', path: `mini/${cam('CAM_FRONT', t0 + 464_509)}`, timestampUs: t0 + 464_509 },
      ],
    });
    expect(guessed.join('\n')).toMatch(/layout nuscenes \(nuScenes \.pcd\.bin names\)/);
    expect(guessed.join('\n')).toMatch(/times from the timestamps in the file names/);
    expect(guessed).toContain('"CAM_FRONT": nearest in time, 3 of 3 files used, largest gap 35.491 ms');
  });

  it('reads ns, µs, ms and decimal-second timestamps, and plain numbers, from names', () => {
    expect(readNameKey('sensors/lidar/315969904359876000.feather')).toEqual({ number: 315969904359876000, timeUs: 315969904359876 }); // prettier-ignore
    expect(readNameKey('a/1533151603547590.jpg')).toEqual({ number: 1533151603547590, timeUs: 1533151603547590 });
    expect(readNameKey('a/1533151603547.png')).toEqual({ number: 1533151603547, timeUs: 1533151603547000 });
    expect(readNameKey('a/1533151603.5475.pcd')).toEqual({ timeUs: 1533151603547500 });
    expect(readNameKey('velodyne_points/data/0000000123.bin')).toEqual({ number: 123 });
    expect(readNameKey('cam/frame_12_left.png')).toEqual({ number: 12 });
    expect(readNameKey('cam/left.png')).toEqual({});
  });

  it('PCD sweeps and two camera folders with unequal counts: each frame takes the image nearest in time', async () => {
    const t0 = 1_700_000_000_000_000;
    const files: Record<string, number> = {};
    for (let i = 0; i < 10; i++) files[`lidar/${t0 + i * 100_000}.pcd`] = 4_000_000;
    for (let i = 0; i < 10; i++) files[`camera/front/${t0 + i * 100_000 + 10_000}.jpg`] = 300_000;
    for (let i = 0; i < 5; i++) files[`camera/left/${t0 + i * 200_000 + 30_000}.jpg`] = 300_000;
    const { listed, read } = folder(files, { [`camera/left/${t0 + 30_000}.jpg`]: png(640, 480) });
    const { manifest, guessed } = await scaffoldManifest({ folderName: 'drive', files: listed, read });
    expect(manifest.lidars).toEqual([{ id: 'lidar', name: 'lidar', egoFromLidar: IDENTITY }]); // no .bin: no layout
    expect(manifest.cameras!.map((c) => [c.id, c.name, c.width])).toEqual([['front', 'camera/front', 1600], ['left', 'camera/left', 640]]); // prettier-ignore
    const left = manifest.frames.map((f) => f.cameras!.find((c) => c.sensorId === 'left')!.timestampUs! - t0);
    // Frame i at i × 100 ms; the left images at 30, 230, 430, 630, 830 ms.
    expect(left).toEqual([30_000, 30_000, 230_000, 230_000, 430_000, 430_000, 630_000, 630_000, 830_000, 830_000]);
    const front = manifest.frames.map((f) => f.cameras!.find((c) => c.sensorId === 'front')!.path);
    expect(new Set(front).size).toBe(10);
    expect(guessed).toContain('"left": nearest in time, 5 of 5 files used, largest gap 70 ms');
    // Its first image is 640×480, its last 1600×900: said, the first one's size kept.
    expect(guessed).toContain(`camera "left": camera/left/${t0 + 830_000}.jpg is 1600×900: the images differ in size, check them`); // prettier-ignore
    expect(guessed.filter((l) => /differ in size/.test(l))).toHaveLength(1);
    expect(checkFrustumManifest(manifest, 'frustum-manifest.json', '', (p) => p in files)).toEqual([]);
  });

  it('two LiDAR folders of one name: ids kept apart, the one with more sweeps makes the frames', async () => {
    const files: Record<string, number> = {};
    for (const s of stems(4)) files[`front/lidar/${s}.bin`] = 20 * 7; // 140 B: only nuScenes' 20 B records fit
    for (const s of stems(6)) files[`roof/lidar/${s}.bin`] = 16 * 80; // 1280 B: both fit, KITTI guessed
    const { listed, read } = folder(files);
    const { manifest, guessed } = await scaffoldManifest({ folderName: 'rig', files: listed, read });
    expect(manifest.lidars.map((l) => [l.id, l.layout])).toEqual([['roof-lidar', 'kitti'], ['front-lidar', 'nuscenes']]); // prettier-ignore
    expect(manifest.frames).toHaveLength(6);
    expect(manifest.frames[5]!.lidar).toEqual([
      { sensorId: 'roof-lidar', path: 'roof/lidar/000005.bin' },
      { sensorId: 'front-lidar', path: 'front/lidar/000003.bin', timestampUs: 300_000 },
    ]);
    expect(manifest.cameras).toBeUndefined();
    expect(guessed.join('\n')).toMatch(/sizes fit 16 and 20 bytes a point: check, or set nuscenes/);
  });

  it('says when the folder holds another manifest already', async () => {
    const { listed, read } = folder({ 'lidar/000000.bin': 16, 'old.frustum.json': 900 });
    const { guessed } = await scaffoldManifest({ folderName: 'x', files: listed, read });
    expect(guessed[0]).toBe('another manifest is in the folder (old.frustum.json): the import takes one manifest only, the top folder\'s frustum-manifest.json first'); // prettier-ignore
  });

  it('leaves out a camera whose first image gives no size, and says why', async () => {
    const { listed, read } = folder({ 'lidar/000000.bin': 16, 'cam/000000.png': 10 }, { 'cam/000000.png': new Uint8Array(10) }); // prettier-ignore
    const { manifest, guessed } = await scaffoldManifest({ folderName: 'x', files: listed, read });
    expect(manifest.cameras).toBeUndefined();
    expect(guessed[1]).toMatch(/^camera "cam" left out: cam\/000000\.png gives no size \(.*not a PNG or JPEG/);
  });

  it('an empty folder, or one with images only: a coded error that names the folder', async () => {
    const empty = scaffoldManifest({ folderName: 'nothing', files: [], read: async () => new Uint8Array() });
    await expect(empty).rejects.toThrow(CodedError);
    await expect(empty).rejects.toMatchObject({ code: 'manifest.scaffold.no-files', values: { folder: 'nothing' } });
    await expect(empty).rejects.toThrow(/^nothing: the folder holds no files$/);

    const { listed, read } = folder({ 'cam/a.jpg': 1, 'cam/b.jpg': 1, 'notes.txt': 1 });
    const photos = scaffoldManifest({ folderName: 'photos', files: listed, read });
    await expect(photos).rejects.toThrow(/^photos: no LiDAR sweeps \(\.bin, .*\) found, 2 images; a manifest needs at least one LiDAR$/); // prettier-ignore
    await expect(photos).rejects.toMatchObject({ code: 'manifest.scaffold.no-lidar', values: { folder: 'photos', images: 2 } }); // prettier-ignore
  });
});
