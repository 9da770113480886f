import Dexie from 'dexie';
import { applyPatch, type LabelDoc, type Patch } from '../core/edits/patch';
import type { FrustumDb, JournalEntry, WorkLogEntry } from './db';
import { workLineId, type WorkLine } from '../core/model/work-line';

/** Fold the journal into a snapshot after this many entries, so that reopening stays fast. */
const SNAPSHOT_EVERY = 500;
/**
 * Journal lines a snapshot leaves, so that undo reaches back past it after a reload. Lines, not undo steps: a
 * drag writes one line per pointer move (a few hundred for a long one), and lines are a few hundred bytes.
 */
const HISTORY_KEEP = 2000;

/** What reopening a scene gives back: its labels, and the journal lines the undo history is rebuilt from. */
export interface LoadedLabels {
  doc: LabelDoc;
  /** Entries that could not be applied and were skipped. */
  skipped: number;
  /** The journal in order, oldest first: the lines a snapshot folded in (up to HISTORY_KEEP) and those after. */
  lines: JournalEntry[];
}

/**
 * Keeps a scene's labels durable: every applied patch is appended to the journal at once (one small write, never
 * a rewrite of the scene); reopening loads the last snapshot and replays the journal after it.
 */
export class LabelRepository {
  #sinceSnapshot = 0;

  constructor(
    private readonly db: FrustumDb,
    readonly sceneId: string,
    private readonly historyKeep = HISTORY_KEEP,
    private readonly snapshotEvery = SNAPSHOT_EVERY,
  ) {}

  /**
   * The labels as of the last write. A journal entry that no longer fits (written by an older version, or cut
   * short) is skipped and counted rather than failing the whole scene: everything else the user made loads.
   */
  async load(): Promise<LoadedLabels> {
    return this.db.transaction('r', this.db.snapshots, this.db.journal, async () => {
      const snapshot = await this.db.snapshots.get(this.sceneId);
      const doc: LabelDoc = new Map(snapshot?.records.map((r) => [r.id, r]));
      const from = snapshot?.seq ?? 0;
      const lines = await this.db.journal
        .where('[sceneId+seq]')
        .between([this.sceneId, 0], [this.sceneId, Dexie.maxKey])
        .toArray();
      // Lines at or before the snapshot are in it already: they are kept for the undo history only.
      const entries = lines.filter((e) => e.seq! > from);
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
      return { doc, skipped, lines };
    });
  }

  /** Appends one applied patch. Resolves when it is on disk. */
  /** `time` (ms since epoch) is when the edit was made, which the history panel shows before and after a reload. */
  async append(name: string, patch: Patch, author: string, gesture?: string, time = Date.now()): Promise<number> {
    const entry: JournalEntry = { sceneId: this.sceneId, time, author, name, patch };
    if (gesture !== undefined) entry.gesture = gesture;
    const seq = await this.db.journal.add(entry);
    this.#sinceSnapshot++;
    return seq as number;
  }

  shouldSnapshot(): boolean {
    return this.#sinceSnapshot >= this.snapshotEvery;
  }

  /**
   * Writes the doc as of journal entry `seq` and drops the entries it folds in, but for the last HISTORY_KEEP:
   * those stay for the undo history of the next session.
   */
  async snapshot(doc: LabelDoc, seq: number): Promise<void> {
    await this.db.transaction('rw', this.db.snapshots, this.db.journal, this.db.workLog, async () => {
      await this.db.snapshots.put({ sceneId: this.sceneId, seq, records: [...doc.values()] });
      const folded = await this.db.journal
        .where('[sceneId+seq]')
        .between([this.sceneId, 0], [this.sceneId, seq], true, true)
        .toArray();
      const dropped = folded.slice(0, Math.max(0, folded.length - this.historyKeep));
      // The undo history forgets them; the dashboard's count of who did what, when, must not.
      await this.db.workLog.bulkPut(dropped.map((entry) => toWorkLog(this.sceneId, entry, entry.seq!)));
      await this.db.journal.bulkDelete(dropped.map((entry) => entry.seq!));
    });
    this.#sinceSnapshot = 0;
  }
}

/**
 * Every line of work known for a scene, oldest first: the journal this browser keeps, the lines snapshots folded
 * away, and the lines of other browsers' journals that came with their bundles, each once. What the dashboard
 * counts work from.
 */
export async function readWork(db: FrustumDb, sceneId: string): Promise<WorkLine[]> {
  const [journal, kept] = await Promise.all([readJournal(db, sceneId), db.workLog.where('sceneId').equals(sceneId).toArray()]); // prettier-ignore
  const lines = new Map<string, { line: WorkLine; order: number }>();
  for (const line of kept) lines.set(line.id, { line: workLineOf(line), order: line.order });
  for (const line of journal) lines.set(workLineId(line), { line: workLineOf(line), order: line.seq! });
  return [...lines.values()].sort((a, b) => a.line.time - b.line.time || a.order - b.order).map((l) => l.line);
}

/** The journal lines this browser still keeps for a scene, in order (all but the last HISTORY_KEEP folded away). */
export async function readJournal(db: FrustumDb, sceneId: string): Promise<JournalEntry[]> {
  return db.journal.where('[sceneId+seq]').between([sceneId, Dexie.minKey], [sceneId, Dexie.maxKey]).toArray();
}

/** A line as work (what a bundle's journal and work log carry), whatever store it came from. */
export function workLineOf({ time, author, name, patch, gesture }: WorkLine): WorkLine {
  return { time, author, name, patch, ...(gesture !== undefined ? { gesture } : {}) };
}

export function toWorkLog(sceneId: string, line: WorkLine, order: number): WorkLogEntry {
  return { id: workLineId(line), sceneId, order, ...workLineOf(line) };
}
