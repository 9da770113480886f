import { groundHeightAt, type GroundModel } from './ground-model';
import type { ClassPrior } from './class-prior';
import { chooseHeading } from './choose-heading';
import { completeFootprint, type EndHidden, type Footprint } from './complete-footprint';
import { boundingRect, fitLShape, type Rect2 } from './fit-l-shape';
import type { FitResult } from './fit-result';
import { selectPoints, type PointSet } from './point-set';

/** The sides are the points below this fraction of the object's height above the ground. */
const BAND = 0.65;
/**
 * An empty band of heights at least this tall (metres; more far off, where the beams spread: 2.5 % of the
 * range) above the object's body separates it from what hangs above it: a canopy, a sign, a bridge.
 */
const OVERHANG_GAP = 0.5;
const OVERHANG_GAP_PER_METRE = 0.025;
/** Heights up to this (metres above the ground) are always body: the gap is looked for above them. */
const BODY_HEIGHT = 0.8;
/**
 * Points higher than this fraction of the typical height that lie more than OVERHANG_MARGIN metres outside the
 * footprint of the points below them hang over the object (branches reaching beyond a roof), not on it.
 */
const OVERHANG_FROM = 1.15;
const OVERHANG_MARGIN = 0.3;
/** Something hides an end when at least this many points lie in front of it, this many metres nearer. */
const OCCLUDER_POINTS = 2;
const OCCLUDER_NEARER = 0.4;
/** Metres beside an end's outline (at its range) still looked at for what hides it. */
const OCCLUDER_MARGIN = 0.3;
/** Points this close to the object's own rectangle (metres) are its own, never what hides it. */
const OCCLUDER_OWN_MARGIN = 0.2;

/** What else a fit may be told about the object's neighbourhood. */
export interface FitContext {
  /**
   * The points round the object (above the ground, the object's own among them, e.g. all the points gathered
   * for a click): what lies in front of an end of the object, nearer the sensor, may hide it.
   */
  surroundings?: PointSet;
}

/**
 * Fits a box to one object's points (ego frame): without what hangs above it (`dropOverhang`), the L-shape
 * rectangle in x, y, completed toward the class's typical size where only part was seen (`completeFootprint`;
 * `context.surroundings` tells which ends something nearer hides), the heading chosen from the cues, and the
 * height from the ground under the box to the object's highest point. The box stands on the ground: centre
 * z = ground + h / 2.
 */
export function fitCluster(
  points: PointSet,
  ground: GroundModel,
  prior: ClassPrior,
  sensor: { x: number; y: number },
  motionYaw?: number,
  context: FitContext = {},
): Omit<FitResult, 'points'> {
  const [, , typicalHeight] = prior.defaultSize;
  const object = dropOverhang(points, ground, typicalHeight, sensor);
  const footprint = footprintOf(object, ground, prior, sensor, context.surroundings);
  const groundZ = groundHeightAt(ground, footprint.x, footprint.y);
  let top = -Infinity;
  for (let i = 0; i < object.count; i++) top = Math.max(top, object.xyz[3 * i + 2]!);
  // A far object may show only its lower rows; never less than half the typical height.
  const height = Math.max(top - groundZ, 0.5 * typicalHeight);
  const heading = chooseHeading(object, footprint, {
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
 * The object's footprint: the orientation from its sides, the extent from all its points (a roof seen beyond a
 * low face counts), completed toward the class's size (`completeFootprint`), an end hidden behind a point of
 * `surroundings` nearer the sensor completed too.
 */
export function footprintOf(
  points: PointSet,
  ground: GroundModel,
  prior: ClassPrior,
  sensor: { x: number; y: number },
  surroundings?: PointSet,
): Footprint {
  const [typicalLength, typicalWidth, typicalHeight] = prior.defaultSize;
  const rect = boundingRect(points, fitLShape(sidePoints(points, ground)).angle);
  const sizes = { length: typicalLength, width: typicalWidth, maxLength: prior.maxLength, maxWidth: prior.maxWidth };
  const hidden = surroundings && endHiddenBy(surroundings, rect, ground, sensor, prior.minHeight, 1.2 * typicalHeight);
  return completeFootprint(rect, sizes, sensor.x, sensor.y, hidden);
}

/**
 * An `EndHidden` test against `surroundings`: an end is hidden where, within its outline seen from the sensor
 * (widened by OCCLUDER_MARGIN each side), at least OCCLUDER_POINTS points between `minHeight` and `maxHeight`
 * above the ground lie OCCLUDER_NEARER metres nearer than the end, outside the object's own rectangle `own`.
 */
function endHiddenBy(
  surroundings: PointSet,
  own: Rect2,
  ground: GroundModel,
  sensor: { x: number; y: number },
  minHeight: number,
  maxHeight: number,
): EndHidden {
  return (ax, ay, bx, by) => {
    const [ra, rb] = [Math.hypot(ax - sensor.x, ay - sensor.y), Math.hypot(bx - sensor.x, by - sensor.y)];
    const near = Math.min(ra, rb) - OCCLUDER_NEARER;
    // Bearings relative to the end's middle (no wrap-around for an object's few degrees).
    const mid = Math.atan2((ay + by) / 2 - sensor.y, (ax + bx) / 2 - sensor.x);
    const bearing = (x: number, y: number) => wrap(Math.atan2(y - sensor.y, x - sensor.x) - mid);
    const margin = Math.atan2(OCCLUDER_MARGIN, Math.max(near, 1));
    const [b1, b2] = [bearing(ax, ay), bearing(bx, by)];
    const [from, to] = [Math.min(b1, b2) - margin, Math.max(b1, b2) + margin];
    const c = Math.cos(own.angle),
      s = Math.sin(own.angle);
    const m = OCCLUDER_OWN_MARGIN;
    let count = 0;
    for (let i = 0; i < surroundings.count; i++) {
      const x = surroundings.xyz[3 * i]!,
        y = surroundings.xyz[3 * i + 1]!;
      if (Math.hypot(x - sensor.x, y - sensor.y) >= near) continue;
      const u = c * x + s * y,
        v = -s * x + c * y;
      if (u >= own.min1 - m && u <= own.max1 + m && v >= own.min2 - m && v <= own.max2 + m) continue;
      const b = bearing(x, y);
      if (b < from || b > to) continue;
      const h = surroundings.xyz[3 * i + 2]! - groundHeightAt(ground, x, y);
      if (h > minHeight && h <= maxHeight && ++count >= OCCLUDER_POINTS) return true;
    }
    return false;
  };
}

const wrap = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));

