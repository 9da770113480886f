import type { ExportRecord } from '../core/model/export-record';
import type { LabelVersion } from '../core/model/label-version';
import type { LabelRecord } from '../core/model/labels';
import type { Ontology } from '../core/model/ontology';
import type { Scene } from '../core/model/scene';
import type { ExportFormatId } from '../formats/labels/label-formats';
import { reportError, type ErrorReport } from '../formats/problems/error-report';
import type { SessionState } from './session.svelte';

/** What one export asks for: the scene (with the ontology it is labelled with now) and its stored labels. */
export interface ExportRequest {
  scene: Scene;
  ontology: Ontology;
  records: LabelRecord[];
  format: ExportFormatId;
  /** The message of the label version made for this export where the labels changed since the last one. */
  versionMessage: string;
  /** Bundle only: put the scene's own files in the zip (not for the demo drive, which regenerates). */
  embedData: boolean;
  onProgress: (done: number, total: number) => void;
}

/** A file ready to download, and the record of its export (already stored). */
export interface ExportResult {
  fileName: string;
  bytes: Uint8Array;
  mime: string;
  record: ExportRecord;
}

/** How exports and versions reach storage, hashing and the writers; wired in `app/`. */
export interface ExportBackend {
  listVersions(sceneId: string): Promise<LabelVersion[]>;
  listExports(sceneId: string): Promise<ExportRecord[]>;
  saveVersion(sceneId: string, records: LabelRecord[], message: string): Promise<LabelVersion>;
  /** The latest version when the labels have not changed since, else a new one with `message`. */
  versionFor(sceneId: string, records: LabelRecord[], message: string): Promise<LabelVersion>;
  /** Names (or makes) the label version, hashes the inputs, writes the file and records the export. */
  exportScene(request: ExportRequest): Promise<ExportResult>;
}

/**
 * The export dialog's state for the open scene: its label versions, its past exports, and one export or save
 * at a time. Journal writes still under way are waited for first, so that a version or a bundle holds every
 * edit made before the click.
 */
export class ExportState {
  versions = $state.raw<LabelVersion[]>([]);
  exports = $state.raw<ExportRecord[]>([]);
  format = $state<ExportFormatId>('openlabel');
  embedData = $state(false);
  message = $state('');
  busy = $state(false);
  progress = $state<{ done: number; total: number } | undefined>(undefined);
  error = $state.raw<ErrorReport | undefined>(undefined);

  constructor(
    private readonly backend: ExportBackend,
    private readonly session: Pick<SessionState, 'scene' | 'ontology' | 'labels'>,
  ) {}

  async refresh(): Promise<void> {
    const id = this.session.scene.id;
    [this.versions, this.exports] = await Promise.all([this.backend.listVersions(id), this.backend.listExports(id)]);
  }

  /** Saves the labels as they stand as a version with the message typed. */
  async saveVersion(): Promise<LabelVersion | undefined> {
    return this.#run(async () => {
      const version = await this.backend.saveVersion(this.session.scene.id, this.#records(), this.message.trim());
      this.message = '';
      return version;
    });
  }

  /** Writes the chosen format; the caller offers the result as a download. */
  async export(versionMessage: string): Promise<ExportResult | undefined> {
    return this.#run(() =>
      this.backend.exportScene({
        // The session's ontology may have been changed since the scene record was read.
        scene: { ...this.session.scene, ontologyId: this.session.ontology.id },
        ontology: this.session.ontology,
        records: this.#records(),
        format: this.format,
        versionMessage,
        embedData: this.embedData && this.session.scene.source.kind !== 'demo',
        onProgress: (done, total) => (this.progress = { done, total }),
      }),
    );
  }

  #records(): LabelRecord[] {
    return [...this.session.labels.doc.values()];
  }

  async #run<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.error = undefined;
    try {
      await this.session.labels.flushed();
      const result = await work();
      await this.refresh();
      return result;
    } catch (error) {
      this.error = reportError(error);
      return undefined;
    } finally {
      this.busy = false;
      this.progress = undefined;
    }
  }
}
