import { fromPose, invertRigid, transformPoint, type Vec3 } from '../math/mat4';
import { classPriorOf, type ClassPrior } from './class-prior';
// As a fit's completion: a side at least this fraction of the class's typical length or width is seen whole.
import { COMPLETE_LENGTH, COMPLETE_WIDTH } from './complete-footprint';
import { labelClusters } from './label-clusters';
import { selectPoints, type PointSet } from './point-set';
import { agreedExtreme, objectExtent, trimmedRange } from './track-extent';

/** One frame's points round one stored box of a track, carried into the reference box's ego frame. */
export interface TrackSizePart {
  /** x y z, metres, the reference box's ego frame (see `carryBoxPoints` in core/tracks). */
  xyz: Float32Array;
  /** Where that frame's LiDAR sat, carried the same way (metres). */
  sensor: Vec3;
}

/** The reference box: pose in its frame's ego coordinates and the track's present size (metres, radians). */
export interface ReferenceBox {
  position: Vec3;
  size: Vec3;
  yaw: number;
  pitch: number;
  roll: number;
}

/** A track's size from its accumulated points, and the evidence it rests on. */
export interface TrackSizeEstimate {
  /** [length, width, height], metres. */
  size: Vec3;
  /** Where the object's centre lies from the reference box's, metres along its length, width and height. */
  offset: Vec3;
  /** The object's points the estimate rests on, over all frames. */
  points: number;
  /** Frames that gave at least one of them. */
  frames: number;
}

/** Fewer of the object's points than this say too little to size it. */
const MIN_POINTS = 10;
/**
 * A frame with fewer of the object's points than this, or than this fraction of the densest frame's, saw too
 * little of it to vote on where its faces are (its points still count as evidence): two far frames that agree
 * must not outvote the near one that saw the whole car.
 */
const MIN_VOTE = 10;
const VOTE_FRACTION = 0.25;
/** A cluster is the object's when at least this fraction of it lies in the reference box grown by `NEAR`. */
const INSIDE_FRACTION = 0.25;
const NEAR = 0.25;

/**
 * Sizes a track from the points of its stored boxes, each frame's carried into the reference box's frame (the
 * object's points line up wherever the boxes were right). In the reference box's own axes: per frame, the points
 * between the class's height limits above the box's bottom (the ground its box stands on), clustered as seen from
 * that frame's sensor, and the clusters that lie mostly in the box kept (a neighbour, a hedge or a wall stays
 * out). Over all frames, their extent along the length and the width with a few outliers trimmed, and their top.
 * Each side follows the fit's completion rule: an extent that spans most of the class's typical size is taken as
 * seen whole; a shorter one only ever grows the box (the hidden face stays where the box has it); one beyond the
 * class's maximum holds more than the object and leaves the box as it is. The bottom stays put. Undefined when
 * fewer than 10 of the object's points were found.
 */
export function estimateTrackSize(
  parts: readonly TrackSizePart[],
  reference: ReferenceBox,
  options: { classId?: string; defaultSize?: Vec3; afresh?: boolean } = {},
): TrackSizeEstimate | undefined {
  const prior = classPriorOf(options.classId, options.defaultSize);
  const boxFromEgo = invertRigid(fromPose(reference.position, reference.yaw, reference.pitch, reference.roll));
  const kept: { object: PointSet; sensor: Vec3 }[] = [];
  for (const part of parts) {
    const sensor = transformPoint(boxFromEgo, part.sensor);
    const object = objectPoints(toBoxFrame(part.xyz, boxFromEgo, reference.size, prior), sensor, reference, prior);
    if (object.count > 0) kept.push({ object, sensor });
  }
  const points = kept.reduce((n, k) => n + k.object.count, 0);
  if (points < MIN_POINTS) return undefined;
  const [l, w, h] = reference.size;
  const [typicalLength, typicalWidth, typicalHeight] = prior.defaultSize;
  const densest = kept.reduce((n, k) => Math.max(n, k.object.count), 0);
  const floor = Math.max(MIN_VOTE, VOTE_FRACTION * densest);
  const many = kept.filter((k) => k.object.count >= floor);
  const voters = many.length ? many : kept;
  const range = (axis: 0 | 1 | 2): [number, number] => {
    const ranges = voters.map((k) => trimmedRange([k.object], axis, axis === 2 ? 'top' : 'both'));
    const weights = voters.map((k) => k.object.count);
    const lows = ranges.map((r) => r[0]),
      highs = ranges.map((r) => r[1]);
    return [agreedExtreme(lows, -1, weights), agreedExtreme(highs, 1, weights)];
  };
  // Which faces some voting frame's sensor saw: facing one, or level with the box along that side (its side
  // face then shows both ends). Seen obliquely, the far end's returns are too sparse to trust (tried: 6 sparse
  // refits then shrank a demo car by up to 0.4 m).
  const seen = (axis: 0 | 1, half: number): [boolean, boolean] => [
    voters.some((k) => k.sensor[axis] <= half),
    voters.some((k) => k.sensor[axis] >= -half),
  ];
  const lengthPrior = { typical: typicalLength, max: prior.maxLength, complete: COMPLETE_LENGTH };
  const widthPrior = { typical: typicalWidth, max: prior.maxWidth, complete: COMPLETE_WIDTH };
  const [lo0, hi0] = objectExtent(range(0), seen(0, l / 2), l, lengthPrior, options.afresh);
  const [lo1, hi1] = objectExtent(range(1), seen(1, w / 2), w, widthPrior, options.afresh);
  const bottom = -h / 2;
  const [, top] = range(2);
  // A far object may show only its upper rows: never less than half the typical height, as a fit.
  const height = Math.max(top - bottom, 0.5 * typicalHeight);
  return {
    size: [hi0 - lo0, hi1 - lo1, height],
    offset: [(lo0 + hi0) / 2, (lo1 + hi1) / 2, bottom + height / 2],
    points,
    frames: kept.length,
  };
}

