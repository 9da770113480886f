import type { LabelSet } from '../../core/model/label-set';
import type { FileProblem } from '../problems/file-problem';

/** One file a label writer produces: a '/'-separated path relative to the export's folder, and its text. */
export interface LabelFile {
  path: string;
  text: string;
  /** The file's bytes where it is binary (a bundle's zip); `text` is then empty and not written. */
  bytes?: Uint8Array;
}

/**
 * What a label writer returns: its files, and what it had to leave out or guess, each a problem of the file it
 * concerns with the record as its place (`box <id>`, `track <id>`) where there is one.
 */
export interface LabelExport {
  files: LabelFile[];
  problems: FileProblem[];
}

/** The lineage sidecar's name beside formats with no room of their own for it (KITTI, CSV). */
export function lineageSidecarPath(labelsPath: string): string {
  return `${labelsPath.replace(/\.[^./]+$/, '')}.lineage.json`;
}

/** A label set read from a file, with what could not be brought in (each with its place in the file). */
export interface LabelSetRead {
  set: LabelSet;
  problems: FileProblem[];
}
