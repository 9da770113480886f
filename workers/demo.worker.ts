import { expose, transfer } from 'comlink';
import { createDemoDrive, renderCamera, simulateSweep, type DemoDrive } from '../src/core/demo/index';
import { pointCloudBuffers, type PointCloud } from '../src/core/model/point-cloud';
import type { Scene } from '../src/core/model/scene';

/** One demo frame as it leaves the worker: the sweep, and each camera's image encoded as JPEG. */
export interface DemoFrameResult {
  cloud: PointCloud;
  images: { cameraId: string; width: number; height: number; jpeg: ArrayBuffer }[];
}

let drive: DemoDrive | undefined;
function driveFor(seed: number): DemoDrive {
  if (drive?.scene.source.kind !== 'demo' || drive.scene.source.seed !== seed) drive = createDemoDrive(seed);
  return drive;
}

async function encodeJpeg(width: number, height: number, rgba: Uint8ClampedArray): Promise<ArrayBuffer> {
  const canvas = new OffscreenCanvas(width, height);
  const pixels = new ImageData(
    new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, rgba.length),
    width,
    height,
  );
  canvas.getContext('2d')!.putImageData(pixels, 0, 0);
  return (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer();
}

const api = {
  describe(seed: number): Scene {
    return driveFor(seed).scene;
  },

  async generate(seed: number, frameIndex: number): Promise<DemoFrameResult> {
    const d = driveFor(seed);
    const cloud = simulateSweep(d, frameIndex);
    const images = [];
    for (const camera of d.scene.cameras) {
      const { width, height, rgba } = renderCamera(d, frameIndex, camera.id);
      images.push({ cameraId: camera.id, width, height, jpeg: await encodeJpeg(width, height, rgba) });
    }
    const result: DemoFrameResult = { cloud, images };
    return transfer(result, [...pointCloudBuffers(cloud), ...images.map((i) => i.jpeg)]);
  },
};

export type DemoWorkerApi = typeof api;
expose(api);
