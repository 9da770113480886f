import type { Frame } from '../core/model/scene';
import type { Mat4 } from '../core/math/mat4';
import type { PointCloud } from '../core/model/point-cloud';
import { createTracker } from '../core/prelabel/track';
import { frameDetections } from '../core/prelabel/prelabel-frames';
import type { Detection, PrelabelTrack } from '../core/prelabel/types';
import type { Track } from '../core/model/labels';
import { nextTrackNumber } from '../core/model/track-names';

/** Runs the detector on one sweep elsewhere (the decode workers, wired in `app/`): a copy it may keep. */
export type DetectSweep = (sweep: PointCloud, egoFromLidar: Mat4, classes: readonly string[]) => Promise<Detection[]>;

export interface DetectInOrder {
  frames: readonly Pick<Frame, 'timestampUs' | 'worldFromEgo'>[];
  /** A copy of frame i's sweep, for the detector to own. */
  sweep: (index: number) => Promise<PointCloud>;
  detect: DetectSweep;
  egoFromLidar: Mat4;
  classes: readonly string[];
  /** Sweeps in flight at once (the workers). */
  parallel: number;
  signal: AbortSignal;
  onProgress: (framesDone: number, tracksSoFar: number) => void;
}

/**
 * Detects on every frame, `parallel` sweeps at a time, and hands the detections to the tracker in frame order as
 * they complete (a frame that finishes early waits for the ones before it). The first failure stops every lane:
 * no further sweep is read or sent.
 */
export async function detectInOrder(run: DetectInOrder): Promise<PrelabelTrack[]> {
  const { frames, classes, signal } = run;
  const tracker = createTracker();
  const found: (Detection[] | undefined)[] = [];
  let next = 0;
  const stop = new AbortController();
  const stopped = () => signal.aborted || stop.signal.aborted;
  const detectFrame = async (i: number) => {
    const sweep = await run.sweep(i);
    if (stopped()) return;
    found[i] = await run.detect(sweep, run.egoFromLidar, classes);
    while (!stopped() && found[next]) {
      const frame = frames[next]!;
      tracker.push(frameDetections({ frameIndex: next, time: frame.timestampUs / 1e6, worldFromEgo: frame.worldFromEgo }, found[next]!, classes)); // prettier-ignore
      found[next++] = undefined;
      run.onProgress(next, tracker.tracksSoFar());
    }
  };
  let launched = 0;
  const lane = async () => {
    while (launched < frames.length && !stopped()) await detectFrame(launched++);
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, run.parallel) }, lane));
  } catch (error) {
    stop.abort();
    throw error;
  }
  signal.throwIfAborted();
  return tracker.finish();
}

/** The number each class's first new track takes: one above the highest its existing tracks show. */
export function trackNumbersFrom(
  existing: readonly Track[],
  added: readonly Pick<PrelabelTrack, 'classId'>[],
): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const { classId } of added) if (!numbers.has(classId)) numbers.set(classId, nextTrackNumber(existing, classId));
  return numbers;
}
