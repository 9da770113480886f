import type { CameraSensor, Frame, Scene } from '../../core/model/scene';
import { invertAffine } from '../calibration/invert-affine';
import { readKittiCalib, rectFromVelo, type KittiCalib } from '../calibration/kitti-calib';
import { createKittiCamera } from '../calibration/kitti-camera';
import { kittiAttributes, kittiBoxInEgo } from '../labels/kitti-box';
import { readKittiLabels } from '../labels/kitti-label';
import type { ImportContext } from './import-context';
import { NOMINAL_FRAME_PERIOD_US } from './nominal-frame-period';
import { VELODYNE } from './kitti-drive';
import { stemOf } from './nearest-sample';
import type { SceneBase } from './scene-base';

/** One calibration shared by some frames (the object benchmark mixes drives, and so calibrations). */
interface CalibGroup {
  calib: KittiCalib;
  /** Camera id per camera number (2, 3) for this group, where it has images. */
  cameraIds: Map<number, string>;
}

/**
 * KITTI object (`velodyne/NNNNNN.bin`, `image_2/`, `image_3/`, `calib/`, `label_2/`). The Velodyne frame is
 * the ego frame. Frames are unrelated snapshots, often of different drives with different calibrations and
 * image sizes; since a `CameraSensor` has one calibration, each distinct `calib/*.txt` gets its own camera:
 * `image_2` for the first, `image_2@<frame>` for the next ones (named after the first frame that uses it).
 * Each camera's size is read from the header of the first image that uses it. There are no timestamps: frame i
 * is placed at i × 100 ms. One track per labelled box.
 */
export async function importKittiObject(ctx: ImportContext, base: SceneBase): Promise<Scene> {
  const sweeps = ctx.under(/^velodyne\/\d+\.bin$/);
  const images = [2, 3].map(
    (k) => new Map(ctx.under(new RegExp(`^image_${k}/\\d+\\.png$`)).map((p) => [stemOf(p), p])),
  );
  const labelPaths = ctx.under(/^label_2\/\d+\.txt$/);
  ctx.plan(sweeps.length + labelPaths.length);
  const groups = new Map<string, CalibGroup>();
  const cameras: CameraSensor[] = [];
  const frameGroups: (CalibGroup | undefined)[] = [];
  const frames: Frame[] = [];
  for (const [index, uri] of sweeps.entries()) {
    const stem = stemOf(uri);
    const calibPath = `${ctx.root}calib/${stem}.txt`;
    const text = ctx.has(calibPath) ? await ctx.readText(calibPath) : undefined;
    if (!ctx.has(calibPath))
      ctx.problem(calibPath, 'kitti.calib.missing', 'missing: this frame has no cameras and no boxes');
    let group = text === undefined ? undefined : groups.get(text.trim());
    if (text !== undefined && !group) {
      const calib = ctx.parse(calibPath, () => readKittiCalib(text, calibPath));
      if (calib) {
        group = { calib, cameraIds: new Map() };
        groups.set(text.trim(), group);
        const suffix = groups.size === 1 ? '' : `@${stem}`;
        for (const [i, k] of [2, 3].entries()) {
          const image = images[i]!.get(stem);
          const camera = image && (await createCamera(ctx, `image_${k}${suffix}`, calib, k, image));
          if (camera) {
            cameras.push(camera);
            group.cameraIds.set(k, camera.id);
          }
        }
      }
    }
    frameGroups.push(group);
    const timestampUs = index * NOMINAL_FRAME_PERIOD_US;
    const samples = [2, 3].flatMap((k, i) => {
      const sensorId = group?.cameraIds.get(k);
      const path = images[i]!.get(stem);
      return sensorId && path ? [{ sensorId, timestampUs, uri: path }] : [];
    });
    frames.push({ index, timestampUs, lidar: [{ sensorId: VELODYNE.id, timestampUs, uri }], cameras: samples });
  }
  await importLabels(ctx, base, labelPaths, new Map(sweeps.map((p, i) => [stemOf(p), i])), frameGroups);
  return base.scene({ lidars: [VELODYNE], cameras, frames });
}

/** Camera k of a calibration, sized from the header of `imagePath`; undefined (with a problem) if impossible. */
async function createCamera(
  ctx: ImportContext,
  id: string,
  calib: KittiCalib,
  k: number,
  imagePath: string,
): Promise<CameraSensor | undefined> {
  const projection = calib.projections[k];
  if (!projection) {
    ctx.problem(imagePath, 'kitti.calib.no-projection', `the calibration has no P${k}: camera ${id} left out`, undefined, { k, camera: id }); // prettier-ignore
    return undefined;
  }
  ctx.plan(1);
  const size = await ctx.readImageSize(imagePath);
  if (!size) return undefined;
  return ctx.parse(imagePath, () => createKittiCamera(id, projection, rectFromVelo(calib), size.width, size.height));
}

async function importLabels(
  ctx: ImportContext,
  base: SceneBase,
  labelPaths: string[],
  frameOfStem: Map<string, number>,
  frameGroups: (CalibGroup | undefined)[],
): Promise<void> {
  const labels = base.labels('kitti');
  for (const path of labelPaths) {
    const rows = await ctx.parseText(path, (text) => readKittiLabels(text, path, 'object'));
    if (!rows) continue;
    const frameIndex = frameOfStem.get(stemOf(path));
    if (frameIndex === undefined)
      ctx.problem(path, 'kitti.label.no-sweep', 'no Velodyne sweep of this frame: its boxes were left out');
    const group = frameIndex === undefined ? undefined : frameGroups[frameIndex];
    if (frameIndex === undefined || !group) continue;
    const egoFromRect = ctx.parse(path, () => invertAffine(rectFromVelo(group.calib)));
    if (!egoFromRect) continue;
    for (const row of rows) {
      if (row.type === 'DontCare') continue;
      const box = kittiBoxInEgo(row, egoFromRect);
      labels.add(
        { objectKey: undefined, className: row.type, frameIndex, ...box, attributes: kittiAttributes(row) },
        path,
      );
    }
  }
}
