import { labelsIntoScene } from '../formats/labels/labels-into-scene';
import type { LabelFile } from '../formats/labels/label-export';
import { readLabelFiles } from '../formats/labels/read-label-files';
import { reportError, type ErrorReport } from '../formats/problems/error-report';
import type { FileProblem } from '../formats/problems/file-problem';
import type { SessionState } from './session.svelte';

/** What the last import brought in, for the dialog to say. */
export interface LabelImportResult {
  fileName: string;
  tracks: number;
  boxes: number;
  problems: FileProblem[];
}

/** Why an import changed nothing, where it was not a fault of the file (the file's faults come as `error`). */
export type LabelImportRefusal = 'readOnly' | 'empty';

/** A file as the browser hands it over. */
export interface ChosenFile {
  name: string;
  text(): Promise<string>;
  arrayBuffer?(): Promise<ArrayBuffer>;
}

/**
 * Brings a label file (OpenLABEL, nuScenes-style JSON, Frustum CSV; recognised by content), or KITTI label files
 * with their export's sidecar or as the zip an export downloads, into the open scene as one undoable edit, `importLabels`, that adds its tracks, boxes and time segments beside the
 * labels already there. Read on the main thread: label files are a few megabytes of JSON at most.
 */
export class LabelImportState {
  busy = $state(false);
  error = $state.raw<ErrorReport | undefined>(undefined);
  refusal = $state<LabelImportRefusal | undefined>(undefined);
  result = $state.raw<LabelImportResult | undefined>(undefined);

  constructor(private readonly session: Pick<SessionState, 'scene' | 'labels'>) {}

  async importFile(file: ChosenFile): Promise<void> {
    return this.importFiles([file]);
  }

  async importFiles(chosen: readonly ChosenFile[]): Promise<void> {
    if (this.busy || chosen.length === 0) return;
    this.busy = true;
    this.error = this.refusal = this.result = undefined;
    try {
      const { labels, scene } = this.session;
      if (labels.readOnly) {
        this.refusal = 'readOnly';
        return;
      }
      const fileName = chosen.map((f) => f.name).join(', ');
      const read = readLabelFiles(await Promise.all(chosen.map(labelFileOf)), scene);
      const into = labelsIntoScene(read.set, { id: scene.id, frameCount: scene.frames.length }, labels.doc, fileName); // prettier-ignore
      const problems = [...read.problems, ...into.problems];
      if (!labels.commit('importLabels', into.patch)) this.refusal = 'empty';
      this.result = { fileName, tracks: into.tracks, boxes: into.boxes, problems };
    } catch (error) {
      this.error = reportError(error);
    } finally {
      this.busy = false;
    }
  }
}

/** A chosen file as the readers take it: a zip as bytes, anything else as text. */
export async function labelFileOf(file: ChosenFile): Promise<LabelFile> {
  if (/\.zip$/i.test(file.name) && file.arrayBuffer) {
    return { path: file.name, text: '', bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  return { path: file.name, text: await file.text() };
}
