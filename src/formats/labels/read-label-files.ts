import { strFromU8, unzipSync } from 'fflate';
import type { Scene } from '../../core/model/scene';
import { FormatError } from '../pointcloud/format-error';
import { readKittiLabelSet } from './kitti-reader';
import { KITTI_SIDECAR } from './kitti-writer';
import type { LabelFile, LabelSetRead } from './label-export';
import { detectLabelFile, readLabelFile } from './label-formats';

/**
 * Reads the label files a person brings into an open scene: one self-contained file (OpenLABEL, nuScenes-style
 * JSON, Frustum CSV: `readLabelFile`), or KITTI label files, which are read through `scene`'s cameras, with the
 * export's `frustum-lineage.json` where it is among them (it gives tracks back their ids, dataset ids and names).
 * A zip (`bytes`, a KITTI export as downloaded) is read as the files inside it. Other lineage sidecars are passed
 * over. Throws a `FormatError` naming the file that is not a label file, or saying that there are several.
 */
export function readLabelFiles(files: readonly LabelFile[], scene: Scene): LabelSetRead {
  const all = files.flatMap(unpack);
  const sidecarFile = all.find((f) => baseName(f.path) === KITTI_SIDECAR);
  const labels = all.filter((f) => f !== sidecarFile && !f.path.endsWith('.lineage.json'));
  const kinds = labels.map((f) => detectLabelFile(f.text));
  const kitti = kinds.find((k) => k === 'kitti' || k === 'kitti-tracking');
  if (kitti && kinds.every((k) => k === kitti)) {
    const sidecar = sidecarFile ? parseSidecar(sidecarFile) : undefined;
    // KITTI names a file by its frame (object) or sequence (tracking) number; the reader goes by it.
    const unnamed = labels.find((f) => !/(?:^|\/)\d+\.txt$/.test(f.path));
    if (unnamed) throw new FormatError(unnamed.path, 'a KITTI label file is named by its frame or sequence number (000042.txt, 0000.txt)', { code: 'kitti.label.file-name' }); // prettier-ignore
    const read = readKittiLabelSet(labels, scene, { mode: kitti === 'kitti' ? 'object' : 'tracking', sidecar });
    return { set: { scene, tracks: read.tracks, cuboids: read.cuboids, segments: [] }, problems: read.problems };
  }
  if (labels.length !== 1) {
    const name = files.map((f) => f.path).join(', ');
    throw new FormatError(name || '(no file)', 'choose one label file, or the KITTI label files of one export', { code: 'labels.files.several' }); // prettier-ignore
  }
  return readLabelFile(labels[0]!.text, labels[0]!.path, kinds[0]);
}

/** A zip's files (folders skipped) as text files named `<zip>/<path>`, any other file as it is. */
function unpack(file: LabelFile): LabelFile[] {
  if (!file.bytes || !/\.zip$/i.test(file.path)) return [file];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes);
  } catch (error) {
    throw new FormatError(file.path, `not a zip file (${(error as Error).message})`, { code: 'zip.malformed' });
  }
  return Object.entries(entries)
    .filter(([path]) => !path.endsWith('/'))
    .map(([path, bytes]) => ({ path: `${file.path}/${path}`, text: strFromU8(bytes) }));
}

function parseSidecar(file: LabelFile): unknown {
  try {
    return JSON.parse(file.text) as unknown;
  } catch (error) {
    throw new FormatError(file.path, `not valid JSON (${(error as Error).message})`, { code: 'json.syntax' });
  }
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
