import type { Cuboid } from '../model/labels';
import type { LabelSet } from '../model/label-set';
import type { ClassedBox } from './similarity';

/** Which boxes take part, shared by every metric so that they all count the same boxes. */
export interface BoxFilter {
  /** Classes to compare (track class ids, as the files name them); all when absent. */
  classes?: readonly string[];
  /** Classes whose boxes are ignore regions (KITTI's `DontCare`): what falls in them counts neither way. */
  ignoreClasses: readonly string[];
  /** Boxes whose centre lies farther than this from the ego origin, seen from above, are left out (metres). */
  maxRange?: number;
  /** Reference boxes known to hold fewer LiDAR points than this become ignore regions. */
  minPoints?: number;
  /** A box's point count where known; by default a numeric `num_lidar_pts` or `points` attribute. */
  pointCount?: (c: Cuboid) => number | undefined;
}

/** One frame's boxes of both sets: those compared, and the ignore regions of each. */
export interface FrameBoxes {
  frame: number;
  ref: ClassedBox[];
  cand: ClassedBox[];
  refIgnore: ClassedBox[];
  candIgnore: ClassedBox[];
}

/** The attribute names datasets use for a box's LiDAR point count (nuScenes `num_lidar_pts`; ours `points`). */
export function attributePointCount(c: Cuboid): number | undefined {
  for (const key of ['num_lidar_pts', 'points']) {
    const v = c.attributes[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

/**
 * Both sets' boxes frame by frame, over every frame either set has (frame indices 0 … the last one), each box
 * with its track's class. A box of a track missing from its set keeps the class `''`.
 */
export function collectFrameBoxes(a: LabelSet, b: LabelSet, filter: BoxFilter): FrameBoxes[] {
  let last = Math.max(a.scene.frames.length, b.scene.frames.length);
  for (const c of [...a.cuboids, ...b.cuboids]) last = Math.max(last, c.frameIndex + 1);
  const frames: FrameBoxes[] = Array.from({ length: last }, (_, frame) => ({ frame, ref: [], cand: [], refIgnore: [], candIgnore: [] })); // prettier-ignore
  const points = filter.pointCount ?? attributePointCount;
  const place = (set: LabelSet, isRef: boolean) => {
    const classOf = new Map(set.tracks.map((t) => [t.id, t.classId]));
    for (const cuboid of set.cuboids) {
      const frame = frames[cuboid.frameIndex];
      if (!frame) continue;
      const box = { cuboid, classId: classOf.get(cuboid.trackId) ?? '' };
      if (filter.ignoreClasses.includes(box.classId)) {
        (isRef ? frame.refIgnore : frame.candIgnore).push(box);
        continue;
      }
      if (filter.classes && !filter.classes.includes(box.classId)) continue;
      if (filter.maxRange !== undefined && Math.hypot(cuboid.position[0], cuboid.position[1]) > filter.maxRange) continue; // prettier-ignore
      const count = isRef && filter.minPoints !== undefined ? points(cuboid) : undefined;
      if (count !== undefined && count < filter.minPoints!) frame.refIgnore.push(box);
      else (isRef ? frame.ref : frame.cand).push(box);
    }
  };
  place(a, true);
  place(b, false);
  return frames;
}
