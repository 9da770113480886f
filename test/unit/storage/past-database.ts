import Dexie from 'dexie';

/**
 * The stores each past schema version added, as the app declared them when it was that version (index =
 * version). Written out here rather than read from `src/storage/db.ts`: a migration test must open what an
 * older app really wrote, whatever db.ts says today. Versions 6 and 7 changed data, not stores.
 */
const ADDED: readonly Record<string, string>[] = [
  {},
  { scenes: 'id', frames: 'key, sceneId, lastUsed', journal: '++seq, [sceneId+seq]', snapshots: 'sceneId' },
  { origins: 'sceneId' },
  { frameUse: 'key, lastUsed' },
  { ontologies: 'id' },
  { labelVersions: 'id, [sceneId+time]', exports: 'id, [sceneId+time]' },
  {},
  {},
  { issues: '[sceneId+id], sceneId' },
  { workLog: 'id, sceneId' },
];

/** A database called `name` as the app at schema `version` declared it; close it before opening the current one. */
export function pastDatabase(name: string, version: number): Dexie {
  const db = new Dexie(name);
  db.version(version).stores(Object.assign({}, ...ADDED.slice(0, version + 1)) as Record<string, string>);
  return db;
}
