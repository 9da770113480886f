import { transfer } from 'comlink';
import type { WorkerPool } from '../decode/worker-pool';
import type { BuildSweepIndex } from '../state/sweep-index-cache.svelte';
import type { SweepIndexWorkerApi } from '../../workers/sweep-index.worker';
import { copyPositions } from '../core/model/point-cloud';

/**
 * Sweep indexes built in a worker. The sweep stays with the renderer and the frame window, so the worker gets a
 * copy of the array that holds its positions (`copyPositions`) by transfer, never a structured clone, and reads
 * it at its stride; the index comes back by transfer too.
 */
export function createSweepIndexClient(pool: () => WorkerPool<SweepIndexWorkerApi>): BuildSweepIndex {
  return (sweep, egoFromLidar) => {
    const copy = copyPositions(sweep);
    return pool().run((remote) => remote.build(transfer(copy, [copy.positions.buffer]), [...egoFromLidar]));
  };
}
