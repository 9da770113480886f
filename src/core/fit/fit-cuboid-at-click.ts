import type { Mat4 } from '../math/mat4';
import type { PointCloud } from '../model/point-cloud';
import type { FitOptions, FitResult } from './fit-result';
import { fitInRegion } from './fit-in-region';
import { selectNearestCluster } from './select-cluster';

/**
 * One-click cuboid: from a click at ego-frame (x, y) metres, gathers the above-ground points within the class's
 * search radius (larger for trucks), keeps the cluster nearest the click (a neighbouring car, a hedge or a wall
 * stays out) and fits a box to it: L-shape orientation, completed toward the class's size where only the near
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
    (points, clusters) => selectNearestCluster(points, clusters, click.x, click.y),
    options,
  );
}
