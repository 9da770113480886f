import type { FrustumDb, SceneOrigin } from '../storage/db';
import type { FrameCache } from '../storage/frame-cache';
import { LabelRepository } from '../storage/label-repository';
import { claimScene, type SceneClaim } from '../storage/scene-lock';
import { copyToOpfs, openOpfsFiles } from '../storage/opfs-files';
import { findOntology, listStoredOntologies, setSceneOntology, storeOntology } from '../storage/ontology-repository';
import { createDirectoryFiles, createUrlFiles } from '../decode/browser-files';
import type { WorkerPool } from '../decode/worker-pool';
import { LabelsState } from '../state/labels.svelte';
import { SessionState } from '../state/session.svelte';
import type { LibraryBackend, SceneSummary } from '../state/library.svelte';
import { generalDriving } from '../core/model/default-ontology';
import { importScene } from '../formats/scene/import-scene';
import type { SceneFiles } from '../formats/scene/scene-files';
import type { LoadedFrame } from '../state/frame-provider';
import type { Scene } from '../core/model/scene';
import { FrameWindow, revokeFrameUrls } from './frame-window';
import { fetchDemoFrame } from './demo-frames';
import { fetchFileFrame, releaseFileFrame } from './file-frames';
import type { DemoWorkerApi } from '../../workers/demo.worker';
import type { DecodeWorkerApi } from '../../workers/decode.worker';
import type { SweepIndexWorkerApi } from '../../workers/sweep-index.worker';
import type { DisplayState } from '../state/display.svelte';
import { createSweepIndexClient } from './sweep-index-client';
import { createExportBackend } from './export-backend';
import { LOCAL_AUTHOR } from '../core/model/local-author';
import { importBundle } from './bundle-import';

export interface Services {
  db: FrustumDb;
  cache: FrameCache;
  demoPool: () => WorkerPool<DemoWorkerApi>;
  decodePool: () => WorkerPool<DecodeWorkerApi>;
  /** Builds each sweep's ground and grid index off the main thread. */
  sweepIndexPool: () => WorkerPool<SweepIndexWorkerApi>;
  /** The display settings every open scene shares. */
  display: DisplayState;
}

/** The files of every frame: what a dropped folder must keep for the scene to reopen. */
function framePaths(scene: Scene): string[] {
  return [...new Set(scene.frames.flatMap((f) => [...f.lidar, ...f.cameras].map((s) => s.uri)))];
}

export async function filesOf(origin: SceneOrigin, scene: Scene): Promise<SceneFiles | undefined> {
  switch (origin.kind) {
    case 'demo':
      return undefined;
    case 'opfs':
      return openOpfsFiles(scene.id, origin.name, origin.paths);
    case 'directory':
      return createDirectoryFiles(origin.handle);
    case 'url':
      return createUrlFiles(origin.manifestUrl, origin.paths);
  }
}

