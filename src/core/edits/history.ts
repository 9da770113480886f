import { composePatches, invertPatch, type Patch } from './patch';

export interface HistoryEntry {
  /** The edit's name, for the history panel and the review log (e.g. `createCuboid`). */
  name: string;
  patch: Patch;
  /** Entries pushed with the same gesture id in a row merge into one (a drag, a held key). */
  gesture?: string;
  /** When the entry was made (its first step, for a gesture), ms since epoch. */
  time?: number;
}

/** A journal line as the history needs it: an edit, or the record of an undo or a redo and its patch. */
export type JournalLine = HistoryEntry;

/** Undo and redo stacks of patches. It never applies anything itself: it says which patch to apply. */
export class History {
  #undo: HistoryEntry[] = [];
  #redo: HistoryEntry[] = [];

  /**
   * The history a journal describes, so that undo survives a reload: edits are pushed, `undo` and `redo`
   * lines move back and forth. A line that does not undo or redo what the rebuilt history says it should (the
   * journal was cut before it, or an entry was lost) drops everything before it: undo must never apply a patch
   * to labels it was not made for.
   */
  static fromJournal(lines: readonly JournalLine[]): History {
    const history = new History();
    for (const line of lines) {
      if (line.name === 'undo' || line.name === 'redo') {
        const patch = line.name === 'undo' ? history.undo() : history.redo();
        if (!patch || JSON.stringify(patch) !== JSON.stringify(line.patch)) history.clear();
      } else {
        history.push(line);
      }
    }
    // The gesture of the last line ended with the session that wrote it: nothing may merge into it now.
    history.#sealGesture();
    return history;
  }

  push(entry: HistoryEntry): void {
    this.#redo = [];
    const top = this.#undo.at(-1);
    if (entry.gesture !== undefined && top?.gesture === entry.gesture) {
      this.#undo[this.#undo.length - 1] = { ...top, patch: composePatches(top.patch, entry.patch) };
    } else {
      this.#undo.push(entry);
    }
  }

  /** The patch that undoes the last entry, or undefined when there is nothing to undo. */
  undo(): Patch | undefined {
    const entry = this.#undo.pop();
    if (!entry) return undefined;
    this.#redo.push(entry);
    return invertPatch(entry.patch);
  }

  redo(): Patch | undefined {
    const entry = this.#redo.pop();
    if (!entry) return undefined;
    this.#undo.push({ ...entry, gesture: undefined });
    return entry.patch;
  }

  #sealGesture(): void {
    const top = this.#undo.at(-1);
    if (top?.gesture !== undefined) this.#undo[this.#undo.length - 1] = { ...top, gesture: undefined };
  }

  clear(): void {
    this.#undo = [];
    this.#redo = [];
  }

  /** Entries done, oldest first, then entries undone, next-to-redo first: the order the panel lists them in. */
  get entries(): { done: readonly HistoryEntry[]; undone: readonly HistoryEntry[] } {
    return { done: this.#undo, undone: [...this.#redo].reverse() };
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }
}
