import { transformPoint } from '../math/mat4';
import type { Cuboid } from '../model/labels';
import type { CameraSensor } from '../model/scene';
import { CUBOID_EDGES, cuboidCorners } from './cuboid';
import { projectCameraPoint } from './projection';

/** Pixel rectangle `[x1, y1, x2, y2]` (OpenCV pixel centres, x1 ≤ x2, y1 ≤ y2). */
export type PixelRect = [number, number, number, number];

/** Edges are cut this far in front of the camera (metres along its z) before projecting. */
const NEAR_M = 0.1;

/**
 * Where a cuboid lands in a camera image: `full`, the bounding rectangle of its projected outline (edges cut
 * at 0.1 m in front of the camera, so a box the camera stands beside still has a finite, if huge, rectangle),
 * and `clipped`, that rectangle clipped to the image [0, width − 1] × [0, height − 1] (KITTI's convention);
 * `clipped` is undefined when nothing of it falls in the image. `depth` is the centre's distance along the
 * camera's z, metres. Undefined when the whole box is behind the near plane.
 */
export function cuboidImageBounds(
  camera: CameraSensor,
  cuboid: Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>,
): { full: PixelRect; clipped: PixelRect | undefined; depth: number } | undefined {
  const corners = cuboidCorners(cuboid).map((p) => transformPoint(camera.cameraFromEgo, p));
  const points: [number, number, number][] = corners.filter((p) => p[2] >= NEAR_M);
  for (const [a, b] of CUBOID_EDGES) {
    const pa = corners[a]!,
      pb = corners[b]!;
    // An edge that crosses the near plane adds the point where it does.
    if (pa[2] >= NEAR_M !== pb[2] >= NEAR_M) {
      const t = (NEAR_M - pa[2]) / (pb[2] - pa[2]);
      points.push([pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1]), NEAR_M]);
    }
  }
  if (points.length === 0) return undefined;
  const full: PixelRect = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    const uv = projectCameraPoint(camera, p);
    if (!uv) continue;
    full[0] = Math.min(full[0], uv[0]);
    full[1] = Math.min(full[1], uv[1]);
    full[2] = Math.max(full[2], uv[0]);
    full[3] = Math.max(full[3], uv[1]);
  }
  const clipped: PixelRect = [
    Math.max(full[0], 0),
    Math.max(full[1], 0),
    Math.min(full[2], camera.width - 1),
    Math.min(full[3], camera.height - 1),
  ];
  const inside = clipped[0] <= clipped[2] && clipped[1] <= clipped[3];
  const depth = transformPoint(camera.cameraFromEgo, cuboid.position)[2];
  return { full, clipped: inside ? clipped : undefined, depth };
}

/** Area of a rectangle, pixels² (0 for an empty one). */
export function rectArea(r: PixelRect): number {
  return Math.max(0, r[2] - r[0]) * Math.max(0, r[3] - r[1]);
}
