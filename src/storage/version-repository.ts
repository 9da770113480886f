import Dexie from 'dexie';
import { canonicalJson } from '../core/model/canonical-json';
import { prelabelModelsOf, sortRecords, type LabelVersion } from '../core/model/label-version';
import type { LabelRecord } from '../core/model/labels';
import type { FrustumDb } from './db';
import { sha256Hex } from './sha256';

/** The digest a version of these records has: equal labels, in any order, give equal digests. */
export async function digestRecords(records: Iterable<LabelRecord>): Promise<string> {
  return sha256Hex(new TextEncoder().encode(canonicalJson(sortRecords(records))));
}

/** A scene's label versions, oldest first. */
export async function listVersions(db: FrustumDb, sceneId: string): Promise<LabelVersion[]> {
  return db.labelVersions.where('[sceneId+time]').between([sceneId, Dexie.minKey], [sceneId, Dexie.maxKey]).toArray();
}

export interface VersionRequest {
  sceneId: string;
  records: Iterable<LabelRecord>;
  author: string;
  message: string;
}

/**
 * Keeps the records as a new version whose parent is the scene's latest. The records are copied (by the
 * structured clone of IndexedDB), so later edits never reach a saved version.
 */
export async function saveVersion(db: FrustumDb, request: VersionRequest): Promise<LabelVersion> {
  const records = [...request.records];
  return store(db, request, records, await digestRecords(records));
}

/**
 * The version an export names: the latest one when the labels have not changed since (same digest), else a new
 * one made now with `message`. `created` says which.
 */
export async function versionForExport(
  db: FrustumDb,
  request: VersionRequest,
): Promise<{ version: LabelVersion; created: boolean }> {
  const records = [...request.records];
  const digest = await digestRecords(records);
  const latest = (await listVersions(db, request.sceneId)).at(-1);
  if (latest?.digest === digest) return { version: latest, created: false };
  return { version: await store(db, request, records, digest), created: true };
}

async function store(db: FrustumDb, request: VersionRequest, records: LabelRecord[], digest: string) {
  return db.transaction('rw', db.labelVersions, async () => {
    const latest = (await listVersions(db, request.sceneId)).at(-1);
    // Two saves in the same millisecond still order parent before child.
    const time = Math.max(Date.now(), (latest?.time ?? 0) + 1);
    const version: LabelVersion = {
      id: crypto.randomUUID(),
      sceneId: request.sceneId,
      ...(latest ? { parentId: latest.id } : {}),
      author: request.author,
      time,
      message: request.message,
      records,
      prelabelModels: prelabelModelsOf(records),
      digest,
    };
    await db.labelVersions.add(version);
    return version;
  });
}
