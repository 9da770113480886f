import Dexie, { type EntityTable } from 'dexie';
import type { Scene } from '../core/model/scene';
import type { LabelRecord } from '../core/model/labels';
import type { Patch } from '../core/edits/patch';
import type { Ontology } from '../core/model/ontology';
import type { LabelVersion } from '../core/model/label-version';
import type { ExportRecord } from '../core/model/export-record';
import type { PointCloud } from '../core/model/point-cloud';
import type { ReviewIssue } from '../core/model/review-issue';
import type { WorkLine } from '../core/model/work-line';

/** A decoded or generated sensor sample kept for the next visit. Evictable; labels never are. */
export interface CachedFrame {
  /** `${sceneId}|${sensorId}|${index}` */
  key: string;
  sceneId: string;
  /** Bytes of the payload, for the LRU bound. */
  bytes: number;
  /** ms since epoch when stored (reads are stamped in `frameUse`, not here). */
  lastUsed: number;
  payload: CachedPoints | CachedImage;
}

/**
 * When a cached frame was last read and how big it is: a small record apart from the frame, so stamping a read
 * or planning an eviction never rewrites or reads megabytes of points.
 */
export interface FrameUse {
  key: string;
  bytes: number;
  lastUsed: number;
}

/**
 * A decoded sweep as `PointCloud` holds it. Since v7 it may be interleaved: one `records` array that
 * `positions` and the attributes view (one buffer in the stored value, as the structured clone keeps views of
 * a buffer together); frames cached before v7 are dropped by its upgrade.
 */
export interface CachedPoints extends PointCloud {
  kind: 'points';
}

export interface CachedImage {
  kind: 'image';
  width: number;
  height: number;
  mime: string;
  /** Encoded image bytes (JPEG/PNG). */
  data: ArrayBuffer;
}

/** One applied patch. `seq` orders the journal; replaying all patches of a scene in order rebuilds its labels. */
export interface JournalEntry {
  seq?: number;
  sceneId: string;
  /** ms since epoch. */
  time: number;
  author: string;
  /** The edit's name, or `undo`/`redo`. */
  name: string;
  patch: Patch;
  /** Steps of one drag or held key share it, so a reload rebuilds them as one undo entry. */
  gesture?: string;
}

/**
 * A line of work kept for the dashboard, not for replay: journal lines a snapshot folded away, and lines of other
 * browsers' journals that came in with their bundles. Keyed by `workLineId`, so a line that arrives twice is one.
 */
export interface WorkLogEntry extends WorkLine {
  id: string;
  sceneId: string;
  /** Its place among the lines it came with: lines of one millisecond keep their order (an undo, then a redo). */
  order: number;
}

/** The labels of a scene folded up to and including journal entry `seq`. */
export interface LabelSnapshot {
  sceneId: string;
  seq: number;
  records: LabelRecord[];
}

/**
 * Where a scene's input files live, so it can be reopened: generated (demo), copied into this browser's
 * private file system (a dropped folder), a remembered directory handle, or URLs beside a manifest. Since v6,
 * `importedAt` (ms since epoch) says when its files were last brought in, for the scenes list; a scene stored
 * before v6 has it only where its import left a trace (the journal entry of the labels found beside the data).
 */
export type SceneOrigin = (
  | { sceneId: string; kind: 'demo'; seed: number }
  | { sceneId: string; kind: 'opfs'; name: string; paths: string[] }
  | { sceneId: string; kind: 'directory'; handle: FileSystemDirectoryHandle }
  | { sceneId: string; kind: 'url'; manifestUrl: string; paths: string[] }
) & { importedAt?: number };

/** An ontology the user loaded from a JSON file, kept until replaced by a file with the same id. */
export interface StoredOntology {
  id: string;
  ontology: Ontology;
  /** The file it was read from, to say where it came from. */
  fileName: string;
  /** ms since epoch. */
  storedAt: number;
}

