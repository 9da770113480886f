import { translationOf, type Mat4 } from '../math/mat4';
import type { PointCloud } from '../model/point-cloud';
import { classPriorOf, type ClassPrior } from './class-prior';
import { countPointsInBox } from './count-points-in-box';
import { estimateGround } from './estimate-ground';
import type { GroundModel } from './ground-model';
import { fitCluster } from './fit-cluster';
import { boundingRect, fitLShape } from './fit-l-shape';
import type { FitOptions, FitResult } from './fit-result';
import { gatherPoints, type GatherRegion } from './gather-points';
import { buildGridIndex } from './grid-index';
import { labelClusters, type Clusters } from './label-clusters';
import type { PointSet } from './point-set';
import { thinPoints } from './thin-points';

/** Metres: dense near objects are thinned to one point per 10 cm cube before clustering (see `thinPoints`). */
const THIN_VOXEL = 0.1;

/** What a pick may use besides the clusters: the sensor, the class and the sweep's ground. */
export interface PickContext {
  sensorX: number;
  sensorY: number;
  prior: ClassPrior;
  ground: GroundModel;
  /** Whether a set of points holds more than one object of the class. */
  tooLarge: (points: PointSet) => boolean;
}

/** Picks the object's cluster among those found in the region; undefined when none will do. */
export type PickCluster = (points: PointSet, clusters: Clusters, context: PickContext) => PointSet | undefined;

/**
 * The steps shared by a click and a dragged rectangle: the sweep's index and ground (reused from `options`, else
 * built), the object's points in the region between the class's height limits above the ground, their clusters
 * as seen from the sensor, the one `pick` chooses, and the box fitted to it (`fitCluster`) with the count of the
 * sweep's points inside it. Ego frame throughout; the sensor sits at `egoFromLidar`'s translation.
 */
export function fitInRegion(
  cloud: PointCloud,
  egoFromLidar: Mat4,
  region: (prior: ClassPrior) => GatherRegion,
  pick: PickCluster,
  options: FitOptions,
): FitResult | undefined {
  const index = options.index ?? buildGridIndex(cloud, egoFromLidar);
  const ground = options.ground ?? estimateGround(cloud, egoFromLidar);
  const prior = classPriorOf(options.classId, options.defaultSize);
  const gathered = thinPoints(gatherPoints(index, ground, region(prior), prior.minHeight, prior.maxHeight), THIN_VOXEL);
  const [sensorX, sensorY] = translationOf(egoFromLidar);
  const tolerance = { ...prior.tolerance, sensorX, sensorY };
  const context: PickContext = {
    sensorX,
    sensorY,
    prior,
    ground,
    tooLarge: (points) => isTooLarge(points, prior),
  };
  let cluster = pick(gathered, labelClusters(gathered, tolerance), context);
  // Neighbours whose gap runs along the line of sight (parked cars seen obliquely) join at the radial
  // tolerance: while the cluster is larger than the class allows, split it with half that tolerance.
  while (cluster && isTooLarge(cluster, prior) && tolerance.radial > tolerance.tangential) {
    tolerance.radial = Math.max(tolerance.tangential, tolerance.radial / 2);
    cluster = pick(cluster, labelClusters(cluster, tolerance), context) ?? cluster;
  }
  if (!cluster) return undefined;
  const box = fitCluster(cluster, ground, prior, { x: sensorX, y: sensorY }, options.motionYaw, {
    surroundings: gathered,
  });
  return { ...box, points: countPointsInBox(index, box) };
}

/** Whether the cluster's L-shape rectangle is longer or wider than the class's maximum. */
function isTooLarge(cluster: PointSet, prior: ClassPrior): boolean {
  // Quick answer from the axis-aligned box: its diagonal bounds any rectangle's length, and its shorter side
  // any rectangle's width (a rectangle's shadow on any axis is at least its width).
  const box = boundingRect(cluster, 0);
  const [ex, ey] = [box.max1 - box.min1, box.max2 - box.min2];
  if (Math.hypot(ex, ey) <= prior.maxLength && Math.min(ex, ey) <= prior.maxWidth) return false;
  const rect = fitLShape(cluster);
  const [short, long] = [rect.max1 - rect.min1, rect.max2 - rect.min2].sort((a, b) => a - b);
  return long! > prior.maxLength || short! > prior.maxWidth;
}
