import type { Mat4 } from '../math/mat4';
import { positionStride, type PointCloud } from '../model/point-cloud';

/**
 * Ground height (ego z, metres) near an ego-frame (x, y): a low percentile of the z of the points within
 * `radius` metres, so that a box placed there stands on the ground whatever the sensor's mounting height.
 * Undefined when fewer than `minPoints` points are near. One pass, no per-point allocation.
 */
export function estimateGroundZ(
  cloud: PointCloud,
  egoFromLidar: Mat4,
  x: number,
  y: number,
  radius = 3,
  minPoints = 8,
): number | undefined {
  const p = cloud.positions;
  const s = positionStride(cloud);
  const m = egoFromLidar;
  const r2 = radius * radius;
  const zs: number[] = [];
  for (let i = 0, j = 0; i < cloud.count; i++, j += s) {
    const px = p[j]!,
      py = p[j + 1]!,
      pz = p[j + 2]!;
    const ex = m[0]! * px + m[1]! * py + m[2]! * pz + m[3]!;
    const ey = m[4]! * px + m[5]! * py + m[6]! * pz + m[7]!;
    const dx = ex - x,
      dy = ey - y;
    if (dx * dx + dy * dy > r2) continue;
    zs.push(m[8]! * px + m[9]! * py + m[10]! * pz + m[11]!);
  }
  if (zs.length < minPoints) return undefined;
  zs.sort((a, b) => a - b);
  return zs[Math.floor(zs.length * 0.1)];
}
