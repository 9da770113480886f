import { composePatches, invertPatch, type Patch } from './patch';

export interface HistoryEntry {
  /** The edit's name, for the history panel and the review log (e.g. `createCuboid`). */
  name: string;
  patch: Patch;
  /** Entries pushed with the same gesture id in a row merge into one (a drag, a held key). */
  gesture?: string;
}

/** Undo and redo stacks of patches. It never applies anything itself: it says which patch to apply. */
export class History {
  #undo: HistoryEntry[] = [];
  #redo: HistoryEntry[] = [];

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

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }
}
