import type { Vec3 } from '../math/mat4';
import type { TrackSizeSource } from '../model/labels';
import { replacesSize } from './size-evidence';

/** A box fitted on one frame (ego frame, metres, radians) and the count of the sweep's points inside it. */
export interface FrameFit {
  position: Vec3;
  size: Vec3;
  yaw: number;
  points: number;
}

/** What a refit gives a box of a rigid track: its pose, the track's size, and where that size now comes from. */
export interface TrackRefit {
  position: Vec3;
  size: Vec3;
  yaw: number;
  sizeSource: TrackSizeSource | undefined;
  /** Whether the fit's own size became the track's. */
  sizeChanged: boolean;
}

/**
 * A refit of one box of a rigid track on frame `frameIndex`: the box always takes the fit's heading and place,
 * but the fit's size becomes the track's only where it rests on more of the object's points than the track's
 * size does (or refits the very frame that size came from); never over a size set by hand or of unknown origin.
 * Otherwise the track's size is laid on the fitted box keeping the faces the sensor saw (`keepSeenFaces`), so a
 * sparse frame moves and turns its box but never shrinks the track. Ego frame; the sensor at `sensor` (metres).
 */
export function refitInTrack(
  fit: FrameFit,
  track: { size: Vec3; sizeSource: TrackSizeSource | undefined },
  frameIndex: number,
  sensor: readonly [number, number],
): TrackRefit {
  const held = track.sizeSource;
  const sameFrame = held?.kind === 'fit' && held.frameIndex === frameIndex;
  if (sameFrame || replacesSize({ frames: 1, points: fit.points }, held)) {
    const sizeSource: TrackSizeSource = { kind: 'fit', frameIndex, points: fit.points };
    return { position: [...fit.position], size: [...fit.size], yaw: fit.yaw, sizeSource, sizeChanged: true };
  }
  const placed = keepSeenFaces(fit, track.size, sensor);
  return { ...placed, yaw: fit.yaw, sizeSource: held, sizeChanged: false };
}

/**
 * A box of `size` laid on the fitted box so that the faces the sensor saw stay where the fit put them: along the
 * length and the width the face towards the sensor is kept (both move alike when the sensor is level with the
 * box along that axis), and the bottom stays on the ground. Ego frame, metres; yaw is the fit's.
 */
export function keepSeenFaces(
  fit: Pick<FrameFit, 'position' | 'size' | 'yaw'>,
  size: Vec3,
  sensor: readonly [number, number],
): { position: Vec3; size: Vec3 } {
  const c = Math.cos(fit.yaw),
    s = Math.sin(fit.yaw);
  // The sensor in the fitted box's frame (metres along its length and width from its centre).
  const dx = sensor[0] - fit.position[0],
    dy = sensor[1] - fit.position[1];
  const along = [c * dx + s * dy, -s * dx + c * dy];
  const shift = [0, 1].map((a) => {
    const half = fit.size[a]! / 2;
    const grow = (size[a]! - fit.size[a]!) / 2;
    // The sensor beyond the +face: keep that face, the box extends away from it; and the same for the −face.
    if (along[a]! > half) return -grow;
    if (along[a]! < -half) return grow;
    return 0;
  });
  const [u, v] = shift as [number, number];
  const bottom = fit.position[2] - fit.size[2] / 2;
  return {
    position: [fit.position[0] + c * u - s * v, fit.position[1] + s * u + c * v, bottom + size[2] / 2],
    size: [...size],
  };
}
