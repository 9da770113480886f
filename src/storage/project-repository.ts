import Dexie from 'dexie';
import type { ExportRecord } from '../core/model/export-record';
import type { LabelVersion } from '../core/model/label-version';
import type { LabelRecord } from '../core/model/labels';
import type { Ontology } from '../core/model/ontology';
import type { ReviewIssue } from '../core/model/review-issue';
import type { Scene } from '../core/model/scene';
import { shippedOntology } from '../core/model/shipped-ontologies';
import type { BundleJournalLine } from '../formats/bundle/frustum-bundle';
import { CodedError } from '../formats/problems/coded-error';
import type { FrustumDb, JournalEntry, SceneOrigin } from './db';
import { listExports } from './export-repository';
import { listIssues } from './issue-repository';
import { LabelRepository, readJournal, toWorkLog, workLineOf } from './label-repository';
import { findOntology } from './ontology-repository';
import { listVersions } from './version-repository';

/** Everything this browser keeps about one scene but its decoded frames: what a bundle is made of. */
export interface StoredProject {
  scene: Scene;
  ontology?: Ontology;
  /** The labels as they stand, in the order the app holds them. */
  records: LabelRecord[];
  versions: LabelVersion[];
  /** The journal lines this browser still holds, oldest first. */
  journal: BundleJournalLine[];
  exports: ExportRecord[];
  /** The review issues kept with the scene (so far the automatic checks' findings). */
  reviews: ReviewIssue[];
  /** Work no longer in the journal (folded away, or another browser's), for the dashboard; oldest first. */
  workLog: BundleJournalLine[];
}

/** Reads a scene's project. Call after the open session's writes have landed (`LabelsState.flushed`). */
export async function readProject(db: FrustumDb, sceneId: string): Promise<StoredProject> {
  const scene = await db.scenes.get(sceneId);
  if (!scene) throw new CodedError('scene.missing', `scene ${sceneId} is not in this browser`, { scene: sceneId });
  const [loaded, versions, exports, ontology, reviews, work] = await Promise.all([
    new LabelRepository(db, sceneId).load(),
    listVersions(db, sceneId),
    listExports(db, sceneId),
    findOntology(db, scene.ontologyId),
    listIssues(db, sceneId),
    db.workLog.where('sceneId').equals(sceneId).toArray(),
  ]);
  const workLog = work.sort((a, b) => a.time - b.time || a.order - b.order).map(workLineOf);
  const journal = loaded.lines.map(({ time, author, name, patch, gesture }) => ({
    time,
    author,
    name,
    patch,
    ...(gesture !== undefined ? { gesture } : {}),
  }));
  return { scene, ...(ontology ? { ontology } : {}), records: [...loaded.doc.values()], versions, journal, exports, reviews, workLog }; // prettier-ignore
}

/** True when a scene has labels, versions or exports here that replacing its project would lose. */
export async function holdsWork(db: FrustumDb, sceneId: string): Promise<boolean> {
  const range = db.journal.where('[sceneId+seq]').between([sceneId, Dexie.minKey], [sceneId, Dexie.maxKey]);
  const counts = await Promise.all([
    range.count(),
    db.snapshots.get(sceneId).then((s) => (s ? 1 : 0)),
    db.labelVersions.where('[sceneId+time]').between([sceneId, Dexie.minKey], [sceneId, Dexie.maxKey]).count(),
  ]);
  return counts.some((n) => n > 0);
}

/**
 * Stores a project in place of whatever this browser held for its scene, in one transaction: the scene and
 * its origin, the journal lines (in order, so the undo history rebuilds as it was), a snapshot of the labels at
 * the last of them (so the labels load exactly as they were, even where early lines were folded away), the
 * versions, exports and review issues, and the ontology where it is not a shipped one and not older than the one here.
 */
