import type { LabelSet } from '../../../../src/core/model/label-set';
import type { AttributeValue, Cuboid, Track } from '../../../../src/core/model/labels';
import type { Scene } from '../../../../src/core/model/scene';

/** One box of a hand-made label set: its track, class and frame, and where it is (metres, ego frame). */
export interface BoxSpec {
  track: string;
  frame: number;
  x: number;
  y?: number;
  classId?: string;
  yaw?: number;
  size?: [number, number, number];
  attributes?: Record<string, AttributeValue>;
}

/**
 * A label set of 2 m cubes (unless `size` says otherwise) on `frames` frames. Only what the agreement metrics
 * read is real: the scene is a stand-in with its frame count.
 */
export function makeLabelSet(frames: number, specs: readonly BoxSpec[]): LabelSet {
  const tracks = new Map<string, Track>();
  const cuboids: Cuboid[] = specs.map((s) => {
    if (!tracks.has(s.track)) tracks.set(s.track, { type: 'track', id: s.track, sceneId: 's', classId: s.classId ?? 'Car', attributes: {}, rigid: true }); // prettier-ignore
    return {
      type: 'cuboid',
      id: `${s.track}@${s.frame}`,
      sceneId: 's',
      trackId: s.track,
      frameIndex: s.frame,
      position: [s.x, s.y ?? 0, 0],
      size: s.size ?? [2, 2, 2],
      yaw: s.yaw ?? 0,
      pitch: 0,
      roll: 0,
      attributes: s.attributes ?? {},
      keyframe: true,
      source: { kind: 'manual' },
    };
  });
  const scene = { id: 's', frames: Array.from({ length: frames }, (_, index) => ({ index })) } as unknown as Scene;
  return { scene, tracks: [...tracks.values()], cuboids, segments: [] };
}

/** A track's boxes on the given frames, 10 m further along x each frame, at `y` (tracks 5 m apart never meet). */
export function trackAlong(
  track: string,
  frames: readonly number[],
  y: number,
  extra: Partial<BoxSpec> = {},
): BoxSpec[] {
  // prettier-ignore
  return frames.map((frame) => ({ track, frame, x: frame * 10, y, ...extra }));
}
