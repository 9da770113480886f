import { translationOf, transformPoint } from '../math/mat4';
import type { Cuboid } from '../model/labels';
import { egoFromEgos, type FrameTiming } from './frame-motion';

/** A polyline in the ego frame of the frame shown, metres: x y z per vertex. */
export type Path = number[];

/**
 * Where the vehicle was on every frame, seen from frame `at`'s ego: the ego origin of each frame carried through
 * the poses. Empty where the scene has no poses (there is no world to draw a path in).
 */
export function egoPath(frames: readonly FrameTiming[], at: number): Path {
  const fromFrame = egoFromEgos(frames, at);
  const path: Path = [];
  for (let i = 0; i < frames.length; i++) {
    const m = fromFrame(i);
    if (!m) return [];
    path.push(...translationOf(m));
  }
  return path;
}

/**
 * A track's path seen from frame `at`'s ego: its stored boxes' centres carried through the poses, in frame order.
 * Joining them with straight lines is exact: interpolated boxes run straight between them in the world, and the
 * world is one rigid transform away from any ego frame. In ego coordinates where the scene has no poses.
 */
export function trackPath(boxes: readonly Cuboid[], frames: readonly FrameTiming[], at: number): Path {
  const fromFrame = egoFromEgos(frames, at);
  const path: Path = [];
  for (const c of boxes) {
    const m = fromFrame(c.frameIndex);
    path.push(...(m ? transformPoint(m, c.position) : c.position));
  }
  return path;
}