export async function replaceProject(db: FrustumDb, project: StoredProject, origin: SceneOrigin): Promise<void> {
  const sceneId = project.scene.id;
  const tables = [db.scenes, db.origins, db.journal, db.snapshots, db.labelVersions, db.exports, db.ontologies, db.issues, db.workLog]; // prettier-ignore
  await db.transaction('rw', tables, async () => {
    await db.journal.where('[sceneId+seq]').between([sceneId, Dexie.minKey], [sceneId, Dexie.maxKey]).delete();
    await db.labelVersions.where('[sceneId+time]').between([sceneId, Dexie.minKey], [sceneId, Dexie.maxKey]).delete(); // prettier-ignore
    await db.exports.where('[sceneId+time]').between([sceneId, Dexie.minKey], [sceneId, Dexie.maxKey]).delete();
    await db.snapshots.delete(sceneId);
    await db.issues.where('sceneId').equals(sceneId).delete();
    await db.workLog.where('sceneId').equals(sceneId).delete();
    await db.scenes.put(project.scene);
    await db.origins.put(origin);
    // Field by field: whatever else a line carries (a `seq` of the browser it came from) must not become a key.
    const entries = project.journal.map(({ time, author, name, patch, gesture }): JournalEntry => ({
      sceneId,
      time,
      author,
      name,
      patch,
      ...(gesture !== undefined ? { gesture } : {}),
    }));
    const seqs = await db.journal.bulkAdd(entries, { allKeys: true });
    await db.snapshots.put({ sceneId, seq: (seqs.at(-1) as number | undefined) ?? 0, records: project.records });
    await db.labelVersions.bulkPut(project.versions);
    await db.exports.bulkPut(project.exports);
    await db.issues.bulkPut(project.reviews.map((issue) => ({ ...issue, sceneId })));
    await db.workLog.bulkPut(project.workLog.map((line, i) => toWorkLog(sceneId, line, i)));
    const ontology = project.ontology;
    if (ontology && !shippedOntology(ontology.id)) {
      const stored = await db.ontologies.get(ontology.id);
      if (!stored || stored.ontology.version <= ontology.version) {
        await db.ontologies.put({ id: ontology.id, ontology, fileName: `${sceneId} bundle`, storedAt: Date.now() });
      }
    }
  });
}

/**
 * Adds what a bundle holds beside the labels that this browser lacks: its label versions and exports (immutable
 * records under ids of their own, so a copy already here is the same record), and its journal and work log as
 * work done elsewhere, for the dashboard (a line already here is kept once).
 */
export async function addSharedRecords(
  db: FrustumDb,
  sceneId: string,
  project: Pick<StoredProject, 'versions' | 'exports' | 'journal' | 'workLog'>,
): Promise<void> {
  await db.transaction('rw', [db.labelVersions, db.exports, db.workLog], async () => {
    const versions = await db.labelVersions.bulkGet(project.versions.map((v) => v.id));
    await db.labelVersions.bulkAdd(project.versions.filter((_, i) => !versions[i]));
    const exports = await db.exports.bulkGet(project.exports.map((e) => e.id));
    await db.exports.bulkAdd(project.exports.filter((_, i) => !exports[i]));
    // Oldest first, as the bundle's journal follows its work log: the order breaks ties of one millisecond.
    await db.workLog.bulkPut([...project.workLog, ...project.journal].map((line, i) => toWorkLog(sceneId, line, i)));
  });
}

/**
 * The records the scene's journal removed and did not add back, with the time of the removal (ms): what a
 * merge must not bring back unless the other copy changed later. Lines folded into a snapshot and dropped are
 * no longer known: a record removed before them can come back with a merge (and be removed again, undoably).
 */
export async function localRemovals(db: FrustumDb, sceneId: string): Promise<Map<string, number>> {
  const removals = new Map<string, number>();
  for (const { patch, time } of await readJournal(db, sceneId)) {
    for (const r of patch.removed) removals.set(r.id, time);
    for (const r of patch.added) removals.delete(r.id);
  }
  return removals;
}
