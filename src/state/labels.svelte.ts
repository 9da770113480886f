import { applyPatch, isEmptyPatch, type LabelDoc, type Patch } from '../core/edits/patch';
import { History } from '../core/edits/history';
import { cuboidsOnFrame } from '../core/edits/delete-cuboid';
import type { Cuboid } from '../core/model/labels';
import type { LabelRepository, LoadedLabels } from '../storage/label-repository';

/**
 * The labels of the open scene. The records are a plain Map (never deep-proxied); `version` is the rune that
 * tells the UI to re-read. Every change goes through `commit`, which applies the patch, records it for undo
 * and appends it to the journal at once.
 */
export class LabelsState {
  version = $state(0);
  pendingWrites = $state(0);
  storageError = $state<string | undefined>(undefined);
  /** True while another tab edits this scene: edits here are refused rather than interleaved. */
  readOnly = $state(false);
  /** Journal entries that could not be applied when the labels were loaded. */
  skippedOnLoad = $state(0);
  #history: History;
  #doc: LabelDoc;
  #writes: Promise<unknown> = Promise.resolve();
  #frameCuboids: { version: number; frameIndex: number; cuboids: Cuboid[] } | undefined;

  /** The labels as loaded, with the undo history their journal describes (so undo survives a reload). */
  constructor(
    loaded: LoadedLabels,
    private readonly repository: LabelRepository,
    private readonly author: string,
  ) {
    this.#doc = loaded.doc;
    this.skippedOnLoad = loaded.skipped;
    this.#history = historyOf(loaded);
  }

  get doc(): LabelDoc {
    return this.#doc;
  }

  get history(): History {
    return this.#history;
  }

  /** Applies an edit's patch and makes it durable. `gesture` merges a drag into one undo entry. */
  commit(name: string, patch: Patch, gesture?: string): void {
    if (isEmptyPatch(patch) || this.readOnly) return;
    applyPatch(this.#doc, patch);
    this.#history.push({ name, patch, gesture, time: Date.now() });
    this.#persist(name, patch, gesture);
  }

  undo(): void {
    if (this.readOnly) return;
    const patch = this.#history.undo();
    if (!patch) return;
    applyPatch(this.#doc, patch);
    this.#persist('undo', patch);
  }

  redo(): void {
    if (this.readOnly) return;
    const patch = this.#history.redo();
    if (!patch) return;
    applyPatch(this.#doc, patch);
    this.#persist('redo', patch);
  }

  /** Takes over editing after another tab let go: its edits are reloaded from the journal first. */
  async becomeWritable(): Promise<void> {
    const loaded = await this.repository.load();
    this.#doc = loaded.doc;
    this.skippedOnLoad = loaded.skipped;
    this.#history = historyOf(loaded);
    this.readOnly = false;
    this.version++;
  }

  /**
   * The cuboids of a frame. The status bar, the 3D view and the cameras all ask after each change: one scan of
   * the records per change and frame serves them all.
   */
  cuboidsOn(frameIndex: number): Cuboid[] {
    const version = this.version;
    const last = this.#frameCuboids;
    if (last?.version === version && last.frameIndex === frameIndex) return last.cuboids;
    const cuboids = cuboidsOnFrame(this.#doc, frameIndex);
    this.#frameCuboids = { version, frameIndex, cuboids };
    return cuboids;
  }

  /** Resolves when every journal write issued so far has finished. */
  flushed(): Promise<unknown> {
    return this.#writes;
  }

  /**
   * Undoes or redoes until `done` entries are done: a click in the history panel. Each step is journalled like
   * a key press, so the journal still replays to the same labels.
   */
  jumpTo(done: number): void {
    while (this.#history.entries.done.length > done && this.#history.canUndo) this.undo();
    while (this.#history.entries.done.length < done && this.#history.canRedo) this.redo();
  }

  #persist(name: string, patch: Patch, gesture?: string): void {
    this.version++;
    this.pendingWrites++;
    // Writes are chained so the journal keeps the order in which patches were applied.
    this.#writes = this.#writes
      .then(() => this.repository.append(name, patch, this.author, gesture))
      .then(async (seq) => {
        this.storageError = undefined;
        if (this.repository.shouldSnapshot()) await this.repository.snapshot(this.#doc, seq);
      })
      .catch((error: unknown) => {
        this.storageError = error instanceof Error ? error.message : String(error);
      })
      .finally(() => this.pendingWrites--);
  }
}

/** The undo history a scene's journal describes; none when some of it could not be applied on load. */
function historyOf(loaded: LoadedLabels): History {
  if (loaded.skipped > 0) return new History();
  return History.fromJournal(loaded.lines);
}
