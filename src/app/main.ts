import { mount } from 'svelte';
import { createWorkerImporter } from '../decode/import-client';
import Shell from '../ui/Shell.svelte';
import { openDb, type FrustumDb, type SceneOrigin } from '../storage/db';
import { FrameCache, cacheBytesFromEstimate } from '../storage/frame-cache';
import { WorkerPool, defaultPoolSize } from '../decode/worker-pool';
import { LibraryState } from '../state/library.svelte';
import { LocaleState } from '../state/settings.svelte';
import { PersonState } from '../state/person.svelte';
import { HotkeysState } from '../state/hotkeys.svelte';
import { DisplayState } from '../state/display.svelte';
import { LayoutState } from '../state/layout.svelte';
import { SceneViews } from '../state/scene-views';
import { DEMO_SEED } from '../core/demo/index';
import { demoContentHash, demoSceneId } from '../core/demo/scene-record';
import { createLibraryBackend, type Services } from './library-backend';
import type { DemoWorkerApi } from '../../workers/demo.worker';
import type { DecodeWorkerApi } from '../../workers/decode.worker';
import type { QualityWorkerApi } from '../../workers/quality.worker';
import type { SweepIndexWorkerApi } from '../../workers/sweep-index.worker';
import './global.css';

const LAST_SCENE_KEY = 'frustum.scene';

/** A pool created on first use: a session on a file scene never starts the demo generator, and vice versa. */
function lazyPool<Api extends object>(
  create: () => Worker,
  size = defaultPoolSize(navigator.hardwareConcurrency),
): () => WorkerPool<Api> {
  let pool: WorkerPool<Api> | undefined;
  return () => (pool ??= new WorkerPool<Api>(create, size));
}

/**
 * The demo scene record: kept when this generator made it, so a revisit opens without a worker; else
 * described by a worker, its stale cached frames dropped, and stored with its origin.
 */
async function ensureDemoScene(
  db: FrustumDb,
  cache: FrameCache,
  pool: () => WorkerPool<DemoWorkerApi>,
): Promise<string> {
  const id = demoSceneId(DEMO_SEED);
  const stored = await db.scenes.get(id);
  if (stored?.provenance.contentHash !== demoContentHash(DEMO_SEED)) {
    const scene = await pool().run((remote) => remote.describe(DEMO_SEED));
    await cache.dropScene(scene.id);
    await db.scenes.put(scene);
  }
  const origin: SceneOrigin = { sceneId: id, kind: 'demo', seed: DEMO_SEED };
  await db.origins.put(origin);
  return id;
}

/** Wires storage, workers, state and UI together and opens the last scene (the demo drive the first time). */
async function start(): Promise<void> {
  const target = document.getElementById('app')!;
  const locale = new LocaleState(localStorage, navigator.languages);
  document.documentElement.lang = locale.locale;
  target.textContent = locale.t('app.loadingScene');

  const db = openDb();
  void navigator.storage?.persist?.();
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const person = new PersonState(localStorage);
  const services: Services = {
    db,
    person,
    cache: new FrameCache(db, cacheBytesFromEstimate(estimate)),
    demoPool: lazyPool<DemoWorkerApi>(
      () => new Worker(new URL('../../workers/demo.worker.ts', import.meta.url), { type: 'module' }),
    ),
    decodePool: lazyPool<DecodeWorkerApi>(
      () => new Worker(new URL('../../workers/decode.worker.ts', import.meta.url), { type: 'module' }),
    ),
    // One frame on screen at a time needs one index at a time: a single worker.
    sweepIndexPool: lazyPool<SweepIndexWorkerApi>(
      () => new Worker(new URL('../../workers/sweep-index.worker.ts', import.meta.url), { type: 'module' }),
      1,
    ),
    // The checks run after each settled batch of edits, one run at a time: a single worker.
    qualityPool: lazyPool<QualityWorkerApi>(
      () => new Worker(new URL('../../workers/quality.worker.ts', import.meta.url), { type: 'module' }),
      1,
    ),
    display: new DisplayState(localStorage),
    importer: createWorkerImporter(
      () => new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' }),
    ),
  };
  const demoId = await ensureDemoScene(db, services.cache, services.demoPool);
  const library = new LibraryState(
    createLibraryBackend(services),
    (id) => localStorage.setItem(LAST_SCENE_KEY, id),
    new SceneViews(localStorage),
  );
  await library.refresh();
  const last = localStorage.getItem(LAST_SCENE_KEY);
  const first = library.scenes.find((s) => s.id === last && s.kind !== 'directory')?.id ?? demoId;

  target.textContent = '';
  const layout = new LayoutState(localStorage);
  mount(Shell, { target, props: { library, locale, person, hotkeys: new HotkeysState(localStorage), layout } });
  await library.open(first);
}

start().catch((error: unknown) => {
  const target = document.getElementById('app');
  if (target) target.textContent = `Frustum could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
