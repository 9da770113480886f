import { applyPatch, isEmptyPatch, type LabelDoc, type Patch } from '../core/edits/patch';
import { History } from '../core/edits/history';
import { updateCuboid, type CuboidChange } from '../core/edits/update-cuboid';
import { TrackIndex } from '../core/tracks/track-index';
import { SegmentIndex } from '../core/tracks/segment-index';
import type { FrameTiming } from '../core/tracks/frame-motion';
import type { Cuboid, LabelRecord, TrackSizeSource } from '../core/model/labels';
import { mergeRecords } from '../core/review/merge-records';
import { isObjectRecord, stampAuthorship } from '../core/edits/stamp-authorship';
import type { LabelRepository, LoadedLabels } from '../storage/label-repository';

/**
 * The labels of the open scene. The records are a plain Map (never deep-proxied); `version` is the rune that
 * tells the UI to re-read. Every change goes through `commit`, which applies the patch, records it for undo
 * and appends it to the journal at once.
 */
export class LabelsState {
  version = $state(0);
  pendingWrites = $state(0);
  /**
   * Journal entries this page has stored for the open scene, counted once the append's IndexedDB transaction
   * has committed: the browser has then handed it to the operating system (its default, relaxed durability),
   * so an edit counted here survives the browser being killed. The status bar exposes it to tests and tools.
   */
  storedEntries = $state(0);
  storageError = $state<string | undefined>(undefined);
  /** True while another tab edits this scene: edits here are refused rather than interleaved. */
  readOnly = $state(false);
  /**
   * Review mode: the labels themselves (tracks, boxes, segments) are read-only, and only review records
   * (verdicts, issues, rounds, dismissals) change. An edit refused here says so through `refusedInReview`.
   */
  reviewMode = $state(false);
  /** Bumped each time an object edit is refused in review mode, for the UI to say why nothing happened. */
  refusedInReview = $state(0);
  /** Journal entries that could not be applied when the labels were loaded. */
  skippedOnLoad = $state(0);
  #history: History;
  #doc: LabelDoc;
  /** Stored boxes by track and frame, kept in step with the doc: derived boxes come from it. */
  #index: TrackIndex;
  /** Time segments by track, kept in step with the doc like the track index. */
  #segments: SegmentIndex;
  #writes: Promise<unknown> = Promise.resolve();
  #frameCuboids: { version: number; frameIndex: number; cuboids: Cuboid[] } | undefined;

  /** The labels as loaded, with the undo history their journal describes (so undo survives a reload). */
  constructor(
    loaded: LoadedLabels,
    private readonly repository: LabelRepository,
    /** Who makes the edits: the person's local name at the time of each edit. */
    author: string | (() => string),
    /** The scene's frames (times and ego poses): tracks are interpolated through them. */
    private readonly frames: readonly FrameTiming[] = [],
  ) {
    this.#author = typeof author === 'string' ? () => author : author;
    this.#doc = loaded.doc;
    this.#index = new TrackIndex(loaded.doc);
    this.#segments = new SegmentIndex(loaded.doc);
    this.skippedOnLoad = loaded.skipped;
    this.#history = historyOf(loaded);
  }

  #author: () => string;

  /** The name this page's edits are made under now. */
  get author(): string {
    return this.#author();
  }

  get doc(): LabelDoc {
    return this.#doc;
  }

  get history(): History {
    return this.#history;
  }

