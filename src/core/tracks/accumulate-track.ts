import { fromPose, invertRigid, multiply, type Mat4 } from '../math/mat4';
import type { Cuboid } from '../model/labels';
import { positionStride, type PointCloud } from '../model/point-cloud';

/** What of a box the accumulation reads: its pose and size (metres, radians, its frame's ego frame). */
export type BoxFrame = Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>;

/** The points one stored box of a track contributed, already carried into the reference box's ego frame. */
export interface TrackPart {
  frameIndex: number;
  boxId: string;
  /** x y z, metres, the reference box's ego frame. */
  xyz: Float32Array;
}

/**
 * A track's points from many frames in one cloud, in the ego frame of the reference box's frame: the object's
 * points line up wherever its boxes were right. The points of sample i are `[start, start + count)`.
 */
export interface TrackCloud {
  count: number;
  /** x y z, metres, the reference box's ego frame. */
  xyz: Float32Array;
  samples: { frameIndex: number; boxId: string; start: number; count: number }[];
}

/** At most `max` of the items, evenly spread, the first and the last always among them (order kept). */
export function sampleEvenly<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (max <= 1) return items.slice(0, Math.max(0, max));
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]!);
  return out;
}

/**
 * `referenceEgoFromBoxEgo`: carries a point of `box`'s frame (its ego coordinates) to where it sits relative
 * to `reference` as it sat relative to `box`: reference egoFromBox · boxFromEgo. Two boxes of one object give
 * the transform that lines up that object's points from both frames, whatever the ego and the object did.
 */
export function boxToBox(reference: BoxFrame, box: BoxFrame): number[] {
  const egoFromReference = fromPose(reference.position, reference.yaw, reference.pitch, reference.roll);
  const boxFromEgo = invertRigid(fromPose(box.position, box.yaw, box.pitch, box.roll));
  return multiply(egoFromReference, boxFromEgo);
}

/**
 * The points of one sweep within `box` grown by `margin` metres on every side, carried into `reference`'s
 * ego frame (see `boxToBox`). Reads the cloud in place (sensor frame, `egoFromLidar` applied on the fly) and
 * returns a copy of its own, so the caller may let the cloud go at once. Two passes, count then fill: nothing
 * is allocated per point.
 */
export function carryBoxPoints(
  cloud: PointCloud,
  egoFromLidar: Mat4,
  box: BoxFrame,
  reference: BoxFrame,
  margin: number,
): Float32Array {
  const boxFromEgo = invertRigid(fromPose(box.position, box.yaw, box.pitch, box.roll));
  const b = multiply(boxFromEgo, egoFromLidar);
  const r = fromPose(reference.position, reference.yaw, reference.pitch, reference.roll);
  const hl = box.size[0] / 2 + margin,
    hw = box.size[1] / 2 + margin,
    hh = box.size[2] / 2 + margin;
  const p = cloud.positions;
  const s = positionStride(cloud);
  let out = new Float32Array(0);
  for (let pass = 0; pass < 2; pass++) {
    let k = 0;
    for (let i = 0, j = 0; i < cloud.count; i++, j += s) {
      const x = p[j]!,
        y = p[j + 1]!,
        z = p[j + 2]!;
      // Box coordinates: u along the length, v along the width, w up (metres from the centre).
      const u = b[0]! * x + b[1]! * y + b[2]! * z + b[3]!;
      if (Math.abs(u) > hl) continue;
      const v = b[4]! * x + b[5]! * y + b[6]! * z + b[7]!;
      if (Math.abs(v) > hw) continue;
      const w = b[8]! * x + b[9]! * y + b[10]! * z + b[11]!;
      if (Math.abs(w) > hh) continue;
      if (pass === 1) {
        out[3 * k] = r[0]! * u + r[1]! * v + r[2]! * w + r[3]!;
        out[3 * k + 1] = r[4]! * u + r[5]! * v + r[6]! * w + r[7]!;
        out[3 * k + 2] = r[8]! * u + r[9]! * v + r[10]! * w + r[11]!;
      }
      k++;
    }
    if (pass === 0) out = new Float32Array(3 * k);
  }
  return out;
}

/** The parts in one cloud, in the order given (one copy). */
export function joinTrackParts(parts: readonly TrackPart[]): TrackCloud {
  let total = 0;
  for (const part of parts) total += part.xyz.length / 3;
  const xyz = new Float32Array(3 * total);
  const samples: TrackCloud['samples'] = [];
  let start = 0;
  for (const { frameIndex, boxId, xyz: part } of parts) {
    xyz.set(part, 3 * start);
    const count = part.length / 3;
    samples.push({ frameIndex, boxId, start, count });
    start += count;
  }
  return { count: total, xyz, samples };
}

/** How far round a box to gather points, metres: enough to see where a face belongs, not the neighbours. */
export function gatherMargin(size: Cuboid['size']): number {
  return Math.max(1, 0.4 * Math.max(...size));
}
