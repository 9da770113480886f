import type { Cuboid } from '../model/labels';

/**
 * The cuboid whose footprint contains the ego-frame point (x, y) seen from above, the smallest when several do
 * (a pedestrian beside a bus), or undefined. Metres, ego frame.
 */
export function pickCuboidAt(cuboids: readonly Cuboid[], x: number, y: number): Cuboid | undefined {
  let best: Cuboid | undefined;
  for (const c of cuboids) {
    const dx = x - c.position[0],
      dy = y - c.position[1];
    const cos = Math.cos(c.yaw),
      sin = Math.sin(c.yaw);
    const along = dx * cos + dy * sin;
    const across = -dx * sin + dy * cos;
    if (Math.abs(along) > c.size[0] / 2 || Math.abs(across) > c.size[1] / 2) continue;
    if (!best || c.size[0] * c.size[1] < best.size[0] * best.size[1]) best = c;
  }
  return best;
}
