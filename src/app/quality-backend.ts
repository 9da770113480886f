import { proxy } from 'comlink';
import type { WorkerPool } from '../decode/worker-pool';
import type { ChecksBackend } from '../state/checks.svelte';
import type { CompareBackend } from '../state/compare.svelte';
import type { FrustumDb } from '../storage/db';
import { listIssues, recordFindings } from '../storage/issue-repository';
import type { QualityWorkerApi } from '../../workers/quality.worker';

/**
 * The automatic checks in a worker of their own, their findings kept in IndexedDB. The labels go to the worker
 * by structured clone (a few ms for tens of thousands of boxes); the sweep index of the frame on screen too, as
 * the app keeps using its own.
 */
export function createChecksBackend(db: FrustumDb, pool: () => WorkerPool<QualityWorkerApi>): ChecksBackend {
  return {
    run: (request, onProgress) => pool().run((remote) => remote.lint(request, proxy(onProgress))),
    record: (sceneId, findings, covered) => recordFindings(db, sceneId, findings, covered, Date.now()),
    list: (sceneId) => listIssues(db, sceneId),
  };
}

/** Label-set comparison in the same worker: the reference and the current labels go over by structured clone. */
export function createCompareBackend(pool: () => WorkerPool<QualityWorkerApi>): CompareBackend {
  return { compare: (reference, current) => pool().run((remote) => remote.compare(reference, current)) };
}
