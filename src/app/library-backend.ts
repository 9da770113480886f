import type { FrustumDb, SceneOrigin } from '../storage/db';
import type { FrameCache } from '../storage/frame-cache';
import { LabelRepository } from '../storage/label-repository';
import { claimScene, type SceneClaim } from '../storage/scene-lock';
import { openOpfsFiles } from '../storage/opfs-files';
import { findOntology, listStoredOntologies, setSceneOntology, storeOntology } from '../storage/ontology-repository';
import { createDirectoryFiles, createUrlFiles } from '../decode/browser-files';
import { CodedError } from '../formats/problems/coded-error';
import type { WorkerPool } from '../decode/worker-pool';
import { LabelsState } from '../state/labels.svelte';
import { SessionState } from '../state/session.svelte';
import type { LibraryBackend, SceneSummary } from '../state/library.svelte';
import { generalDriving } from '../core/model/default-ontology';
import type { SceneFiles } from '../formats/scene/scene-files';
import type { LoadedFrame } from '../state/frame-provider';
import type { Scene } from '../core/model/scene';
import { FrameWindow, revokeFrameUrls } from './frame-window';
import { fetchDemoFrame } from './demo-frames';
import { fetchFileFrame, releaseFileFrame } from './file-frames';
import type { DemoWorkerApi } from '../../workers/demo.worker';
import type { DecodeWorkerApi } from '../../workers/decode.worker';
import type { SweepIndexWorkerApi } from '../../workers/sweep-index.worker';
import type { QualityWorkerApi } from '../../workers/quality.worker';
import { createChecksBackend, createCompareBackend } from './quality-backend';
import type { DisplayState } from '../state/display.svelte';
import { createSweepIndexClient } from './sweep-index-client';
import { createDetectClient } from './detect-client';
import { createExportBackend } from './export-backend';
import { LOCAL_AUTHOR } from '../core/model/local-author';
import type { PersonState } from '../state/person.svelte';
import { importBundle } from './bundle-import';
import { readWork } from '../storage/label-repository';
import { readFolder, readSceneHere, storeFolder, summarise } from './folder-import';
import type { WorkerImporter } from '../decode/import-client';

export interface Services {
  db: FrustumDb;
  cache: FrameCache;
  demoPool: () => WorkerPool<DemoWorkerApi>;
  decodePool: () => WorkerPool<DecodeWorkerApi>;
  /** Builds each sweep's ground and grid index off the main thread. */
  sweepIndexPool: () => WorkerPool<SweepIndexWorkerApi>;
  /** Runs the automatic checks over a scene's labels. */
  qualityPool: () => WorkerPool<QualityWorkerApi>;
  /** The display settings every open scene shares. */
  display: DisplayState;
  /** Who works in this browser (records say `local` where none is wired). */
  person?: PersonState;
  /** Reads folders in a worker of their own; absent (tests), on this thread. */
  importer?: WorkerImporter;
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
      const originOf = new Map(origins.map((o) => [o.sceneId, o]));
      return scenes.filter((s) => originOf.has(s.id)).map((s) => summarise(s, originOf.get(s.id)!));
    },

    async openScene(id) {
      const [scene, origin] = await Promise.all([db.scenes.get(id), db.origins.get(id)]);
      if (!scene || !origin) throw new CodedError('scene.missing', `scene ${id} is not in this browser`, { scene: id });
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
      const labels = new LabelsState(loaded, repository, () => services.person?.author ?? LOCAL_AUTHOR, scene.frames);
      claim?.release();
      claim = await claimScene(scene.id, () => void labels.becomeWritable());
      labels.readOnly = !claim.held;
      // An ontology since deleted or from another browser falls back to the default; the boxes keep their classes.
      const ontology = (await findOntology(db, scene.ontologyId)) ?? generalDriving;
      const session = new SessionState(
        scene,
        ontology,
        labels,
        new FrameWindow(scene.frames.length, fetchFrame, release),
        {
          // prettier-ignore
          display: services.display,
          buildSweepIndex: createSweepIndexClient(services.sweepIndexPool),
          checks: createChecksBackend(db, services.qualityPool),
          compare: createCompareBackend(services.qualityPool),
          // The team's defect taxonomy is the browser's, not the scene's: every scene offers the same types.
          review: { storage: globalThis.localStorage },
          dashboard: { journal: (sceneId) => readWork(db, sceneId) },
          prelabel: createDetectClient(services.decodePool),
        },
      );
      await session.checks?.load();
      return session;
    },

    readFolder: (files, progress, signal, request) =>
      readFolder(db, files, progress, signal, request, services.importer?.importScene ?? readSceneHere),

    listFolderScenes: async (files, signal) =>
      (
        await (services.importer?.listScenes(files, signal) ??
          import('../formats/scene/list-scenes').then((m) => m.listScenes(files)))
      ).scenes,

    storeFolder: (imported, files, keep, progress, signal, replace) =>
      storeFolder(services, imported, files, keep, progress, signal, replace),

    exports: createExportBackend(db, filesOf, () => services.person?.author ?? LOCAL_AUTHOR),

    importBundle: (bytes, fileName) => importBundle(services, bytes, fileName),

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
