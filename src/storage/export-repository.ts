import Dexie from 'dexie';
import type { ExportRecord } from '../core/model/export-record';
import type { FrustumDb } from './db';

/** The exports made of a scene, oldest first. */
export async function listExports(db: FrustumDb, sceneId: string): Promise<ExportRecord[]> {
  return db.exports.where('[sceneId+time]').between([sceneId, Dexie.minKey], [sceneId, Dexie.maxKey]).toArray();
}

/** Remembers one export and its lineage, so that the export list can show it later. */
export async function recordExport(db: FrustumDb, record: ExportRecord): Promise<void> {
  await db.exports.put(record);
}