/**
 * The object without what hangs above it: heights above the ground are scanned upwards from BODY_HEIGHT for an
 * empty band of OVERHANG_GAP metres (more far off, where the beams spread); what lies above the first one goes
 * (a canopy or a sign above a car). Then points above OVERHANG_FROM of the typical height that lie outside the
 * rest's bounding rectangle by more than OVERHANG_MARGIN go too (branches touching the roof). The set as it was
 * when nothing goes, or when less than 10 points would stay.
 */
export function dropOverhang(
  points: PointSet,
  ground: GroundModel,
  typicalHeight: number,
  sensor: { x: number; y: number },
): PointSet {
  if (points.count < 10) return points;
  let sx = 0,
    sy = 0;
  for (let i = 0; i < points.count; i++) {
    sx += points.xyz[3 * i]!;
    sy += points.xyz[3 * i + 1]!;
  }
  const [mx, my] = [sx / points.count, sy / points.count];
  const groundZ = groundHeightAt(ground, mx, my);
  const gap = Math.max(OVERHANG_GAP, OVERHANG_GAP_PER_METRE * Math.hypot(mx - sensor.x, my - sensor.y));
  const heights = new Float32Array(points.count);
  for (let i = 0; i < points.count; i++) heights[i] = points.xyz[3 * i + 2]! - groundZ;
  const sorted = heights.slice().sort();
  let cut = Infinity;
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k - 1]! >= BODY_HEIGHT && sorted[k]! - sorted[k - 1]! >= gap) {
      cut = sorted[k - 1]!;
      break;
    }
  }
  let kept = cut < Infinity ? selectPoints(points, (i) => heights[i]! <= cut) : points;
  if (kept.count < 10) kept = points;
  // Branches that touch the roof: high points outside the footprint of the lower ones.
  const high = OVERHANG_FROM * typicalHeight;
  const low = selectPoints(kept, (i) => kept.xyz[3 * i + 2]! - groundZ <= high);
  if (low.count < 10 || low.count === kept.count) return kept;
  const rect = boundingRect(low, fitLShape(low).angle);
  const c = Math.cos(rect.angle),
    s = Math.sin(rect.angle);
  const trimmed = selectPoints(kept, (i) => {
    if (kept.xyz[3 * i + 2]! - groundZ <= high) return true;
    const x = kept.xyz[3 * i]!,
      y = kept.xyz[3 * i + 1]!;
    const u = c * x + s * y,
      v = -s * x + c * y;
    const m = OVERHANG_MARGIN;
    return u >= rect.min1 - m && u <= rect.max1 + m && v >= rect.min2 - m && v <= rect.max2 + m;
  });
  return trimmed;
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
