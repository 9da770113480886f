import type { Vec3 } from '../../math/mat4';
import type { Detection } from '../types';

/**
 * One size for a rigid track: per dimension, the point-weighted median over the `frames` detections with the
 * most points (a near, unoccluded view measures the whole body; a far or partial one shrinks it). The median keeps
 * one bad fit among them from pulling the size. Vehicles have their length along x: length ≥ width.
 */
export function trackSize(detections: readonly Detection[], frames: number, lengthFirst: boolean): Vec3 {
  const best = [...detections].sort((a, b) => b.points - a.points).slice(0, Math.max(1, frames));
  const weight = (d: Detection) => Math.max(1, d.points) * d.score;
  const size = [0, 1, 2].map((axis) => weightedMedian(best.map((d) => [d.size[axis]!, weight(d)])));
  const [l, w, h] = size as [number, number, number];
  return lengthFirst && w > l ? [w, l, h] : [l, w, h];
}

function weightedMedian(pairs: [number, number][]): number {
  pairs.sort((a, b) => a[0] - b[0]);
  const total = pairs.reduce((s, p) => s + p[1], 0);
  let acc = 0;
  for (const [v, w] of pairs) {
    acc += w;
    if (acc >= total / 2) return v;
  }
  return pairs.at(-1)![0];
}
