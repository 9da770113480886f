import type { Cuboid, Track } from '../model/labels';
import type { Vec3 } from '../math/mat4';
import { blendAngle, carryPose, fractionBetween, type FrameTiming } from './frame-motion';

/** The id a derived box goes by, and keeps when an edit makes it a keyframe (so the selection holds). */
export function derivedId(trackId: string, frameIndex: number): string {
  return `${trackId}@${frameIndex}`;
}

/** The stored boxes next to `a` and `b` on their track (before `a`, after `b`), where the track has them. */
export interface Neighbours {
  before?: Cuboid;
  after?: Cuboid;
}

/**
 * The box of a track on a frame between two of its stored boxes `a` (earlier) and `b` (later). The centre
 * follows a cubic curve through the stored boxes in world coordinates where the frames have ego poses (a
 * parked car stays put while the ego drives past), else in ego coordinates: a Hermite curve from `a` to `b`
 * whose tangents come from the stored boxes on either side (Catmull-Rom, by time), so a car on a bend or
 * braking keeps to its path; with no stored box beyond `a` or `b` that end's tangent is the chord, and with
 * none on either side the curve is the straight line, by time. Yaw, pitch and roll blend along the shorter
 * arc; the size is `a`'s for a rigid track, else blended. Dynamic attributes hold `a`'s values until `b`.
 */
export function interpolateCuboid(
  a: Cuboid,
  b: Cuboid,
  frameIndex: number,
  frames: readonly FrameTiming[],
  track: Pick<Track, 'rigid'> | undefined,
  neighbours: Neighbours = {},
): Cuboid {
  const t = fractionBetween(frames, a.frameIndex, b.frameIndex, frameIndex);
  // Every stored box seen from a's ego (a fixed world frame); the result is carried to the frame asked for.
  const end = carryPose(b, frames, a.frameIndex, b.frameIndex);
  const blended = {
    position: hermite(a, b, end.position, t, frames, neighbours),
    yaw: blendAngle(a.yaw, end.yaw, t),
  };
  const pose = carryPose(blended, frames, frameIndex, a.frameIndex);
  const size: Vec3 = track?.rigid ? [...a.size] : (a.size.map((v, i) => v + t * (b.size[i]! - v)) as unknown as Vec3);
  return {
    type: 'cuboid',
    id: derivedId(a.trackId, frameIndex),
    sceneId: a.sceneId,
    trackId: a.trackId,
    frameIndex,
    position: pose.position,
    size,
    yaw: pose.yaw,
    pitch: blendAngle(a.pitch, b.pitch, t),
    roll: blendAngle(a.roll, b.roll, t),
    attributes: { ...a.attributes },
    keyframe: false,
    source: { kind: 'interpolated' },
  };
}

/**
 * The centre at `t` (0 at `a`, 1 at `b`, time-proportional) on the cubic Hermite curve from `a` to `b`
 * (`bAt`: b's centre seen from a's ego), with Catmull-Rom tangents in units of the a–b interval: at `a`,
 * (b − before) / (1 − u_before); at `b`, (after − a) / u_after, where u is a neighbour's time in those units.
 */
function hermite(a: Cuboid, b: Cuboid, bAt: Vec3, t: number, frames: readonly FrameTiming[], n: Neighbours): Vec3 {
  const pa = a.position;
  const chord = [0, 1, 2].map((i) => bAt[i]! - pa[i]!);
  const timeOf = (c: Cuboid) => fractionBetween(frames, a.frameIndex, b.frameIndex, c.frameIndex);
  const seen = (c: Cuboid) => carryPose(c, frames, a.frameIndex, c.frameIndex).position;
  const before = n.before && timeOf(n.before) < 0 ? n.before : undefined;
  const after = n.after && timeOf(n.after) > 1 ? n.after : undefined;
  const ma = before ? slope(seen(before), bAt, 1 - timeOf(before)) : chord;
  const mb = after ? slope(pa, seen(after), timeOf(after)) : chord;
  const [t2, t3] = [t * t, t * t * t];
  const [h10, h01, h11] = [t3 - 2 * t2 + t, 3 * t2 - 2 * t3, t3 - t2];
  // h00 · a + h01 · b written as a + h01 · chord (h00 = 1 − h01), so a straight line stays exact.
  return [0, 1, 2].map((i) => pa[i]! + h01 * chord[i]! + h10 * ma[i]! + h11 * mb[i]!) as unknown as Vec3;
}

/** (to − from) / span, per axis. */
function slope(from: Vec3, to: Vec3, span: number): number[] {
  return [0, 1, 2].map((i) => (to[i]! - from[i]!) / span);
}
