import type { Scene } from '../model/scene';
import { worldFromEgoAt, type EgoMotion } from './ego-motion';
import { DEMO_CAMERA, DEMO_LIDAR } from './sensors';

/** 2026-01-01T00:00:00Z in µs since the epoch: the demo's first frame. */
export const DEMO_START_US = 1767225600000000;
/** 10 Hz: one sweep every 0.1 s. */
export const FRAME_PERIOD_US = 100000;
/** Bump when the generator's output changes, so that cached frames and labels are not mixed up. */
export const DEMO_GENERATOR_VERSION = 'demo-v2';

/** Seconds since the scene start of a frame. */
export function frameTime(frameIndex: number): number {
  return (frameIndex * FRAME_PERIOD_US) / 1e6;
}

export function demoSceneId(seed: number): string {
  return `demo-${seed}`;
}

/** Names the generator and its seed: a stored demo scene with another hash is stale and is regenerated. */
export function demoContentHash(seed: number): string {
  return `${DEMO_GENERATOR_VERSION}-${seed}`;
}

export function createDemoScene(seed: number, frameCount: number, ego: EgoMotion): Scene {
  const id = demoSceneId(seed);
  return {
    id,
    name: 'Demo drive',
    source: { kind: 'demo', seed },
    lidars: [DEMO_LIDAR],
    cameras: [DEMO_CAMERA],
    frames: Array.from({ length: frameCount }, (_, index) => {
      const timestampUs = DEMO_START_US + index * FRAME_PERIOD_US;
      return {
        index,
        timestampUs,
        worldFromEgo: worldFromEgoAt(ego, frameTime(index)),
        lidar: [{ sensorId: DEMO_LIDAR.id, timestampUs, uri: `demo:${seed}/lidar/${index}` }],
        cameras: [{ sensorId: DEMO_CAMERA.id, timestampUs, uri: `demo:${seed}/camera/front/${index}` }],
      };
    }),
    ontologyId: 'general-driving',
    provenance: { contentHash: demoContentHash(seed) },
  };
}
