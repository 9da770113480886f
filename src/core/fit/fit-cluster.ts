import { groundHeightAt, type GroundModel } from './ground-model';
import type { ClassPrior } from './class-prior';
import { chooseHeading } from './choose-heading';
import { completeFootprint } from './complete-footprint';
import { boundingRect, fitLShape } from './fit-l-shape';
import type { FitResult } from './fit-result';
import { selectPoints, type PointSet } from './point-set';

/** The sides are the points below this fraction of the object's height above the ground. */
const BAND = 0.65;

/**
 * Fits a box to one object's points (ego frame): the L-shape rectangle in x, y, completed toward the class's
 * typical size where only the near side was seen, the heading chosen from the cues, and the height from the
 * ground under the box to the object's highest point. The box stands on the ground: centre z = ground + h / 2.
 */
export function fitCluster(
  points: PointSet,
  ground: GroundModel,
  prior: ClassPrior,
  sensor: { x: number; y: number },
  motionYaw?: number,
): Omit<FitResult, 'points'> {
  const [typicalLength, typicalWidth, typicalHeight] = prior.defaultSize;
  // The orientation from the sides, the extent from all the points (a roof seen beyond a low face counts).
  const rect = boundingRect(points, fitLShape(sidePoints(points, ground)).angle);
  const sizes = { length: typicalLength, width: typicalWidth, maxLength: prior.maxLength, maxWidth: prior.maxWidth };
  const footprint = completeFootprint(rect, sizes, sensor.x, sensor.y);
  const groundZ = groundHeightAt(ground, footprint.x, footprint.y);
  let top = -Infinity;
  for (let i = 0; i < points.count; i++) top = Math.max(top, points.xyz[3 * i + 2]!);
  // A far object may show only its lower rows; never less than half the typical height.
  const height = Math.max(top - groundZ, 0.5 * typicalHeight);
  const heading = chooseHeading(points, footprint, {
    vehicle: prior.vehicle,
    groundZ,
    typicalHeight,
    sensorX: sensor.x,
    sensorY: sensor.y,
    motionYaw,
  });
  return {
    position: [footprint.x, footprint.y, groundZ + height / 2],
    size: [footprint.length, footprint.width, height],
    yaw: heading.yaw,
    headingFrom: heading.rule,
  };
}

/**
 * The points of the object's sides: those below BAND of its top (bumpers, doors, wheels) without the bonnet, roof
 * and boot, which lie inside its outline seen from above and only blur the L-shape fit. All points where fewer
 * than 10 are that low (a far object seen over its roof only).
 */
function sidePoints(points: PointSet, ground: GroundModel): PointSet {
  let sx = 0,
    sy = 0,
    top = -Infinity;
  for (let i = 0; i < points.count; i++) {
    sx += points.xyz[3 * i]!;
    sy += points.xyz[3 * i + 1]!;
    top = Math.max(top, points.xyz[3 * i + 2]!);
  }
  const groundZ = groundHeightAt(ground, sx / points.count, sy / points.count);
  const limit = groundZ + BAND * (top - groundZ);
  const low = selectPoints(points, (i) => points.xyz[3 * i + 2]! <= limit);
  return low.count >= 10 ? low : points;
}
