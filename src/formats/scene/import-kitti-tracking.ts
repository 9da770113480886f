import type { Scene } from '../../core/model/scene';
import { invertAffine } from '../calibration/invert-affine';
import { readKittiCalib, rectFromVelo } from '../calibration/kitti-calib';
import { kittiAttributes, kittiBoxInEgo } from '../labels/kitti-box';
import { readKittiLabels } from '../labels/kitti-label';
import type { ImportContext } from './import-context';
import { NOMINAL_FRAME_PERIOD_US } from './nominal-frame-period';
import { assembleKittiDrive, numberedFiles } from './kitti-drive';
import { readOxtsRow, type OxtsRow } from './oxts-pose';
import type { SceneBase } from './scene-base';

/**
 * KITTI tracking (`velodyne/SSSS/NNNNNN.bin`, `image_02/SSSS/NNNNNN.png`, `calib/SSSS.txt`, `oxts/SSSS.txt`
 * with one row per frame, `label_02/SSSS.txt`). A scene is one sequence: the first by number is imported and
 * the others are named in a problem. The benchmark has no timestamps: frame n is placed at n × 100 ms and
 * images are matched by frame number. One track per `track_id`.
 */
export async function importKittiTracking(ctx: ImportContext, base: SceneBase): Promise<Scene> {
  const sequences = [...new Set(ctx.under(/^velodyne\/\d+\/\d+\.bin$/).map((p) => p.split('/').at(-2)!))].sort();
  const seq = sequences[0]!;
  if (sequences.length > 1) {
    ctx.problem(
      `${ctx.root}velodyne/`,
      'kitti.sequence.ignored',
      `sequences ${sequences.slice(1).join(', ')} not imported: one scene per sequence`,
      undefined,
      { sequences: sequences.slice(1).join(', ') },
    );
  }
  const at = (n: number) => n * NOMINAL_FRAME_PERIOD_US;
  const sweeps = numberedFiles(ctx.under(new RegExp(`^velodyne/${seq}/\\d+\\.bin$`)), at);
  const images = new Map(
    ['image_02', 'image_03']
      .map((id) => [id, numberedFiles(ctx.under(new RegExp(`^${id}/${seq}/\\d+\\.png$`)), at)] as const)
      .filter(([, files]) => files.length > 0),
  );
  const calibPath = `${ctx.root}calib/${seq}.txt`;
  const oxtsPath = `${ctx.root}oxts/${seq}.txt`;
  const labelPath = `${ctx.root}label_02/${seq}.txt`;
  ctx.plan([calibPath, oxtsPath, labelPath].filter((p) => ctx.has(p)).length);
  const calib = ctx.has(calibPath) ? await ctx.parseText(calibPath, (t) => readKittiCalib(t, calibPath)) : undefined;
  if (!ctx.has(calibPath))
    ctx.problem(calibPath, 'kitti.calib.missing', 'missing: the sequence has no cameras, poses or boxes');
  const oxtsRows = ctx.has(oxtsPath) ? await ctx.parseText(oxtsPath, (t) => readOxtsFile(t, oxtsPath)) : undefined;
  const oxts = sweeps.map((s) => oxtsRows?.[s.frameNumber]);
  const parts = await assembleKittiDrive(ctx, { sweeps, images, imagesTimed: false, calib, oxts });

  if (calib && ctx.has(labelPath)) {
    const rows = await ctx.parseText(labelPath, (t) => readKittiLabels(t, labelPath, 'tracking'));
    const egoFromRect = ctx.parse(calibPath, () => invertAffine(rectFromVelo(calib)));
    const frameOf = new Map(sweeps.map((s, i) => [s.frameNumber, i]));
    const labels = base.labels('kitti');
    const missing = new Set<number>();
    for (const row of egoFromRect ? (rows ?? []) : []) {
      if (row.type === 'DontCare') continue;
      const frameIndex = frameOf.get(row.frame!);
      if (frameIndex === undefined) {
        missing.add(row.frame!);
        continue;
      }
      const box = kittiBoxInEgo(row, egoFromRect!);
      labels.add(
        { objectKey: String(row.trackId), className: row.type, frameIndex, ...box, attributes: kittiAttributes(row) },
        labelPath,
      );
    }
    if (missing.size > 0) {
      ctx.problem(
        labelPath,
        'kitti.label.no-sweep',
        `boxes of frames without a sweep were left out: ${[...missing].slice(0, 10).join(', ')}`,
        undefined,
        { frames: [...missing].slice(0, 10).join(', ') },
      );
    }
  }
  return base.scene({ name: `${base.sourceName} ${seq}`, ...parts });
}

/** One OXTS row per line, line n being frame n. */
function readOxtsFile(text: string, path: string): OxtsRow[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => readOxtsRow(line, path));
}
