import { mount } from 'svelte';
import App from '../ui/App.svelte';
import { openDb } from '../storage/db';
import { FrameCache, cacheBytesFromEstimate } from '../storage/frame-cache';
import { LabelRepository } from '../storage/label-repository';
import { claimScene } from '../storage/scene-lock';
import { WorkerPool, defaultPoolSize } from '../decode/worker-pool';
import { LabelsState } from '../state/labels.svelte';
import { SessionState } from '../state/session.svelte';
import { LocaleState } from '../state/settings.svelte';
import { generalDriving } from '../core/model/default-ontology';
import { DemoFrameSource } from './demo-frame-source';
import { DEMO_SEED } from '../core/demo/index';
import { demoContentHash, demoSceneId } from '../core/demo/scene-record';
import type { DemoWorkerApi } from '../../workers/demo.worker';
import type { Scene } from '../core/model/scene';
import './global.css';

/** Wires storage, workers, state and UI together and opens the built-in demo drive. */
async function start(): Promise<void> {
  const target = document.getElementById('app')!;
  const locale = new LocaleState(localStorage, navigator.languages);
  document.documentElement.lang = locale.locale;
  target.textContent = locale.t('app.loadingScene');

  const db = openDb();
  void navigator.storage?.persist?.();
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const cache = new FrameCache(db, cacheBytesFromEstimate(estimate));
  const pool = new WorkerPool<DemoWorkerApi>(
    () => new Worker(new URL('../../workers/demo.worker.ts', import.meta.url), { type: 'module' }),
    defaultPoolSize(navigator.hardwareConcurrency),
  );

  const scene = await openDemoScene(db, pool, DEMO_SEED);
  const repository = new LabelRepository(db, scene.id);
  const loaded = await repository.load();
  const labels = new LabelsState(loaded.doc, repository, 'local');
  labels.skippedOnLoad = loaded.skipped;
  labels.readOnly = !(await claimScene(scene.id, () => void labels.becomeWritable()));
  const frames = new DemoFrameSource(scene, DEMO_SEED, pool, cache);
  const session = new SessionState(scene, generalDriving, labels, frames);

  target.textContent = '';
  mount(App, { target, props: { context: { session, locale } } });
  await session.goToFrame(0);
}

/**
 * The demo scene record: from IndexedDB when it was made by this generator, so a revisit opens without asking
 * a worker; else described by a worker, its stale cached frames dropped, and stored.
 */
async function openDemoScene(
  db: ReturnType<typeof openDb>,
  pool: WorkerPool<DemoWorkerApi>,
  seed: number,
): Promise<Scene> {
  const stored = await db.scenes.get(demoSceneId(seed));
  if (stored?.provenance.contentHash === demoContentHash(seed)) return stored;
  const scene = await pool.run((remote) => remote.describe(seed));
  await db.frames.where('sceneId').equals(scene.id).delete();
  await db.scenes.put(scene);
  return scene;
}

start().catch((error: unknown) => {
  const target = document.getElementById('app');
  if (target) target.textContent = `Frustum could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