  /**
   * Merges records that went away in a bundle and came back (see `mergeRecords`) as one edit, `mergeBundle`,
   * so that undo takes the whole merge back. The records keep the authorship they came with (a merge is not an
   * edit of theirs), and it is applied in review mode too. Undefined in a read-only tab.
   */
  mergeIn(incoming: readonly LabelRecord[], removals: ReadonlyMap<string, number>): MergeOutcome | undefined {
    if (this.readOnly) return undefined;
    const { patch, changed, conflicts } = mergeRecords(this.#doc, incoming, removals);
    if (!isEmptyPatch(patch)) {
      const time = Date.now();
      this.#apply(patch);
      this.#history.push({ name: 'mergeBundle', patch, time });
      this.#persist('mergeBundle', patch, undefined, time);
    }
    return { added: changed.added, updated: changed.updated, removed: changed.removed, conflicts: conflicts.length };
  }

  /** Applies an edit's patch and makes it durable. `gesture` merges a drag into one undo entry. */
  /** Says whether it was applied: a read-only tab and an empty patch change nothing. */
  commit(name: string, patch: Patch, gesture?: string): boolean {
    if (isEmptyPatch(patch) || this.readOnly) return false;
    if (this.#refusedByMode(patch)) return false;
    const time = Date.now();
    const stamped = stampAuthorship(patch, this.author, time);
    this.#apply(stamped);
    this.#history.push({ name, patch: stamped, gesture, time });
    this.#persist(name, stamped, gesture, time);
    return true;
  }

  undo(): void {
    if (this.readOnly || this.#refusedByMode(this.#history.entries.done.at(-1)?.patch)) return;
    const patch = this.#history.undo();
    if (!patch) return;
    this.#apply(patch);
    this.#persist('undo', patch);
  }

  redo(): void {
    if (this.readOnly || this.#refusedByMode(this.#history.entries.undone[0]?.patch)) return;
    const patch = this.#history.redo();
    if (!patch) return;
    this.#apply(patch);
    this.#persist('redo', patch);
  }

  /** Takes over editing after another tab let go: its edits are reloaded from the journal first. */
  async becomeWritable(): Promise<void> {
    const loaded = await this.repository.load();
    this.#doc = loaded.doc;
    this.#index = new TrackIndex(loaded.doc);
    this.#segments = new SegmentIndex(loaded.doc);
    this.skippedOnLoad = loaded.skipped;
    this.#history = historyOf(loaded);
    this.readOnly = false;
    this.version++;
  }

  /**
   * The cuboids of a frame: the stored ones and those derived between two stored boxes of a track. The status
   * bar, the 3D view and the cameras all ask after each change: one answer per change and frame serves them.
   */
  cuboidsOn(frameIndex: number): Cuboid[] {
    const version = this.version;
    const last = this.#frameCuboids;
    if (last?.version === version && last.frameIndex === frameIndex) return last.cuboids;
    const cuboids = this.#index.cuboidsOn(frameIndex, this.frames);
    this.#frameCuboids = { version, frameIndex, cuboids };
    return cuboids;
  }

  /** A box by id on a frame: stored, or derived there. */
  cuboid(id: string, frameIndex: number): Cuboid | undefined {
    const stored = this.#doc.get(id);
    if (stored) return stored.type === 'cuboid' ? stored : undefined;
    return this.cuboidsOn(frameIndex).find((c) => c.id === id);
  }

  get tracks(): TrackIndex {
    return this.#index;
  }

  get segments(): SegmentIndex {
    return this.#segments;
  }

  /** Changes a box's pose, size or attributes; a derived box becomes a stored keyframe. */
  /**
   * Says whether it was applied. Refused (false) for a box that is gone (deleted mid-drag) or a derived box whose
   * track has meanwhile been given a stored box on that frame: a drag holding such a box must end. Throws for a
   * value the edit refuses (a size of zero). A new size on
   * a rigid track is given to every stored box of the track, so the track keeps one size, and the track records
   * where it came from: `sizeSource` (a fit says so), else set by hand, which no estimate replaces unasked.
   */
  editCuboid(
    name: string,
    cuboid: Cuboid,
    change: CuboidChange,
    gesture?: string,
    sizeSource: TrackSizeSource = { kind: 'hand' },
  ): boolean {
    const stored = this.#doc.has(cuboid.id);
    const siblings = this.#index.boxesOf(cuboid.trackId).filter((c) => c.id !== cuboid.id);
    if (!stored) {
      const derived = cuboid.source.kind === 'interpolated' && this.#doc.get(cuboid.trackId)?.type === 'track';
      if (!derived || siblings.some((c) => c.frameIndex === cuboid.frameIndex)) return false;
    }
    // A value the edit refuses (a size of zero) throws, for the caller to say so.
    const patch = updateCuboid(this.#doc, { cuboidId: cuboid.id, change, derived: cuboid });
    const size = change.size;
    const track = this.#index.track(cuboid.trackId);
    if (size && track?.rigid) {
      for (const c of siblings)
        if (c.size.some((v, i) => v !== size[i])) patch.updated.push([c, { ...c, size: [...size] }]);
      if (JSON.stringify(track.sizeSource) !== JSON.stringify(sizeSource))
        patch.updated.push([track, { ...track, sizeSource: { ...sizeSource } }]);
    }
    return this.commit(name, patch, gesture);
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
    // Undo and redo refuse in a read-only tab, and object edits in review mode: stop at the first refusal.
    if (this.readOnly) return;
    const count = () => this.#history.entries.done.length;
    for (let n = count(); n > done && this.#history.canUndo; n = count()) if ((this.undo(), count()) === n) return;
    for (let n = count(); n < done && this.#history.canRedo; n = count()) if ((this.redo(), count()) === n) return;
  }

  /** In review mode a patch that changes tracks, boxes or segments is refused (and counted, for the UI). */
  #refusedByMode(patch: Patch | undefined): boolean {
    if (!this.reviewMode || !patch || !touchesObjects(patch)) return false;
    this.refusedInReview++;
    return true;
  }

  #apply(patch: Patch): void {
    applyPatch(this.#doc, patch);
    this.#index.applyPatch(patch);
    this.#segments.applyPatch(patch);
  }

  #persist(name: string, patch: Patch, gesture?: string, time = Date.now()): void {
    // Who made the edit is read now: the write below may run after the person changed their name.
    const author = this.author;
    this.version++;
    this.pendingWrites++;
    // Writes are chained so the journal keeps the order in which patches were applied.
    this.#writes = this.#writes
      .then(() => this.repository.append(name, patch, author, gesture, time))
      .then(async (seq) => {
        this.storageError = undefined;
        // Dexie resolves an append outside a transaction of ours only on that transaction's complete event.
        this.storedEntries++;
        // Only with no later write queued: the doc then is the labels as of `seq`, which a snapshot must be.
        if (this.repository.shouldSnapshot() && this.pendingWrites === 1)
          await this.repository.snapshot(this.#doc, seq);
      })
      .catch((error: unknown) => {
        this.storageError = error instanceof Error ? error.message : String(error);
      })
      .finally(() => this.pendingWrites--);
  }
}

/** What a merge changed: records added, updated and removed here, and copies both sides had changed. */
export interface MergeOutcome {
  added: number;
  updated: number;
  removed: number;
  conflicts: number;
}

function touchesObjects(patch: Patch): boolean {
  return (
    patch.added.some(isObjectRecord) ||
    patch.removed.some(isObjectRecord) ||
    patch.updated.some(([b]) => isObjectRecord(b))
  );
}

/** The undo history a scene's journal describes; none when some of it could not be applied on load. */
function historyOf(loaded: LoadedLabels): History {
  if (loaded.skipped > 0) return new History();
  return History.fromJournal(loaded.lines);
}
