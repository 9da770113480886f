import { labelsIntoScene } from '../formats/labels/labels-into-scene';
import { readLabelFile } from '../formats/labels/label-formats';
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

/**
 * Brings a label file (OpenLABEL, nuScenes-style JSON, Frustum CSV; recognised by content) into the open
 * scene as one undoable edit, `importLabels`, that adds its tracks, boxes and time segments beside the
 * labels already there. Read on the main thread: label files are a few megabytes of JSON at most.
 */
export class LabelImportState {
  busy = $state(false);
  error = $state<string | undefined>(undefined);
  refusal = $state<LabelImportRefusal | undefined>(undefined);
  result = $state.raw<LabelImportResult | undefined>(undefined);

  constructor(private readonly session: Pick<SessionState, 'scene' | 'labels'>) {}

  async importFile(file: { name: string; text(): Promise<string> }): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = this.refusal = this.result = undefined;
    try {
      const { labels, scene } = this.session;
      if (labels.readOnly) {
        this.refusal = 'readOnly';
        return;
      }
      const read = readLabelFile(await file.text(), file.name);
      const into = labelsIntoScene(read.set, { id: scene.id, frameCount: scene.frames.length }, labels.doc, file.name); // prettier-ignore
      const problems = [...read.problems, ...into.problems];
      if (!labels.commit('importLabels', into.patch)) this.refusal = 'empty';
      this.result = { fileName: file.name, tracks: into.tracks, boxes: into.boxes, problems };
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}
