import type { Mat4 } from '../math/mat4';
import type { PointCloud } from '../model/point-cloud';
import type { FitOptions, FitResult } from './fit-result';
import { fitInRegion } from './fit-in-region';
import { dropOverhang, footprintOf } from './fit-cluster';
import { selectClusterAtClick } from './select-cluster';

/** A footprint covers a click that lies inside it or within this many metres of it. */
const COVER_MARGIN = 0.3;

/**
 * One-click cuboid: from a click at ego-frame (x, y) metres, gathers the above-ground points within the class's
 * search radius (larger for trucks), joins the faces of one object that the sensor saw one behind the other,
 * keeps the largest cluster whose fitted footprint covers the click, else the nearest (a neighbouring car, a
 * hedge or a wall stays out; see `selectClusterAtClick`) and fits a box to it: L-shape orientation, completed toward the class's size where only the near
 * side was seen, heading from the cues of `chooseHeading`, standing on the ground. Result in the EGO frame;
 * undefined when no object is there. Pass `options.index` and `options.ground` to reuse a sweep's index
 * (`buildGridIndex`) and ground (`estimateGround`) over many clicks; else both are built here (a few ms each).
 */
export function fitCuboidAtClick(
  cloud: PointCloud,
  egoFromLidar: Mat4,
  click: { x: number; y: number },
  options: FitOptions = {},
): FitResult | undefined {
  return fitInRegion(
    cloud,
    egoFromLidar,
    (prior) => ({ kind: 'disc', x: click.x, y: click.y, radius: prior.searchRadius }),
    (points, clusters, { sensorX, sensorY, prior, ground, tooLarge }) =>
      selectClusterAtClick(points, clusters, click.x, click.y, {
        sensorX,
        sensorY,
        tooLarge,
        covers: (cluster) => {
          const sensor = { x: sensorX, y: sensorY };
          const f = footprintOf(dropOverhang(cluster, ground, prior.defaultSize[2], sensor), ground, prior, sensor);
          const [dx, dy] = [click.x - f.x, click.y - f.y];
          const [c, s] = [Math.cos(f.axis), Math.sin(f.axis)];
          return (
            Math.abs(c * dx + s * dy) <= f.length / 2 + COVER_MARGIN &&
            Math.abs(-s * dx + c * dy) <= f.width / 2 + COVER_MARGIN
          );
        },
      }),
    options,
  );
}
