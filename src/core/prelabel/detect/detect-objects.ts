import { buildSweepIndex, countPointsInBox } from '../../fit';
import { classPriorOf } from '../../fit/class-prior';
import { fitCluster } from '../../fit/fit-cluster';
import { normalizeAngle } from '../../math/angle';
import { translationOf } from '../../math/mat4';
import type { Detection, DetectorInput } from '../types';
import { raisedPoints, type RaisedPoints } from './above-ground';
import { classifyShape } from './classify';
import { gridClusters, type GridTolerance } from './grid-clusters';
import { clusterAt, groupClusters } from './group-clusters';
import { axisAlignedExtent, measureCluster } from './measure-cluster';
import { resolveParams, type ClassicParams } from './params';

/** No class is this flat: kerbs, low walls and bushes stop here without a fit. */
const MIN_TOP = 1;
/** The shortest footprint any class has (`CLASS_SHAPES`: a pedestrian's hard lower length), metres. */
const MIN_FOOTPRINT = 0.25;
/** Cuts and splits of one cluster nest at most this deep. */
const MAX_DEPTH = 3;
/** A piece cut at `cutHeight` is an object of its own only where its points stop this far below the cut. */
const CUT_CLEARANCE = 0.2;
/** Largest car footprint seen (metres): a cluster beyond it that is no truck may hold several cars. */
const CAR_MAX_LENGTH = 6.2;
const CAR_MAX_WIDTH = 2.5;

/**
 * Finds the road users of one sweep (ego frame): the points between `minHeight` and `maxHeight` above the
 * ground within `maxRange`, clustered as the sensor saw them (`labelClusters`), each cluster classified by its
 * observed shape (`classifyShape`) and boxed by the one-click fit (`fitCluster`). A cluster that fits no class is
 * looked at again: cut at `cutHeight` when it is tall (a car under a canopy), split with half the radial
 * tolerance when it is too large (two cars side by side); what still fits nothing is dropped (walls, hedges,
 * poles, trees). Sync and pure.
 */
export function detectObjects(input: DetectorInput, overrides?: Partial<ClassicParams>): Detection[] {
  const params = resolveParams(overrides);
  const sweep = input.index ?? buildSweepIndex(input.cloud, input.egoFromLidar);
  const [sensorX, sensorY] = translationOf(input.egoFromLidar);
  const wantedIds = new Set(input.classes);
  // The general driving ontology has no bus: a truck-shaped object is a bus where only buses are wanted.
  const truckId = wantedIds.has('truck') ? 'truck' : wantedIds.has('bus') ? 'bus' : undefined;
  const raised = raisedPoints(sweep, sensorX, sensorY, params.maxRange, params.minHeight, params.maxHeight);
  const tolerance: GridTolerance = {
    cell: params.cell,
    radial: params.radial,
    angular: params.angular,
    maxDz: params.maxDz,
    sensorX,
    sensorY,
  };
  const detections: Detection[] = [];

  const emit = (points: RaisedPoints, classId: string, fit: number) => {
    const prior = classPriorOf(classId === 'bus' ? 'truck' : classId);
    const box = fitCluster({ xyz: points.xyz, count: points.count }, sweep.ground, prior, { x: sensorX, y: sensorY });
    const score = fit * (1 - Math.exp(-points.count / params.pointsScale));
    if (!(score >= params.minScore)) return;
    detections.push({
      classId,
      score: Math.min(1, score),
      position: box.position,
      size: box.size,
      yaw: normalizeAngle(box.yaw),
      points: countPointsInBox(sweep.index, box),
    });
  };

  const examine = (points: RaisedPoints, depth: number, radial: number, vehiclesOnly: boolean) => {
    if (points.count < params.minPoints) return;
    const extent = axisAlignedExtent(points);
    if (extent.top < MIN_TOP) return;
    // Any rectangle round the points is at most the box's diagonal long: under the shortest class (a person
    // seen side-on, 0.25 m), nothing fits, and half a sweep's clusters (poles, trunks, posts) stop here unmeasured.
    if (Math.hypot(extent.dx, extent.dy) < MIN_FOOTPRINT) return;
    const shape = measureCluster(points);
    const found = classifyShape(shape, (id) =>
      id === 'truck' ? truckId !== undefined && !vehiclesOnly : wantedIds.has(id) && (!vehiclesOnly || id === 'car'),
    );
    if (found) {
      emit(points, found.classId === 'truck' ? truckId! : found.classId, found.fit);
      return;
    }
    if (depth >= MAX_DEPTH) return;
    if (shape.top > params.cutHeight) {
      // Tall: a canopy, a sign or a wall above whatever stands under it. Only a vehicle is looked for below the
      // cut (a pole's foot would look like a person), and only where its points stop clearly under the cut.
      const below = lowerPart(points, params.cutHeight);
      forEachPiece(below, { ...tolerance, radial }, (piece) => {
        if (axisAlignedExtent(piece).top <= params.cutHeight - CUT_CLEARANCE) examine(piece, depth + 1, radial, true);
      });
    } else if ((shape.length > CAR_MAX_LENGTH || shape.width > CAR_MAX_WIDTH) && radial / 2 >= 2 * params.cell) {
      // Too large for a car and no truck: neighbours whose gap runs along the line of sight (parked cars seen
      // obliquely) joined at the radial tolerance; half of it parts them, as the one-click fit does.
      forEachPiece(points, { ...tolerance, radial: radial / 2 }, (piece) =>
        examine(piece, depth + 1, radial / 2, vehiclesOnly),
      );
    }
  };

  const grouped = groupClusters(raised, gridClusters(raised, tolerance));
  for (let c = 0; c + 1 < grouped.start.length; c++) examine(clusterAt(grouped, c), 0, params.radial, false);
  return detections;
}

/** Clusters `points` with `tolerance` and calls `visit` on each cluster (views of one reordered buffer). */
function forEachPiece(points: RaisedPoints, tolerance: GridTolerance, visit: (piece: RaisedPoints) => void): void {
  const grouped = groupClusters(points, gridClusters(points, tolerance));
  for (let c = 0; c + 1 < grouped.start.length; c++) visit(clusterAt(grouped, c));
}

/** The points at most `height` above the ground, as a new set. */
function lowerPart(points: RaisedPoints, height: number): RaisedPoints {
  const xyz = new Float32Array(points.count * 3);
  const heights = new Float32Array(points.count);
  let n = 0;
  for (let i = 0; i < points.count; i++) {
    if (points.heights[i]! > height) continue;
    xyz[3 * n] = points.xyz[3 * i]!;
    xyz[3 * n + 1] = points.xyz[3 * i + 1]!;
    xyz[3 * n + 2] = points.xyz[3 * i + 2]!;
    heights[n++] = points.heights[i]!;
  }
  return { xyz: xyz.subarray(0, 3 * n), heights: heights.subarray(0, n), count: n };
}
