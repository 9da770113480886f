import { transfer } from 'comlink';
import { identity } from '../../../src/core/math/mat4';
import { pointCloudBuffers, type PointCloud } from '../../../src/core/model/point-cloud';
import { WorkerPool } from '../../../src/decode/worker-pool';
import type { Viewer } from '../../../src/render/viewer';
import type { DecodeWorkerApi } from '../../../workers/decode.worker';
import { encodeKittiBin } from '../../inputs/encode-point-files';
import { makeLidarSweep } from '../../inputs/make-lidar-sweep';
import { runFrame } from './frame-loop';
import type { RawWebGl2Points } from './raw-webgl2';
import type { RawWebGpuPoints } from './raw-webgpu';
import { samplePair, type PageSamples } from './sample';

/** What the case needs of the GPU page: the Viewer and its GPU wait, and the raw anchor with its frame. */
export interface FirstFrameSetup {
  viewer: Viewer;
  syncViewer(): Promise<void>;
  raw: RawWebGpuPoints | RawWebGl2Points;
  /** One raw frame from the Viewer's resting pose (the page's camera and height ramp). */
  drawRaw(): void;
}

export interface FirstFrameResult {
  viewer: PageSamples;
  raw: PageSamples;
  fileBytes: number;
}

/**
 * File bytes to the first frame drawn, KITTI `.bin` sweeps A and B alternating. Ours, as the app does it
 * (src/app/file-frames.ts): the file's bytes copied into a buffer of their own and transferred to the app's
 * decode worker (workers/decode.worker.ts through `WorkerPool`), the cloud transferred back, `setCloud`, the
 * frame it draws, until the GPU is done. The raw anchor: a new vertex buffer with the same file bytes uploaded as
 * they are (16-byte records, x y z read at that stride), one draw, until the GPU is done. Interleaved call by
 * call. A reader that left work for later would pay it here, before the first frame. The previous cloud's
 * buffers go back to the worker untimed before each call, as the app gives a frame's back when it leaves.
 */
export async function timeFirstFrame(
  setup: FirstFrameSetup,
  points: number,
  samples: number,
): Promise<FirstFrameResult> {
  const { viewer, syncViewer, raw, drawRaw } = setup;
  const files = [1, 2].map((seed) => encodeKittiBin(makeLidarSweep(points, seed)));
  const records = files.map((f) => new Float32Array(f.buffer, f.byteOffset, f.byteLength / 4));
  const pool = new WorkerPool<DecodeWorkerApi>(
    () => new Worker(new URL('../../../workers/decode.worker.ts', import.meta.url), { type: 'module' }),
    1,
  );
  let shown: PointCloud | undefined;
  const giveBack = async (): Promise<void> => {
    if (!shown) return;
    const buffers = pointCloudBuffers(shown);
    shown = undefined;
    await pool.run((remote) => remote.recycle(transfer(buffers, buffers)));
  };
  try {
    const [ours, anchor] = await samplePair(
      async (i) => {
        const file = files[i % 2]!;
        const bytes = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
        const cloud = await pool.run((remote) => remote.decode(transfer(bytes, [bytes]), 'sweep.bin'));
        if (cloud.count !== points || !cloud.interleaved) throw new Error('first frame: not the file’s records');
        viewer.setCloud(cloud, identity());
        runFrame();
        await syncViewer();
        shown = cloud;
      },
      async (i) => {
        raw.upload(records[i % 2]!, 4);
        drawRaw();
        await raw.sync();
      },
      { samples, before: (which) => (which === 0 ? giveBack() : undefined) },
    );
    return { viewer: ours, raw: anchor, fileBytes: files[0]!.byteLength };
  } finally {
    pool.dispose();
  }
}
