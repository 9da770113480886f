import { CodedError } from '../formats/problems/coded-error';
import { reportError, type ErrorReport } from '../formats/problems/error-report';
import { groupProblems } from '../formats/problems/group-problems';
import type { FileProblem, SceneFiles } from '../formats/scene/scene-files';
import type { ImportedScene } from '../formats/scene/import-scene';
import type { SessionState } from './session.svelte';
import type { LabelRecord } from '../core/model/labels';
import type { MergeOutcome } from './labels.svelte';
import { OntologiesState, type OntologyBackend } from './ontologies.svelte';
import type { ExportBackend } from './export.svelte';
import type { SceneViews } from './scene-views';
import { ReimportQuestion } from './reimport.svelte';
import { SceneChoiceQuestion } from './scene-choice.svelte';
import type { SceneChoice } from '../formats/scene/scene-choice';
import type { ImportOptions } from '../formats/scene/import-context';

/** Which of a folder's scenes to read, and how labels beside the data come in. */
export type FolderRequest = Pick<ImportOptions, 'labelsAs' | 'scene' | 'sweeps'>;

export interface SceneSummary {
  id: string;
  name: string;
  kind: 'demo' | 'opfs' | 'directory' | 'url';
  frames: number;
  /** Where its files came from: the folder's name or the manifest's URL (none for the demo drive). */
  source?: string;
  /** When its files were last brought in, ms since epoch (unknown for some scenes stored before it was kept). */
  importedAt?: number;
}

export type ImportPhase = 'reading' | 'copying' | 'labels';

/** How an imported scene will be reopened later. */
export type ImportKeep =
  { kind: 'opfs' } | { kind: 'directory'; handle: FileSystemDirectoryHandle } | { kind: 'url'; manifestUrl: string };

/** An import under way: its phase, and the folder's file count once listed. */
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
  /** The folder's name or the manifest's URL. */
  source: string;
  /** Files the folder holds (the manifest names), once known. */
  files?: number;
}

/** How the library reaches storage, workers and importers; wired in `app/`. */
export interface LibraryBackend extends OntologyBackend {
  listScenes(): Promise<SceneSummary[]>;
  openScene(id: string): Promise<SessionState>;
  /**
   * Reads a folder's scene (calibration, poses, labels; sweeps are read later, when shown), and finds the
   * scenes here that came from the same folder: the same files, or a folder of the same name and layout.
   */
  readFolder(
    files: SceneFiles,
    progress: (phase: ImportPhase, done: number, total: number) => void,
    signal: AbortSignal,
    request: FolderRequest,
  ): Promise<{ imported: ImportedScene; same: SceneSummary[] }>;
  /** The scenes a folder holds where it holds several (see `listScenes`), read from its small files only. */
  listFolderScenes(files: SceneFiles, signal: AbortSignal): Promise<SceneChoice[]>;
  /**
   * Stores a scene `readFolder` read, and returns its id: as a scene of its own, or with `replace` in place of
   * that scene's sensor data, its labels, history, versions and exports kept. `keep` says how it reopens.
   */
  storeFolder(
    imported: ImportedScene,
    files: SceneFiles,
    keep: ImportKeep,
    progress: (phase: ImportPhase, done: number, total: number) => void,
    signal: AbortSignal,
    replace?: string,
  ): Promise<{ sceneId: string }>;
  /** Re-grants access to a remembered folder (needs a click); false when the user says no. */
  requestAccess(id: string): Promise<boolean>;
  /** Label versions and exports of the open scene. */
  readonly exports: ExportBackend;
  /**
   * Brings a Frustum bundle in: stored as it is for a scene new here; for a scene that holds work here, its
   * labels come back in `merge`, to be merged into the open scene (nothing is replaced).
   */
  importBundle(bytes: Uint8Array, fileName: string): Promise<{ sceneId: string; merge?: BundleMerge }>;
}

/** What merging a bundle changed in the open scene. */
export type MergeSummary = MergeOutcome & { fileName: string };

/** A bundle's labels to merge into a scene this browser already holds work for (see `LabelsState.mergeIn`). */
export interface BundleMerge {
  fileName: string;
  records: LabelRecord[];
  /** Ids the local journal removed, with when (ms): a removal weighed against the bundle's copy. */
  removals: Map<string, number>;
}

/** The scenes this browser holds, the open one, and any import under way. */
export class LibraryState {
  scenes = $state.raw<SceneSummary[]>([]);
  session = $state.raw<SessionState | undefined>(undefined);
  dialogOpen = $state(false);
  /** What the last bundle merged into an open scene changed, for the user to read. */
  merged = $state.raw<MergeSummary | undefined>(undefined);
  importing = $state<ImportProgress | undefined>(undefined);
  /** A folder already here is coming in again: open it, replace its sensor data, or add it as another scene. */
  readonly reimport = new ReimportQuestion();
  /** A folder of several scenes (or with sweeps between keyframes) is coming in: which, and how. */
  readonly sceneChoice = new SceneChoiceQuestion();
  problems = $state.raw<FileProblem[]>([]);
  /** The last import's problems, one group per code (count, first message, first places), first seen first. */
  readonly problemGroups = $derived(groupProblems(this.problems));
  error = $state.raw<ErrorReport | undefined>(undefined);
  /** Labels found beside the data come in as pre-labels to be checked, rather than as finished labels. */
  labelsAsPrelabels = $state(false);
  #abort: AbortController | undefined;
  /** The ontologies a scene can be labelled with. */
  readonly ontologies: OntologiesState;

  constructor(
    private readonly backend: LibraryBackend,
    private readonly remember: (sceneId: string) => void,
    /** Where the user was in each scene (frame, view, camera, selection), brought back when it opens. */
    readonly views?: SceneViews,
  ) {
    this.ontologies = new OntologiesState(backend);
  }

