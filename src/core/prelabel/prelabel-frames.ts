import type { Mat4 } from '../math/mat4';
import type { PointCloud } from '../model/point-cloud';
import type { SweepIndex } from '../fit';
import { createClassicDetector } from './detect';
import { createTracker, type TrackerParams } from './track';
import type { Detection, Detector, PrelabelTrack } from './types';

/** One sweep to pre-label, with where it lies in time and in the world. */
export interface PrelabelFrameInput {
  frameIndex: number;
  /** Seconds. */
  time: number;
  worldFromEgo?: Mat4;
  cloud: PointCloud;
  egoFromLidar: Mat4;
  /** Ground and grid of this sweep, when the caller has them already. */
  index?: SweepIndex;
}

/** The classes pre-labelled when the caller names none: the road users a driving ontology always has. */
export const PRELABEL_CLASSES: readonly string[] = ['car', 'truck', 'bus', 'pedestrian', 'cyclist'];

export interface PrelabelOptions {
  detector?: Detector;
  classes?: readonly string[];
  tracker?: Partial<TrackerParams>;
  /** After each frame: frames done, and the tracks the tracker holds so far. */
  onFrame?: (framesDone: number, tracksSoFar: number) => void;
  signal?: AbortSignal;
}

/** The engine that made the tracks (goes into every box's lineage) and the tracks. */
export interface PrelabelResult {
  model: string;
  version: string;
  tracks: PrelabelTrack[];
}

/** Detects objects on every frame, in frame order, and follows them across frames as tracks. */
export async function prelabelFrames(
  frames: Iterable<PrelabelFrameInput> | AsyncIterable<PrelabelFrameInput>,
  options: PrelabelOptions = {},
): Promise<PrelabelResult> {
  const detector = options.detector ?? createClassicDetector();
  const classes = options.classes ?? PRELABEL_CLASSES;
  const tracker = createTracker(options.tracker);
  let done = 0;
  for await (const frame of frames) {
    options.signal?.throwIfAborted();
    const found = await detector.detect({ cloud: frame.cloud, egoFromLidar: frame.egoFromLidar, index: frame.index, classes }); // prettier-ignore
    tracker.push(frameDetections(frame, found, classes));
    options.onFrame?.(++done, tracker.tracksSoFar());
  }
  options.signal?.throwIfAborted();
  return { model: detector.model, version: detector.version, tracks: tracker.finish() };
}

/** One frame's detections as the tracker takes them; classes not asked for are dropped here too. */
export function frameDetections(
  frame: Pick<PrelabelFrameInput, 'frameIndex' | 'time' | 'worldFromEgo'>,
  detections: readonly Detection[],
  classes: readonly string[],
) {
  return {
    frameIndex: frame.frameIndex,
    time: frame.time,
    ...(frame.worldFromEgo && { worldFromEgo: frame.worldFromEgo }),
    detections: detections.filter((d) => classes.includes(d.classId)),
  };
}
