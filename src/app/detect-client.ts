import { transfer } from 'comlink';
import type { WorkerPool } from '../decode/worker-pool';
import type { DecodeWorkerApi } from '../../workers/decode.worker';
import type { DetectSweep } from '../state/prelabel.svelte';

/**
 * Pre-labelling's detector on the decode workers: each sweep (a copy the state made) goes to the least busy
 * worker by transfer, its detections come back; as many sweeps run at once as there are workers.
 */
export function createDetectClient(pool: () => WorkerPool<DecodeWorkerApi>): {
  detect: DetectSweep;
  workers: () => number;
} {
  return {
    detect: (sweep, egoFromLidar, classes) =>
      pool().run((remote) =>
        remote.detect(transfer(sweep, [sweep.positions.buffer as ArrayBuffer]), [...egoFromLidar], [...classes]),
      ),
    workers: () => pool().size,
  };
}