/**
 * The points in the reference box's axes (metres from its centre along its length, width and height), only
 * those between the class's height limits above its bottom: road, kerbs and what hangs above stay out.
 */
function toBoxFrame(xyz: Float32Array, boxFromEgo: number[], size: Vec3, prior: ClassPrior): PointSet {
  const b = boxFromEgo;
  const low = -size[2] / 2 + prior.minHeight,
    high = -size[2] / 2 + Math.max(prior.maxHeight, size[2] + 0.3);
  const n = xyz.length / 3;
  const out = new Float32Array(xyz.length);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = xyz[3 * i]!,
      y = xyz[3 * i + 1]!,
      z = xyz[3 * i + 2]!;
    const wz = b[8]! * x + b[9]! * y + b[10]! * z + b[11]!;
    if (wz < low || wz > high) continue;
    out[3 * k] = b[0]! * x + b[1]! * y + b[2]! * z + b[3]!;
    out[3 * k + 1] = b[4]! * x + b[5]! * y + b[6]! * z + b[7]!;
    out[3 * k + 2] = wz;
    k++;
  }
  return { xyz: out, count: k };
}

/**
 * The object's points among one frame's: its clusters as that frame's sensor saw them, those lying mostly in
 * the reference box; clusters that together come out longer or wider than the class allows are split again
 * with half the radial tolerance (parked cars seen obliquely), as a fit does.
 */
function objectPoints(set: PointSet, sensor: Vec3, reference: ReferenceBox, prior: ClassPrior): PointSet {
  if (set.count === 0) return set;
  const [sensorX, sensorY] = sensor;
  const tolerance = { ...prior.tolerance, sensorX, sensorY };
  const hl = reference.size[0] / 2 + NEAR,
    hw = reference.size[1] / 2 + NEAR,
    hh = reference.size[2] / 2 + NEAR;
  let object = set;
  for (;;) {
    const clusters = labelClusters(object, tolerance);
    const inside = new Array<number>(clusters.sizes.length).fill(0);
    for (let i = 0; i < object.count; i++) {
      const [u, v, w] = [object.xyz[3 * i]!, object.xyz[3 * i + 1]!, object.xyz[3 * i + 2]!];
      if (Math.abs(u) <= hl && Math.abs(v) <= hw && Math.abs(w) <= hh) inside[clusters.labels[i]!]!++;
    }
    const keep = clusters.sizes.map((size, c) => inside[c]! > 0 && inside[c]! >= INSIDE_FRACTION * size);
    const from = object;
    object = selectPoints(from, (i) => keep[clusters.labels[i]!]!);
    if (!isTooLarge(object, prior) || tolerance.radial <= tolerance.tangential) return object;
    tolerance.radial = Math.max(tolerance.tangential, tolerance.radial / 2);
  }
}

/** Whether the points span more than the class's longest or widest footprint along the box's axes. */
function isTooLarge(set: PointSet, prior: ClassPrior): boolean {
  let [min0, max0, min1, max1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < set.count; i++) {
    const u = set.xyz[3 * i]!,
      v = set.xyz[3 * i + 1]!;
    [min0, max0, min1, max1] = [Math.min(min0, u), Math.max(max0, u), Math.min(min1, v), Math.max(max1, v)];
  }
  return max0 - min0 > prior.maxLength || max1 - min1 > prior.maxWidth;
}