/** Storage, workers and importers behind the scene library. */
export function createLibraryBackend(services: Services): LibraryBackend {
  const { db, cache } = services;
  let claim: SceneClaim | undefined;

  return {
    async listScenes(): Promise<SceneSummary[]> {
      const [scenes, origins] = await Promise.all([db.scenes.toArray(), db.origins.toArray()]);
      const kinds = new Map(origins.map((o) => [o.sceneId, o.kind]));
      return scenes
        .filter((s) => kinds.has(s.id))
        .map((s) => ({ id: s.id, name: s.name, kind: kinds.get(s.id)!, frames: s.frames.length }));
    },

    async openScene(id) {
      const [scene, origin] = await Promise.all([db.scenes.get(id), db.origins.get(id)]);
      if (!scene || !origin) throw new Error(`scene ${id} is not in this browser`);
      const files = await filesOf(origin, scene);
      const fetchFrame =
        origin.kind === 'demo'
          ? (i: number) => fetchDemoFrame(scene, origin.seed, services.demoPool(), cache, i)
          : (i: number) => fetchFileFrame(scene, files!, services.decodePool(), cache, i);
      // A file scene's clouds go back to the decode workers' buffer pool when they leave the window.
      const release =
        origin.kind === 'demo' ? revokeFrameUrls : (f: LoadedFrame) => releaseFileFrame(f, services.decodePool());
      const repository = new LabelRepository(db, scene.id);
      const loaded = await repository.load();
      const labels = new LabelsState(loaded, repository, LOCAL_AUTHOR, scene.frames);
      claim?.release();
      claim = await claimScene(scene.id, () => void labels.becomeWritable());
      labels.readOnly = !claim.held;
      // An ontology since deleted or from another browser falls back to the default; the boxes keep their classes.
      const ontology = (await findOntology(db, scene.ontologyId)) ?? generalDriving;
      return new SessionState(scene, ontology, labels, new FrameWindow(scene.frames.length, fetchFrame, release), {
        display: services.display,
        buildSweepIndex: createSweepIndexClient(services.sweepIndexPool),
      });
    },

    async importFolder(files, keep, progress, signal, labelsAs) {
      const imported = await importScene(files, {
        labelsAs,
        signal,
        onProgress: (done, total) => progress('reading', done, total),
      });
      const { scene } = imported;
      signal.throwIfAborted();
      let origin: SceneOrigin;
      if (keep.kind === 'opfs') {
        const paths = framePaths(scene);
        await copyToOpfs(scene.id, files, paths, (done, total) => progress('copying', done, total), signal);
        origin = { sceneId: scene.id, kind: 'opfs', name: files.name, paths };
      } else if (keep.kind === 'directory') {
        origin = { sceneId: scene.id, kind: 'directory', handle: keep.handle };
      } else {
        origin = { sceneId: scene.id, kind: 'url', manifestUrl: keep.manifestUrl, paths: [...files.list()] };
      }
      progress('labels', 0, 1);
      // The scene id follows the folder's listing, not its bytes: whatever was decoded before may be stale.
      await db.transaction('rw', db.scenes, db.origins, async () => {
        // Importing a folder again keeps the ontology the user chose for its scene.
        const ontologyId = (await db.scenes.get(scene.id))?.ontologyId ?? scene.ontologyId;
        await db.scenes.put({ ...scene, ontologyId });
        await db.origins.put(origin);
      });
      await cache.dropScene(scene.id);
      // Labels found beside the data arrive as one journal entry, once: re-importing the same folder keeps
      // whatever the user has done since.
      const repository = new LabelRepository(db, scene.id);
      if ((await repository.load()).doc.size === 0 && imported.cuboids.length > 0) {
        await repository.append(
          'importLabels',
          { added: [...imported.tracks, ...imported.cuboids], updated: [], removed: [] },
          'import',
        );
      }
      progress('labels', 1, 1);
      return { sceneId: scene.id, problems: imported.problems };
    },

    exports: createExportBackend(db, filesOf),

    importBundle: (bytes, fileName, confirmReplace) => importBundle(services, bytes, fileName, confirmReplace),

    async listOntologies() {
      return listStoredOntologies(db);
    },

    async storeOntology(ontology, fileName) {
      await storeOntology(db, ontology, fileName);
    },

    setSceneOntology: (sceneId, ontologyId) => setSceneOntology(db, sceneId, ontologyId),

    async requestAccess(id) {
      const origin = await db.origins.get(id);
      if (origin?.kind !== 'directory') return true;
      const handle = origin.handle as FileSystemDirectoryHandle & {
        queryPermission?(d: { mode: string }): Promise<PermissionState>;
        requestPermission?(d: { mode: string }): Promise<PermissionState>;
      };
      if ((await handle.queryPermission?.({ mode: 'read' })) === 'granted') return true;
      return (await handle.requestPermission?.({ mode: 'read' })) === 'granted';
    },
  };
}
