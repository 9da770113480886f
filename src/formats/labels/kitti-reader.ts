import type { Scene } from '../../core/model/scene';
import type { FileProblem } from '../scene/scene-files';
import { kittiAttributes, kittiBoxInEgo } from './kitti-box';
import { kittiFrameName, kittiViewOf } from './kitti-frames';
import { readKittiLabels } from './kitti-label';
import { LabelCollector } from './label-collector';
import type { LabelFile } from './label-export';
import { inferRigid } from './infer-rigid';
import { applyKittiSidecar } from './kitti-track-ids';

export interface KittiReadOptions {
  mode: 'object' | 'tracking';
  /** As given to `writeKitti`. */
  cameraId?: string;
  /** The parsed `frustum-lineage.json` written beside the rows, which gives tracks back their ids and names. */
  sidecar?: unknown;
}

/**
 * Reads KITTI label files back onto the scene they describe, through that scene's cameras (`kittiViewOf`, as
 * `writeKitti` chose them) and the import's own conversion (`kittiBoxInEgo`). Object files are matched to frames
 * by name (`label_2/000042.txt`), tracking rows by frame number; tracking ids make one track each (the id kept
 * as its dataset id, or, with the export's sidecar, the track's own id, dataset id and name given back), object
 * rows one track per row. DontCare rows and rows of frames the scene lacks are left out with a problem. Throws a
 * `FormatError` naming the file and line of a malformed row.
 */
export function readKittiLabelSet(files: readonly LabelFile[], scene: Scene, options: KittiReadOptions) {
  const labels = new LabelCollector(scene.id, 'kitti', { kind: 'manual' });
  // Object files go by name, tracking rows by number (a sequence's files may be named with fewer digits).
  const frameOf = new Map(scene.frames.map((f) => [kittiFrameName(f), f]));
  const frameOfNumber = new Map(scene.frames.map((f) => [Number(kittiFrameName(f)), f]));
  const problems: FileProblem[] = [];
  for (const file of files) {
    const stem = /(?:^|\/)(\d+)\.txt$/.exec(file.path)?.[1];
    if (stem === undefined) continue;
    const rows = readKittiLabels(file.text, file.path, options.mode);
    let skipped = 0;
    for (const row of rows) {
      if (row.type === 'DontCare') continue;
      const frame = options.mode === 'object' ? frameOf.get(stem) : frameOfNumber.get(row.frame!);
      if (!frame) {
        skipped++;
        continue;
      }
      const view = kittiViewOf(scene, frame, options.cameraId);
      const key = options.mode === 'tracking' ? String(row.trackId) : undefined;
      const box = { objectKey: key, className: row.type, frameIndex: frame.index, ...kittiBoxInEgo(row, view.egoFromRect) }; // prettier-ignore
      labels.add({ ...box, attributes: kittiAttributes(row) }, file.path);
    }
    if (skipped > 0) problems.push({ path: file.path, code: 'kitti.row.no-frame', message: `${skipped} rows of frames the scene lacks left out`, values: { rows: skipped } }); // prettier-ignore
  }
  const named = applyKittiSidecar(labels.tracks, labels.cuboids, options.sidecar);
  const tracks = inferRigid(named.tracks, named.cuboids);
  return { tracks, cuboids: named.cuboids, problems: [...problems, ...labels.problems] };
}
