import { createRandom } from '../math/random';
import type { Scene } from '../model/scene';
import { createActors, type DemoObject } from './actors';
import { createEgoMotion, type EgoMotion } from './ego-motion';
import { packStatic, type FrameWorld } from './frame-world';
import { createDemoScene, frameTime } from './scene-record';
import { ACTOR_STREAM, hashSeed, LAYOUT_STREAM } from './seed-hash';
import { createStaticWorld } from './static-world';

/** 10 s at 10 Hz: the approach, the stop at the zebra, the turn and the way out (ego-motion.ts). */
export const DEMO_FRAME_COUNT = 100;

/**
 * A generated drive: the scene record the app stores, and the world description the simulators read. Plain
 * data; the only mutable part is a cache of per-pixel camera rays that is filled on first use.
 */
export interface DemoDrive {
  scene: Scene;
  seed: number;
  ego: EgoMotion;
  /** Road users; `objects[i].index === i` is the ground-truth object id. */
  objects: DemoObject[];
  /** The static street, packed (road frame). */
  staticWorld: FrameWorld;
  /** Per camera id: unit ray directions in the ego frame, 3 floats per pixel, row by row. */
  rayCache: Map<string, Float32Array>;
}

/** Lays out the street and its road users for `seed`. Cheap: no sweep or image is made here. */
export function createDemoDrive(seed: number): DemoDrive {
  const layout = createRandom(hashSeed(seed, LAYOUT_STREAM));
  const actorRandom = createRandom(hashSeed(seed, ACTOR_STREAM));
  const ego = createEgoMotion(8 + actorRandom()); // m/s, city speed before it brakes
  return {
    scene: createDemoScene(seed, DEMO_FRAME_COUNT, ego),
    seed,
    ego,
    objects: createActors(actorRandom),
    staticWorld: packStatic(createStaticWorld(layout)),
    rayCache: new Map(),
  };
}

/** Seconds since the scene start of a frame of this drive; throws for an index the scene does not have. */
export function frameTimeOf(drive: DemoDrive, frameIndex: number): number {
  if (!Number.isInteger(frameIndex) || frameIndex < 0 || frameIndex >= drive.scene.frames.length) {
    throw new RangeError(`Demo frame ${frameIndex} is not in 0..${drive.scene.frames.length - 1}`);
  }
  return frameTime(frameIndex);
}
