import { transfer } from 'comlink';
import type { WorkerPool } from '../decode/worker-pool';
import type { BuildSweepIndex } from '../state/sweep-index-cache.svelte';
import type { SweepIndexWorkerApi } from '../../workers/sweep-index.worker';
import { withRecords } from '../core/model/point-cloud';
import type { SweepPositions } from '../core/fit/sweep-index';

/**
 * Sweep indexes built in a worker. The sweep stays with the renderer and the frame window, so the worker gets a
 * copy of the array that holds its positions (one memcpy, ~1 ms at 340k points: the interleaved records, or the
 * packed x y z) by transfer, never a structured clone, and reads it at its stride; the index comes back by
 * transfer too.
 */
export function createSweepIndexClient(pool: () => WorkerPool<SweepIndexWorkerApi>): BuildSweepIndex {
  return (sweep, egoFromLidar) => {
    const { count, bounds, interleaved } = sweep;
    const copy: SweepPositions = interleaved
      ? withRecords(
          { count, bounds, interleaved, positions: sweep.positions, attributes: {} },
          interleaved.records.slice(),
        )
      : { count, bounds, positions: sweep.positions.slice(0, count * 3) };
    return pool().run((remote) => remote.build(transfer(copy, [copy.positions.buffer]), [...egoFromLidar]));
  };
}