  async refresh(): Promise<void> {
    [this.scenes] = await Promise.all([this.backend.listScenes(), this.ontologies.refresh()]);
  }

  async open(id: string): Promise<void> {
    try {
      this.error = undefined;
      const summary = this.scenes.find((s) => s.id === id);
      if (summary?.kind === 'directory' && !(await this.backend.requestAccess(id))) {
        throw new CodedError('folder.no-permission', `no permission to read the folder of ${summary.name}`, { scene: summary.name }); // prettier-ignore
      }
      const next = await this.backend.openScene(id);
      // The scene being left stops playing: it would go on decoding frames through the shared workers; its
      // checks stop too, so that nothing of its labels is recorded over the scene's kept findings.
      this.session?.playback.pause();
      void this.session?.checks?.pause();
      // Back where the user was: the frame index is set at once, so the scene opens on it.
      const saved = this.views?.get(id);
      if (saved) next.viewMode = saved.viewMode;
      const landed = next.goToFrame(saved?.frame ?? 0);
      if (saved?.trackId && next.labels.doc.has(saved.trackId)) next.selectTrack(saved.trackId);
      this.session = next;
      this.remember(id);
      this.dialogOpen = false;
      await landed;
    } catch (error) {
      this.error = reportError(error);
    }
  }

  /**
   * Imports a folder. `prepare` finds its files (walks a folder, fetches a manifest) and already runs under the
   * import's progress and Cancel, since on a large folder or a slow server it is the long part.
   */
  async importFolder(
    source: string,
    prepare: (signal: AbortSignal) => Promise<{ files: SceneFiles; keep: ImportKeep }>,
  ): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const { signal } = abort;
    this.error = undefined;
    this.problems = [];
    this.importing = { phase: 'reading', done: 0, total: 0, source };
    try {
      const { files, keep } = await prepare(signal);
      signal.throwIfAborted();
      const count = files.list().length;
      const progress = (phase: ImportPhase, done: number, total: number) =>
        (this.importing = { phase, done, total, source, files: count });
      progress('reading', 0, 0);
      const request: FolderRequest = { labelsAs: this.labelsAsPrelabels ? 'prelabels' : 'labels' };
      const scenes = await this.backend.listFolderScenes(files, signal);
      if (scenes.length > 1 || scenes.some((s) => s.hasSweeps)) {
        const choice = await this.sceneChoice.ask({ source, scenes }, signal);
        if (choice.kind === 'cancel') return;
        Object.assign(request, { scene: choice.scene, sweeps: choice.sweeps });
      }
      const { imported, same } = await this.backend.readFolder(files, progress, signal, request);
      let replace: string | undefined;
      if (same.length > 0) {
        const canAddNew = !same.some((s) => s.id === imported.scene.id);
        const frames = imported.scene.frames.length;
        const choice = await this.reimport.ask({ source, frames, same, canAddNew }, signal);
        if (choice.kind === 'cancel') return;
        if (choice.kind === 'reopen') {
          this.importing = undefined;
          return await this.open(choice.sceneId);
        }
        if (choice.kind === 'replace') replace = choice.sceneId;
      }
      const { sceneId } = await this.backend.storeFolder(imported, files, keep, progress, signal, replace);
      await this.refresh();
      this.importing = undefined;
      await this.open(sceneId);
      // The check a new calibration needs first: the sweep's points drawn on every camera image.
      if (this.session?.scene.id === sceneId && this.session.scene.cameras.length > 0)
        this.session.projectPoints = true;
      // Keep the dialog up when there is something to read about the import. Shown only now, with the scene
      // listed and open: shown earlier, a reader (or a test) saw the problems beside a list without the scene,
      // and opening the scene closed the dialog under them.
      this.problems = imported.problems;
      if (this.problems.length > 0) this.dialogOpen = true;
    } catch (error) {
      this.error = abort.signal.aborted ? undefined : reportError(error);
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
      this.importing = undefined;
    }
  }

  get exportBackend(): ExportBackend {
    return this.backend.exports;
  }

  /**
   * Imports a Frustum bundle (a zip) and opens its scene; the open session's writes land first. Into a scene
   * that holds work here the bundle's labels are merged as one edit (undo takes the whole merge back), and
   * `merged` says what changed.
   */
  async importBundle(file: File): Promise<void> {
    this.error = undefined;
    this.problems = [];
    this.merged = undefined;
    this.importing = { phase: 'labels', done: 0, total: 1, source: file.name };
    try {
      await this.session?.labels.flushed();
      // A run under way must not record the old labels' findings over the bundle's.
      const checks = this.session?.checks;
      await checks?.pause();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await this.backend.importBundle(bytes, file.name).finally(() => checks?.resume());
      await this.refresh();
      this.importing = undefined;
      if (this.session?.scene.id !== result.sceneId || !result.merge) await this.open(result.sceneId);
      const { merge } = result;
      if (merge && this.session) {
        const labels = this.session.labels;
        const outcome = labels.mergeIn(merge.records, merge.removals);
        if (!outcome) throw new CodedError('bundle.merge.read-only', `${merge.fileName}: the scene is being edited in another tab; merge it there`, { file: merge.fileName }); // prettier-ignore
        this.merged = { fileName: merge.fileName, ...outcome };
        // The scene stays open as it was, with the merge in it: back to it, as an import of a new scene does.
        this.dialogOpen = false;
      }
    } catch (error) {
      this.error = reportError(error);
    } finally {
      this.importing = undefined;
    }
  }

  cancelImport(): void {
    this.#abort?.abort();
  }
}
