import type { FrustumDb, SceneOrigin } from '../storage/db';
import type { FrameCache } from '../storage/frame-cache';
import { LabelRepository } from '../storage/label-repository';
import { copyToOpfs, pruneOpfsScene } from '../storage/opfs-files';
import type { ImportedScene } from '../formats/scene/import-scene';
import type { SceneFiles } from '../formats/scene/scene-files';
import type { Scene } from '../core/model/scene';
import type { LabelRecord } from '../core/model/labels';
import type { FolderRequest, ImportKeep, ImportPhase, SceneSummary } from '../state/library.svelte';

type Progress = (phase: ImportPhase, done: number, total: number) => void;

/** Reads a folder's scene: in the app, in a worker of its own (`decode/import-client.ts`). */
export type SceneReader = (
  files: SceneFiles,
  request: FolderRequest,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
) => Promise<ImportedScene>;

/**
 * Reads a folder's scene here, on this thread (tests, and where workers are not at hand). The importers load
 * only then: the app reads folders in a worker, and its own bundle need not carry every dataset's reader.
 */
export const readSceneHere: SceneReader = async (files, request, signal, onProgress) =>
  (await import('../formats/scene/import-scene')).importScene(files, { ...request, signal, onProgress });

/** The files of every frame: what a dropped folder must keep for the scene to reopen. */
function framePaths(scene: Scene): string[] {
  return [...new Set(scene.frames.flatMap((f) => [...f.lidar, ...f.cameras].map((s) => s.uri)))];
}

/** The layout an imported scene's id names (`<layout>-<listing hash>`, the hash in hex). */
function layoutOf(sceneId: string): string {
  return sceneId.slice(0, sceneId.lastIndexOf('-'));
}

/** What the scenes list says of a scene: its name, where its files came from and when, its frames. */
export function summarise(scene: Scene, origin: SceneOrigin): SceneSummary {
  const source =
    origin.kind === 'opfs'
      ? origin.name
      : origin.kind === 'directory'
        ? origin.handle.name
        : origin.kind === 'url'
          ? origin.manifestUrl
          : undefined;
  return {
    id: scene.id,
    name: scene.name,
    kind: origin.kind,
    frames: scene.frames.length,
    ...(source !== undefined ? { source } : {}),
    ...(origin.importedAt !== undefined ? { importedAt: origin.importedAt } : {}),
  };
}

/**
 * Reads a folder's scene, and the scenes here from the same folder: the same listing (the same id), or a
 * folder of the same name (or manifest URL) read as the same layout, and, of a folder of many scenes, the same
 * scene of it (by name).
 */
export async function readFolder(
  db: FrustumDb,
  files: SceneFiles,
  progress: Progress,
  signal: AbortSignal,
  request: FolderRequest,
  read: SceneReader = readSceneHere,
): Promise<{ imported: ImportedScene; same: SceneSummary[] }> {
  const imported = await read(files, request, signal, (done, total) => progress('reading', done, total));
  const { scene } = imported;
  const root = scene.source.kind === 'files' ? scene.source.root : undefined;
  const [scenes, origins] = await Promise.all([db.scenes.toArray(), db.origins.toArray()]);
  const originOf = new Map(origins.map((o) => [o.sceneId, o]));
  const same = scenes.filter(
    (s) =>
      originOf.has(s.id) &&
      (s.id === scene.id ||
        (s.source.kind === 'files' &&
          s.source.root === root &&
          layoutOf(s.id) === layoutOf(scene.id) &&
          (request.scene === undefined || s.name === scene.name))),
  );
  return { imported, same: same.map((s) => summarise(s, originOf.get(s.id)!)) };
}

/**
 * Stores a scene read by `readFolder`: its record and origin (dated now), its files copied in where it is
 * kept in this browser, and the labels found beside the data once (never over labels the scene has). With
 * `replace`, under that scene's id, so its labels, history, versions and exports stay with it; its cached
 * frames and the files only its old copy had go.
 */
export async function storeFolder(
  services: { db: FrustumDb; cache: FrameCache },
  imported: ImportedScene,
  files: SceneFiles,
  keep: ImportKeep,
  progress: Progress,
  signal: AbortSignal,
  replace?: string,
): Promise<{ sceneId: string }> {
  const { db, cache } = services;
  signal.throwIfAborted();
  const sceneId = replace ?? imported.scene.id;
  const scene: Scene = { ...imported.scene, id: sceneId };
  const importedAt = Date.now();
  let origin: SceneOrigin;
  const paths = framePaths(scene);
  if (keep.kind === 'opfs') {
    await copyToOpfs(sceneId, files, paths, (done, total) => progress('copying', done, total), signal);
    origin = { sceneId, kind: 'opfs', name: files.name, paths, importedAt };
  } else if (keep.kind === 'directory') {
    origin = { sceneId, kind: 'directory', handle: keep.handle, importedAt };
  } else {
    origin = { sceneId, kind: 'url', manifestUrl: keep.manifestUrl, paths: [...files.list()], importedAt };
  }
  progress('labels', 0, 1);
  await db.transaction('rw', db.scenes, db.origins, async () => {
    // Importing a folder again keeps the ontology the user chose for its scene.
    const ontologyId = (await db.scenes.get(sceneId))?.ontologyId ?? scene.ontologyId;
    await db.scenes.put({ ...scene, ontologyId });
    await db.origins.put(origin);
  });
  // The scene id follows the folder's listing, not its bytes: whatever was decoded before may be stale.
  await cache.dropScene(sceneId);
  if (replace) await pruneOpfsScene(sceneId, keep.kind === 'opfs' ? paths : []).catch(() => undefined);
  // Labels found beside the data arrive as one journal entry, once: importing the same folder again keeps
  // whatever the user has done since.
  const repository = new LabelRepository(db, sceneId);
  if ((await repository.load()).doc.size === 0 && imported.cuboids.length > 0) {
    const records: LabelRecord[] = [...imported.tracks, ...imported.cuboids].map((r) => ({ ...r, sceneId }));
    await repository.append('importLabels', { added: records, updated: [], removed: [] }, 'import');
  }
  progress('labels', 1, 1);
  return { sceneId };
}
