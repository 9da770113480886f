import { normalizeAngle } from '../../src/core/math/angle';
import { transformPoint, type Mat4, type Vec3 } from '../../src/core/math/mat4';
import type { LabelSet } from '../../src/core/model/label-set';
import type { Cuboid } from '../../src/core/model/labels';
import type { CameraSensor, Frame } from '../../src/core/model/scene';

/** The evaluation protocol: which reference boxes count, and how boxes are matched. */
export const PROTOCOL = {
  classId: 'car',
  /** Metres from the ego origin, seen from above. */
  maxRange: 50,
  /** Reference boxes with fewer LiDAR points inside become ignore regions. */
  minPoints: 10,
  /** One click is tried on reference cars with at least this many points. */
  clickMinPoints: 50,
  iouThreshold: 0.5,
  clickIouGoal: 0.7,
  /** A track whose world position moves farther than this over the sequence is moving (metres). */
  movingMetres: 1,
  /** KITTI's DontCare; the importers drop it where it has no 3D box, so it only bites where a set keeps it. */
  ignoreClasses: ['DontCare', 'dont_care'],
} as const;

/**
 * Whether an ego-frame point lies in a camera's horizontal field of view: in front of the camera and, seen
 * through its pinhole, between the image's left and right edges. KITTI labels only what the front camera sees,
 * so boxes outside it are neither misses nor false positives. Only the horizontal test: a box's centre may sit
 * below the image's bottom edge for a car close by and still be labelled.
 */
export function inCameraView(camera: Pick<CameraSensor, 'cameraFromEgo' | 'intrinsics' | 'width'>, p: Vec3): boolean {
  const [x, y, z] = transformPoint(camera.cameraFromEgo, p);
  if (!(z > 0)) return false;
  const { fx, cx, skew } = camera.intrinsics;
  const u = (fx * x + skew * y) / z + cx;
  return u >= 0 && u <= camera.width;
}

/** The set with only the boxes `keep` accepts (tracks left as they are: a track without boxes matches nothing). */
export function keepBoxes(set: LabelSet, keep: (c: Cuboid) => boolean): LabelSet {
  return { ...set, cuboids: set.cuboids.filter(keep) };
}

/** The class of each box, through its track. */
export function classOfBoxes(set: Pick<LabelSet, 'tracks'>): (c: Cuboid) => string | undefined {
  const classOf = new Map(set.tracks.map((t) => [t.id, t.classId]));
  return (c) => classOf.get(c.trackId);
}

/** Seen from above, the box centre's distance from the ego origin. */
export const rangeOf = (c: Pick<Cuboid, 'position'>): number => Math.hypot(c.position[0], c.position[1]);

/**
 * The reference boxes one click is tried on: of the class, within range, in the labelled field of view, with at
 * least `minPoints` LiDAR points inside (`points` gives each box's count).
 */
export function clickTargets(
  set: LabelSet,
  points: (c: Cuboid) => number,
  inView: (c: Cuboid) => boolean = () => true,
  minPoints: number = PROTOCOL.clickMinPoints,
): Cuboid[] {
  const classOf = classOfBoxes(set);
  return set.cuboids.filter(
    (c) => classOf(c) === PROTOCOL.classId && rangeOf(c) <= PROTOCOL.maxRange && inView(c) && points(c) >= minPoints,
  );
}

/** How a fitted heading compares with the reference's: the angle between the length axes (0…π/2), and a flip. */
export function headingDifference(yaw: number, referenceYaw: number): { axisError: number; flipped: boolean } {
  const d = Math.abs(normalizeAngle(yaw - referenceYaw));
  return { axisError: Math.min(d, Math.PI - d), flipped: d > Math.PI / 2 };
}

/**
 * The tracks that move in the world over the sequence: those whose box centre, carried into the world by each
 * frame's pose, gets farther than `metres` from where it first was. Empty where the frames have no poses (a
 * standing ego and a moving car cannot be told apart from the sweep alone).
 */
export function movingTracks(
  frames: readonly Pick<Frame, 'worldFromEgo'>[],
  cuboids: readonly Cuboid[],
  metres: number = PROTOCOL.movingMetres,
): Set<string> {
  const first = new Map<string, Vec3>();
  const moving = new Set<string>();
  const sorted = [...cuboids].sort((a, b) => a.frameIndex - b.frameIndex);
  for (const c of sorted) {
    const pose: Mat4 | undefined = frames[c.frameIndex]?.worldFromEgo;
    if (!pose) continue;
    const p = transformPoint(pose, c.position);
    const start = first.get(c.trackId);
    if (!start) first.set(c.trackId, p);
    else if (Math.hypot(p[0] - start[0], p[1] - start[1], p[2] - start[2]) > metres) moving.add(c.trackId);
  }
  return moving;
}