export type FrustumDb = Dexie & {
  origins: EntityTable<SceneOrigin, 'sceneId'>;
  scenes: EntityTable<Scene, 'id'>;
  frames: EntityTable<CachedFrame, 'key'>;
  frameUse: EntityTable<FrameUse, 'key'>;
  journal: EntityTable<JournalEntry, 'seq'>;
  snapshots: EntityTable<LabelSnapshot, 'sceneId'>;
  ontologies: EntityTable<StoredOntology, 'id'>;
  labelVersions: EntityTable<LabelVersion, 'id'>;
  exports: EntityTable<ExportRecord, 'id'>;
  /** Keyed by `[sceneId, id]`: ids are findings' ids, unique within a scene only. */
  issues: Dexie.Table<ReviewIssue, [string, string]>;
  workLog: EntityTable<WorkLogEntry, 'id'>;
};

/**
 * Opens (and creates or migrates) the database. v1: scenes, frames, journal, snapshots. v2: scene origins.
 * v3: frame use times apart from the frames (frames cached before it are simply the first to be evicted).
 * v4: the user's own ontologies (scenes keep naming theirs by `ontologyId`, so nothing needs migrating).
 * v5: label versions and the record of each export (new stores: older scenes simply have none yet).
 * v6: when each scene's files were brought in (`SceneOrigin.importedAt`), dated from its first journal entry
 * where that entry is the import of its labels (written in the same minute as the import).
 * v7: cached sweeps may be interleaved records (`CachedPoints`); every frame cached before is dropped (a cache,
 * not the user's work), so no reader ever takes an older record for the new shape or the new for the old.
 * v8: review issues (`issues`; so far the automatic checks' findings, kept per scene): a new store, so older
 * scenes simply have none until their checks run. Dismissals are label records (journal and snapshots).
 * v9: the work log (`workLog`): a new store, so the dashboard of an older scene counts the journal it still has.
 * Verdicts, issues and rounds are label records, and authorship optional fields of them: nothing to migrate.
 * v10: a pre-label box may be `confirmed`, a manual box may name the engine it was edited `from`: optional fields
 * of label records, so records stored before read as pending pre-labels and plain manual boxes, as they were. The
 * version is raised (no store changes) so that a database holding the new fields is never opened by an older
 * Frustum, which would drop them on its next snapshot.
 */
export function openDb(name = 'frustum'): FrustumDb {
  const db = new Dexie(name) as FrustumDb;
  db.version(1).stores({
    scenes: 'id',
    frames: 'key, sceneId, lastUsed',
    journal: '++seq, [sceneId+seq]',
    snapshots: 'sceneId',
  });
  // v2 adds where each scene's files come from; the only scene v1 could hold was the generated demo.
  db.version(2)
    .stores({ origins: 'sceneId' })
    .upgrade(async (tx) => {
      await tx.table('scenes').each((scene: Scene) => {
        if (scene.source.kind === 'demo')
          void tx.table('origins').put({ sceneId: scene.id, kind: 'demo', seed: scene.source.seed });
      });
    });
  db.version(3).stores({ frameUse: 'key, lastUsed' });
  db.version(4).stores({ ontologies: 'id' });
  db.version(5).stores({ labelVersions: 'id, [sceneId+time]', exports: 'id, [sceneId+time]' });
  db.version(6)
    .stores({})
    .upgrade(async (tx) => {
      const origins = (await tx.table('origins').toArray()) as SceneOrigin[];
      for (const origin of origins) {
        if (origin.kind === 'demo' || origin.importedAt !== undefined) continue;
        const first = (await tx
          .table('journal')
          .where('[sceneId+seq]')
          .between([origin.sceneId, Dexie.minKey], [origin.sceneId, Dexie.maxKey])
          .first()) as JournalEntry | undefined;
        if (first?.name === 'importLabels') await tx.table('origins').put({ ...origin, importedAt: first.time });
      }
    });
  db.version(7)
    .stores({})
    .upgrade(async (tx) => {
      await tx.table('frames').clear();
      await tx.table('frameUse').clear();
    });
  db.version(8).stores({ issues: '[sceneId+id], sceneId' });
  db.version(9).stores({ workLog: 'id, sceneId' });
  db.version(10).stores({});
  return db;
}
