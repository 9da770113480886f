import { expose, transfer } from 'comlink';
import { buildSweepIndex, sweepIndexBuffers, type SweepIndex, type SweepPositions } from '../src/core/fit/index';
import type { Mat4 } from '../src/core/math/mat4';

/**
 * Builds a sweep's ground model and grid index off the main thread, as soon as the frame lands: the positions
 * come in transferred (a copy the app made for the purpose), the index goes out transferred.
 */
const api = {
  build(sweep: SweepPositions, egoFromLidar: Mat4): SweepIndex {
    const built = buildSweepIndex(sweep, egoFromLidar);
    return transfer(built, sweepIndexBuffers(built));
  },
};

export type SweepIndexWorkerApi = typeof api;
expose(api);
