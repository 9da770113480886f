import type { Cuboid } from '../model/labels';
import type { CameraSensor } from '../model/scene';
import { CUBOID_EDGES, cuboidCorners } from './cuboid';
import { projectEgoPoint } from './projection';

export type Segment2D = [[number, number], [number, number]];

/**
 * A cuboid's wireframe in a camera image, pixels. Edges with a corner behind the camera are left out rather
 * than drawn through infinity; `front` holds the front face's outline (+x of the box) to mark the heading.
 * Undefined when no edge is visible.
 */
export function projectCuboidWireframe(
  camera: CameraSensor,
  cuboid: Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>,
): { edges: Segment2D[]; front: [number, number][] | undefined } | undefined {
  const corners = cuboidCorners(cuboid).map((p) => projectEgoPoint(camera, p));
  const edges: Segment2D[] = [];
  for (const [a, b] of CUBOID_EDGES) {
    const pa = corners[a],
      pb = corners[b];
    if (pa && pb)
      edges.push([
        [pa[0], pa[1]],
        [pb[0], pb[1]],
      ]);
  }
  if (edges.length === 0) return undefined;
  const faceIdx = [0, 1, 5, 4];
  const face = faceIdx.map((i) => corners[i]);
  const front = face.every((p) => p !== undefined) ? face.map((p) => [p![0], p![1]] as [number, number]) : undefined;
  return { edges, front };
}
