import type { Cuboid, Track } from '../model/labels';
import type { Vec3 } from '../math/mat4';
import { blendAngle, carryPose, fractionBetween, type FrameTiming } from './frame-motion';

/** The id a derived box goes by, and keeps when an edit makes it a keyframe (so the selection holds). */
export function derivedId(trackId: string, frameIndex: number): string {
  return `${trackId}@${frameIndex}`;
}

/**
 * The box of a track on a frame between two of its stored boxes `a` (earlier) and `b` (later). The position
 * is blended in world coordinates where the frames have ego poses (a parked car stays put while the ego
 * drives past), else in ego coordinates; yaw, pitch and roll along the shorter arc; the size is `a`'s for a
 * rigid track, else blended. Dynamic attributes hold `a`'s values until `b`.
 */
export function interpolateCuboid(
  a: Cuboid,
  b: Cuboid,
  frameIndex: number,
  frames: readonly FrameTiming[],
  track: Pick<Track, 'rigid'> | undefined,
): Cuboid {
  const t = fractionBetween(frames, a.frameIndex, b.frameIndex, frameIndex);
  // Both ends seen from a's ego; the blend is carried to the frame asked for at the end.
  const end = carryPose(b, frames, a.frameIndex, b.frameIndex);
  const blended = {
    position: a.position.map((v, i) => v + t * (end.position[i]! - v)) as unknown as Vec3,
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
