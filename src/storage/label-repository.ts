import Dexie from 'dexie';
import { applyPatch, type LabelDoc, type Patch } from '../core/edits/patch';
import type { FrustumDb, JournalEntry } from './db';

/** Fold the journal into a snapshot after this many entries, so that reopening stays fast. */
const SNAPSHOT_EVERY = 500;

/**
 * Keeps a scene's labels durable: every applied patch is appended to the journal at once (one small write, never
 * a rewrite of the scene); reopening loads the last snapshot and replays the journal after it.
 */
export class LabelRepository {
  #sinceSnapshot = 0;

  constructor(
    private readonly db: FrustumDb,
    readonly sceneId: string,
  ) {}

  /**
   * The labels as of the last write. A journal entry that no longer fits (written by an older version, or cut
   * short) is skipped and counted rather than failing the whole scene: everything else the user made loads.
   */
  async load(): Promise<{ doc: LabelDoc; skipped: number }> {
    return this.db.transaction('r', this.db.snapshots, this.db.journal, async () => {
      const snapshot = await this.db.snapshots.get(this.sceneId);
      const doc: LabelDoc = new Map(snapshot?.records.map((r) => [r.id, r]));
      const from = snapshot?.seq ?? 0;
      const entries = await this.db.journal
        .where('[sceneId+seq]')
        .between([this.sceneId, from + 1], [this.sceneId, Dexie.maxKey])
        .toArray();
      let skipped = 0;
      for (const entry of entries) {
        try {
          applyPatch(doc, entry.patch);
        } catch (error) {
          skipped++;
          console.warn(`journal entry ${entry.seq} (${entry.name}) skipped:`, error);
        }
      }
      this.#sinceSnapshot = entries.length;
      return { doc, skipped };
    });
  }

  /** Appends one applied patch. Resolves when it is on disk. */
  async append(name: string, patch: Patch, author: string): Promise<number> {
    const entry: JournalEntry = { sceneId: this.sceneId, time: Date.now(), author, name, patch };
    const seq = await this.db.journal.add(entry);
    this.#sinceSnapshot++;
    return seq as number;
  }

  shouldSnapshot(): boolean {
    return this.#sinceSnapshot >= SNAPSHOT_EVERY;
  }

  /** Writes the doc as of journal entry `seq` and drops the entries it folds in. */
  async snapshot(doc: LabelDoc, seq: number): Promise<void> {
    await this.db.transaction('rw', this.db.snapshots, this.db.journal, async () => {
      await this.db.snapshots.put({ sceneId: this.sceneId, seq, records: [...doc.values()] });
      await this.db.journal.where('[sceneId+seq]').between([this.sceneId, 0], [this.sceneId, seq], true, true).delete();
    });
    this.#sinceSnapshot = 0;
  }
}
