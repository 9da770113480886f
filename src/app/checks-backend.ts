import { proxy } from 'comlink';
import type { WorkerPool } from '../decode/worker-pool';
import type { ChecksBackend } from '../state/checks.svelte';
import type { FrustumDb } from '../storage/db';
import { listIssues, recordFindings } from '../storage/issue-repository';
import type { LintWorkerApi } from '../../workers/lint.worker';

/**
 * The automatic checks in a worker of their own, their findings kept in IndexedDB. The labels go to the worker
 * by structured clone (a few ms for tens of thousands of boxes); the sweep index of the frame on screen too, as
 * the app keeps using its own.
 */
export function createChecksBackend(db: FrustumDb, pool: () => WorkerPool<LintWorkerApi>): ChecksBackend {
  return {
    run: (request, onProgress) => pool().run((remote) => remote.run(request, proxy(onProgress))),
    record: (sceneId, findings, covered) => recordFindings(db, sceneId, findings, covered, Date.now()),
    list: (sceneId) => listIssues(db, sceneId),
  };
}
