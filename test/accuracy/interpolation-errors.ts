import type { Cuboid, LabelRecord, Track } from '../../src/core/model/labels';
import type { Frame } from '../../src/core/model/scene';
import type { FrameTiming } from '../../src/core/tracks/frame-motion';
import { interpolateCuboid } from '../../src/core/tracks/interpolate';
import { TrackIndex } from '../../src/core/tracks/track-index';
import { countTrackStructure, type StructureCounts } from './reference-structure';

/** Sums of centre errors (metres) over `n` boxes, one per way of filling in the frames between keyframes. */
export interface ErrorSums {
  /** The app's interpolation: a curve through the keyframes in world coordinates (TrackIndex.cuboidsOn). */
  curve: number;
  /** A straight line between the two keyframes in world coordinates. */
  straight: number;
  /** The anchor: a straight line in the vehicle's own frame, its motion ignored. */
  anchor: number;
  n: number;
}

export interface InterpolationErrors {
  all: ErrorSums;
  /** The boxes of keyframe pairs between which the vehicle moved more than 1 m. */
  moving: ErrorSums;
  /** The boxes a person placed in the reference (not collinear with their neighbours in the vehicle frame). */
  placed: ErrorSums;
}

export const emptyErrors = (): InterpolationErrors => ({
  all: { curve: 0, straight: 0, anchor: 0, n: 0 },
  moving: { curve: 0, straight: 0, anchor: 0, n: 0 },
  placed: { curve: 0, straight: 0, anchor: 0, n: 0 },
});

/** Mean centre errors (metres) of each way, and how many boxes they are over. */
export function means(sums: ErrorSums): { curve: number; straight: number; anchor: number; boxes: number } {
  return { curve: sums.curve / sums.n, straight: sums.straight / sums.n, anchor: sums.anchor / sums.n, boxes: sums.n };
}

/**
 * Thins every track to a keyframe every `step` frames from its first box (and its last box), fills in the
 * boxes between the three ways, and adds each one's distance from the true box to `into`. `cuboids` are the
 * true boxes of `tracks` on every frame they have one; frames need ego poses for the world-frame ways. With
 * `structure`, the reference's boxes are also counted by how they lie (`countTrackStructure`), and the errors
 * at the boxes a person placed are summed apart.
 */
export function addInterpolationErrors(
  frames: readonly Frame[],
  tracks: readonly Track[],
  cuboids: readonly Cuboid[],
  into: InterpolationErrors,
  step = 10,
  structure?: StructureCounts,
): void {
  const still: FrameTiming[] = frames.map((f) => ({ timestampUs: f.timestampUs }));
  const byTrack = new Map<string, Cuboid[]>();
  for (const c of cuboids) (byTrack.get(c.trackId) ?? byTrack.set(c.trackId, []).get(c.trackId)!).push(c);
  const keyframes: Cuboid[] = [];
  for (const boxes of byTrack.values()) {
    boxes.sort((a, b) => a.frameIndex - b.frameIndex);
    const first = boxes[0]!.frameIndex;
    keyframes.push(...boxes.filter((b, i) => (b.frameIndex - first) % step === 0 || i === boxes.length - 1));
  }
  const index = new TrackIndex(new Map<string, LabelRecord>([...tracks, ...keyframes].map((r) => [r.id, r])));
  const keyIds = new Set(keyframes.map((k) => k.id));
  const gap = (p: readonly number[], q: readonly number[]) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
  for (const [trackId, boxes] of byTrack) {
    const keys = index.boxesOf(trackId);
    const placed = structure ? countTrackStructure(frames, boxes, structure) : new Set<number>();
    for (const truth of boxes) {
      if (keyIds.has(truth.id)) continue;
      const k = keys.findIndex((c) => c.frameIndex > truth.frameIndex);
      if (k <= 0) continue;
      const [a, b] = [keys[k - 1]!, keys[k]!];
      const curve = index.cuboidsOn(truth.frameIndex, frames).find((c) => c.trackId === trackId)!;
      const straight = interpolateCuboid(a, b, truth.frameIndex, frames, { rigid: true });
      const anchor = interpolateCuboid(a, b, truth.frameIndex, still, { rigid: true });
      const errors = [curve, straight, anchor].map((c) => gap(c.position, truth.position));
      const [wa, wb] = [frames[a.frameIndex]!.worldFromEgo!, frames[b.frameIndex]!.worldFromEgo!];
      const moved = Math.hypot(wa[3]! - wb[3]!, wa[7]! - wb[7]!) > 1;
      const sums = [into.all, ...(moved ? [into.moving] : []), ...(placed.has(truth.frameIndex) ? [into.placed] : [])];
      for (const s of sums) {
        s.curve += errors[0]!;
        s.straight += errors[1]!;
        s.anchor += errors[2]!;
        s.n++;
      }
    }
  }
}
