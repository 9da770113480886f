import { identity } from '../../core/math/mat4';
import type { Cuboid } from '../../core/model/labels';
import type { CoordinateGraph } from './openlabel-cs-graph';
import { readCuboidGeometry } from './openlabel-pose';
import type { ProblemCode, ProblemValues } from '../problems/file-problem';
import type { OlCuboid } from './openlabel-types';
import { boxInEgo } from './rotation-zyx';

/**
 * One cuboid as a box in the ego frame of its frame: its geometry (`readCuboidGeometry`) carried from its
 * coordinate system `cs` by the graph on that frame, as DESIGN.md's centre, [l, w, h] and Z-Y-X angles.
 * Undefined, with the reason given to `onProblem`, for a malformed cuboid, a size not above zero (a KITTI
 * DontCare row converted by another tool has −1 sizes: it is no box), or a system not linked to the ego.
 * With no ego system in the file, cuboids are taken as given in the ego frame.
 */
export function readOlBox(
  cuboid: OlCuboid,
  cs: string | undefined,
  ego: string | undefined,
  graph: CoordinateGraph,
  frameKey: string,
  onProblem: (code: ProblemCode, message: string, values?: ProblemValues) => void,
): Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'> | undefined {
  let geometry;
  try {
    geometry = readCuboidGeometry(cuboid);
  } catch (error) {
    onProblem('openlabel.cuboid.malformed', `${(error as Error).message}: skipped`);
    return undefined;
  }
  if (!geometry.size.every((v) => v > 0)) {
    const [length, width, height] = geometry.size;
    onProblem('openlabel.cuboid.nonpositive-size', `size ${geometry.size.join(' × ')} is not above zero (no box, e.g. a KITTI DontCare region): skipped`, { length, width, height }); // prettier-ignore
    return undefined;
  }
  const egoFromCs = ego === undefined || cs === undefined ? undefined : graph.transform(ego, cs, frameKey);
  if (ego !== undefined && cs !== undefined && !egoFromCs) {
    onProblem('openlabel.cuboid.unlinked', `coordinate system "${cs}" is not linked to the ego frame "${ego}" on this frame: skipped`, { cs, ego }); // prettier-ignore
    return undefined;
  }
  return boxInEgo(egoFromCs ?? identity(), geometry.centre, geometry.rotation, geometry.size);
}
