import type { Scene } from '../../core/model/scene';
import { readKittiRawCalib } from '../calibration/kitti-raw-calib';
import type { ImportContext } from './import-context';
import { NOMINAL_FRAME_PERIOD_US } from './nominal-frame-period';
import { assembleKittiDrive, numberedFiles, type KittiDriveFile } from './kitti-drive';
import { readKittiTimestamps } from './kitti-timestamps';
import { readOxtsRow, type OxtsRow } from './oxts-pose';
import type { SceneBase } from './scene-base';

const CALIB_FILES = ['calib_cam_to_cam.txt', 'calib_velo_to_cam.txt', 'calib_imu_to_velo.txt'] as const;

/**
 * A KITTI raw drive (`<drive>_sync/velodyne_points/data/*.bin` with `timestamps.txt`, `image_02/data/*.png`,
 * `oxts/data/*.txt`), calibrated by the day's `calib_*.txt` beside the drive folder (or inside it). One drive
 * is one scene: the first by name is imported and the others are named in a problem. Images are matched to
 * sweeps by time (`image_0k/timestamps.txt`, else the sweep times by frame number). Tracklets are not read.
 */
export async function importKittiRaw(ctx: ImportContext, base: SceneBase): Promise<Scene> {
  const marker = 'velodyne_points/data/';
  const drives = [...new Set(ctx.under(/velodyne_points\/data\/\d+\.bin$/).map((p) => p.slice(0, p.indexOf(marker))))];
  drives.sort();
  const drive = drives[0]!;
  if (drives.length > 1)
    ctx.problem(
      ctx.root,
      'kitti.drive.ignored',
      `drives ${drives.slice(1).join(', ')} not imported: one scene per drive`,
      undefined,
      { drives: drives.slice(1).join(', ') },
    );
  const inDrive = (pattern: string) =>
    ctx.paths.filter((p) => p.startsWith(drive) && new RegExp(`^${pattern}$`).test(p.slice(drive.length)));
  const calibPaths = CALIB_FILES.map((name) => [ctx.root + name, drive + name].find((p) => ctx.has(p)));
  const timePaths = ['velodyne_points', 'image_02', 'image_03'].map((d) => `${drive}${d}/timestamps.txt`);
  const oxtsPaths = inDrive('oxts/data/\\d+\\.txt');
  ctx.plan([...calibPaths, ...timePaths.filter((p) => ctx.has(p))].filter(Boolean).length + oxtsPaths.length);

  const times: (number[] | undefined)[] = [];
  for (const path of timePaths) {
    times.push(ctx.has(path) ? await ctx.parseText(path, (t) => readKittiTimestamps(t, path)) : undefined);
  }
  const [sweepTimes, ...imageTimes] = times;
  if (!sweepTimes)
    ctx.problem(
      timePaths[0]!,
      'kitti.timestamps.missing',
      'missing or unreadable: sweeps placed at 10 Hz by frame number',
    );
  const timeOf = (list: number[] | undefined) => (n: number) => list?.[n] ?? n * NOMINAL_FRAME_PERIOD_US;
  const sweeps = numberedFiles(inDrive('velodyne_points/data/\\d+\\.bin'), timeOf(sweepTimes));
  const images = new Map<string, KittiDriveFile[]>();
  for (const [i, id] of ['image_02', 'image_03'].entries()) {
    const files = numberedFiles(inDrive(`${id}/data/\\d+\\.png`), timeOf(imageTimes[i] ?? sweepTimes));
    if (files.length > 0)
      images.set(
        id,
        files.sort((a, b) => a.timestampUs - b.timestampUs),
      );
  }

  const texts: ({ path: string; text: string } | undefined)[] = [];
  for (const path of calibPaths) {
    const text = path === undefined ? undefined : await ctx.readText(path);
    texts.push(path !== undefined && text !== undefined ? { path, text } : undefined);
  }
  const [camToCam, veloToCam, imuToVelo] = texts;
  for (const [i, name] of CALIB_FILES.entries()) {
    if (!calibPaths[i])
      ctx.problem(
        ctx.root + name,
        'kitti.calib.missing',
        i < 2 ? 'missing: the drive has no cameras' : 'missing: no poses',
      );
  }
  const calib =
    camToCam && veloToCam
      ? ctx.parse(camToCam.path, () => readKittiRawCalib({ camToCam, veloToCam, ...(imuToVelo ? { imuToVelo } : {}) }))
      : undefined;

  const oxtsByNumber = new Map(numberedFiles(oxtsPaths, () => 0).map((f) => [f.frameNumber, f.path]));
  const oxts: (OxtsRow | undefined)[] = [];
  for (const sweep of sweeps) {
    const path = oxtsByNumber.get(sweep.frameNumber);
    oxts.push(path ? await ctx.parseText(path, (t) => readOxtsRow(t.split(/\r?\n/)[0] ?? '', path)) : undefined);
  }
  const parts = await assembleKittiDrive(ctx, { sweeps, images, imagesTimed: true, calib, oxts });
  return base.scene({ name: drive.slice(0, -1).split('/').pop() || base.sourceName, ...parts });
}
