import { applyPatch, isEmptyPatch, type LabelDoc, type Patch } from '../core/edits/patch';
import { History } from '../core/edits/history';
import { cuboidsOnFrame } from '../core/edits/delete-cuboid';
import type { Cuboid } from '../core/model/labels';
import type { LabelRepository } from '../storage/label-repository';

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
  readonly history = new History();
  #doc: LabelDoc;
  #writes: Promise<unknown> = Promise.resolve();
  #frameCuboids: { version: number; frameIndex: number; cuboids: Cuboid[] } | undefined;

  constructor(
    doc: LabelDoc,
    private readonly repository: LabelRepository,
    private readonly author: string,
  ) {
    this.#doc = doc;
  }

  get doc(): LabelDoc {
    return this.#doc;
  }

  /** Applies an edit's patch and makes it durable. `gesture` merges a drag into one undo entry. */
  commit(name: string, patch: Patch, gesture?: string): void {
    if (isEmptyPatch(patch) || this.readOnly) return;
    applyPatch(this.#doc, patch);
    this.history.push({ name, patch, gesture });
    this.#persist(name, patch);
  }

  undo(): void {
    if (this.readOnly) return;
    const patch = this.history.undo();
    if (!patch) return;
    applyPatch(this.#doc, patch);
    this.#persist('undo', patch);
  }

  redo(): void {
    if (this.readOnly) return;
    const patch = this.history.redo();
    if (!patch) return;
    applyPatch(this.#doc, patch);
    this.#persist('redo', patch);
  }

  /** Takes over editing after another tab let go: its edits are reloaded from the journal first. */
  async becomeWritable(): Promise<void> {
    const { doc, skipped } = await this.repository.load();
    this.#doc = doc;
    this.skippedOnLoad = skipped;
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

  #persist(name: string, patch: Patch): void {
    this.version++;
    this.pendingWrites++;
    // Writes are chained so the journal keeps the order in which patches were applied.
    this.#writes = this.#writes
      .then(() => this.repository.append(name, patch, this.author))
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
