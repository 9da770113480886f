import type { CameraSensor, Frame, LidarSensor } from '../../core/model/scene';
import { invertAffine } from '../calibration/invert-affine';
import { rectFromVelo, type KittiCalib } from '../calibration/kitti-calib';
import { createKittiCamera } from '../calibration/kitti-camera';
import type { ImportContext } from './import-context';
import { findNearest, type TimedFile } from './nearest-sample';
import { worldFromImuPoses, worldFromVeloPoses, type OxtsRow } from './oxts-pose';

/** A KITTI file of one frame number, with its time where the layout records one (µs). */
export interface KittiDriveFile extends TimedFile {
  frameNumber: number;
}

/** What a KITTI raw drive and a tracking sequence both provide, already read. */
export interface KittiDrive {
  sweeps: KittiDriveFile[];
  /** Images per camera id (`image_02`, `image_03`), sorted by time. */
  images: Map<string, KittiDriveFile[]>;
  /** True when images have their own timestamps (raw); else they are matched by frame number (tracking). */
  imagesTimed: boolean;
  calib: (KittiCalib & { imageSizes?: ([number, number] | undefined)[] }) | undefined;
  /** The OXTS row of each sweep, where there is one. */
  oxts: (OxtsRow | undefined)[];
}

export const VELODYNE: LidarSensor = {
  id: 'velodyne',
  name: 'velodyne',
  egoFromLidar: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
};

/**
 * The sensors and frames of a KITTI drive. Ego is the Velodyne frame. Cameras `image_02` / `image_03` come
 * from P2 / P3 with R_rect and Tr_velo_to_cam, sized from their first image's header (else the calibration's
 * S_rect). `worldFromEgo = worldFromImu · imuFromVelo` where both the OXTS row and Tr_imu_to_velo exist.
 */
export async function assembleKittiDrive(
  ctx: ImportContext,
  drive: KittiDrive,
): Promise<{ lidars: LidarSensor[]; cameras: CameraSensor[]; frames: Frame[] }> {
  const { calib } = drive;
  const cameras: CameraSensor[] = [];
  for (const [id, files] of drive.images) {
    const k = Number(id.slice(-1));
    const projection = calib?.projections[k];
    const first = files[0];
    if (!calib || !projection || !first) {
      if (calib && first)
        ctx.problem(first.path, 'kitti.calib.no-projection', `the calibration has no P${k}: camera ${id} left out`, undefined, { k, camera: id }); // prettier-ignore
      continue;
    }
    ctx.plan(1);
    const size = (await ctx.readImageSize(first.path)) ?? sizeOf(calib.imageSizes?.[k]);
    if (!size) continue;
    const camera = ctx.parse(first.path, () =>
      createKittiCamera(id, projection, rectFromVelo(calib), size.width, size.height),
    );
    if (camera) cameras.push(camera);
  }
  const imuFromVelo = calib?.veloFromImu && ctx.parse(ctx.root, () => invertAffine(calib.veloFromImu!));
  const poses = imuFromVelo ? worldFromVeloPoses(worldFromImuPoses(drive.oxts), imuFromVelo) : [];
  const numbered = new Map([...drive.images].map(([id, files]) => [id, new Map(files.map((f) => [f.frameNumber, f]))]));
  const frames = drive.sweeps.map((sweep, index): Frame => {
    const t = sweep.timestampUs;
    const samples = cameras.flatMap((camera) => {
      const image = drive.imagesTimed
        ? findNearest(drive.images.get(camera.id) ?? [], t)
        : numbered.get(camera.id)?.get(sweep.frameNumber);
      return image
        ? [{ sensorId: camera.id, timestampUs: drive.imagesTimed ? image.timestampUs : t, uri: image.path }]
        : [];
    });
    const worldFromEgo = poses[index];
    return {
      index,
      timestampUs: t,
      ...(worldFromEgo ? { worldFromEgo } : {}),
      lidar: [{ sensorId: VELODYNE.id, timestampUs: t, uri: sweep.path }],
      cameras: samples,
    };
  });
  return { lidars: [VELODYNE], cameras, frames };
}

function sizeOf(size: [number, number] | undefined): { width: number; height: number } | undefined {
  return size && { width: size[0], height: size[1] };
}

/** Files named `<digits>.<ext>` as frame-numbered entries, sorted by frame number. */
export function numberedFiles(
  paths: readonly string[],
  timestampUs: (frameNumber: number) => number,
): KittiDriveFile[] {
  return paths
    .map((path) => {
      const frameNumber = Number(/(\d+)\.[^/]+$/.exec(path)?.[1]);
      return { path, frameNumber, timestampUs: timestampUs(frameNumber) };
    })
    .filter((f) => Number.isFinite(f.frameNumber))
    .sort((a, b) => a.frameNumber - b.frameNumber);
}
