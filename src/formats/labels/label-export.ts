import type { LabelSet } from '../../core/model/label-set';
import type { FileProblem } from '../scene/scene-files';

/** One file a label writer produces: a '/'-separated path relative to the export's folder, and its text. */
export interface LabelFile {
  path: string;
  text: string;
  /** The file's bytes where it is binary (a bundle's zip); `text` is then empty and not written. */
  bytes?: Uint8Array;
}

/** What a label writer returns: its files, and what it had to leave out or guess, one line each. */
export interface LabelExport {
  files: LabelFile[];
  problems: string[];
}

/** The lineage sidecar's name beside formats with no room of their own for it (KITTI, CSV). */
export function lineageSidecarPath(labelsPath: string): string {
  return `${labelsPath.replace(/\.[^./]+$/, '')}.lineage.json`;
}

/** A label set read from a file, with what could not be brought in (one line each, naming the place in the file). */
export interface LabelSetRead {
  set: LabelSet;
  problems: FileProblem[];
}
