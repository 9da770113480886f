import { transfer, wrap } from 'comlink';
import { WorkerPool } from '../../../src/decode/worker-pool';
import {
  attributeStride,
  pointCloudBuffers,
  positionStride,
  type PointCloud,
} from '../../../src/core/model/point-cloud';
import { readPcd } from '../../../src/formats/pointcloud/read-pcd';
import type { DecodeWorkerApi } from '../../../workers/decode.worker';
import { encodePcdBinary } from '../../inputs/encode-point-files';
import { makeLidarSweep } from '../../inputs/make-lidar-sweep';
import type { HandoffWorkerApi } from './handoff.worker';
import { sample, samplePair, type PageSamples } from './sample';

/** What node reads back from `bench.handoff`. */
export interface HandoffResult {
  frameBytes: number;
  empty: PageSamples;
  transferred: PageSamples;
  cloned: PageSamples;
}

export interface DecodeWorkerResult {
  fileBytes: number;
  worker: PageSamples;
  mainThread: PageSamples;
  emptyRoundTrip: PageSamples;
}

/** Every point's values there, read at the cloud's strides (the decode worker hands over records as read). */
function checkFrame(frame: PointCloud, points: number): void {
  const intensity = frame.attributes['intensity'];
  if (
    frame.count !== points ||
    frame.positions.length < (points - 1) * positionStride(frame) + 3 ||
    intensity === undefined ||
    intensity.length < (points - 1) * attributeStride(frame) + 1
  ) {
    throw new Error('the frame did not arrive whole');
  }
}

/**
 * A 16 MB frame from a worker by transfer, through the app's `WorkerPool`, interleaved with an empty comlink
 * call to the same worker; then the same frame structured-cloned.
 */
async function handoff(points: number, samples: number): Promise<HandoffResult> {
  const worker = new Worker(new URL('./handoff.worker.ts', import.meta.url), { type: 'module' });
  const pool = new WorkerPool<HandoffWorkerApi>(() => worker, 1);
  const remote = wrap<HandoffWorkerApi>(worker);
  try {
    const frameBytes = await remote.make(points);
    let held: PointCloud | undefined;
    const giveBack = async (): Promise<void> => {
      if (!held) return;
      const frame = held;
      held = undefined;
      await remote.giveBack(transfer(frame, pointCloudBuffers(frame)));
    };
    // Interleaved call by call, so that both see the same machine; the buffers go back before each take, untimed.
    const [empty, transferred] = await samplePair(
      () => remote.ping(),
      async () => {
        held = await pool.run((r) => r.take());
        return held;
      },
      { samples, before: (which) => (which === 1 ? giveBack() : undefined) },
    );
    await giveBack();
    checkFrame((held = await pool.run((r) => r.take())), points);
    await giveBack();
    const cloned = await sample(() => pool.run((r) => r.takeCloned()), { samples });
    return { frameBytes, empty, transferred, cloned };
  } finally {
    pool.dispose();
  }
}

/**
 * The app's decode worker (workers/decode.worker.ts through `WorkerPool`, as src/app/file-frames.ts calls it):
 * a PCD binary file in by transfer, the cloud out by transfer; against `readPcd` of the same bytes on the main
 * thread, and an empty round trip to the same kind of worker (comlink's `releaseProxy`-free `ping` is not in the
 * decode API, so the empty call is timed on the hand-off worker).
 */
async function decodeWorker(points: number, samples: number): Promise<DecodeWorkerResult> {
  const file = encodePcdBinary(makeLidarSweep(points));
  const pool = new WorkerPool<DecodeWorkerApi>(
    () => new Worker(new URL('../../../workers/decode.worker.ts', import.meta.url), { type: 'module' }),
    1,
  );
  const pingWorker = new Worker(new URL('./handoff.worker.ts', import.meta.url), { type: 'module' });
  const ping = wrap<HandoffWorkerApi>(pingWorker);
  try {
    // A fresh copy of the file for each call, made untimed: the call transfers (detaches) it.
    let bytes = new ArrayBuffer(0);
    const copyFile = (): void => {
      bytes = file.slice().buffer;
    };
    const worker = await sample(
      async () => {
        const cloud = await pool.run((r) => r.decode(transfer(bytes, [bytes]), 'bench.pcd'));
        checkFrame(cloud, points);
        return cloud;
      },
      { samples, before: copyFile },
    );
    const mainThread = await sample(() => readPcd(file, 'bench.pcd'), { samples });
    const emptyRoundTrip = await sample(() => ping.ping(), { samples });
    return { fileBytes: file.length, worker, mainThread, emptyRoundTrip };
  } finally {
    pool.dispose();
    pingWorker.terminate();
  }
}

const api = { handoff, decodeWorker, isolated: () => crossOriginIsolated };
export type WorkerPageApi = typeof api;
(window as unknown as { bench: WorkerPageApi }).bench = api;
