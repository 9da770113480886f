import { normalizeAngle } from '../math/angle';
import type { Footprint } from './complete-footprint';
import { measureLowEnds } from './measure-low-ends';
import type { PointSet } from './point-set';

export interface HeadingCues {
  /** Direction of travel (radians, ego frame) where known, e.g. from the track's motion. */
  motionYaw?: number;
  /** Whether the class has a front and a rear whose shape tells them apart. */
  vehicle: boolean;
  /** Ego z of the ground under the object, metres. */
  groundZ: number;
  /** Typical height of the class, metres: a cluster whose top is far below it did not show its roof. */
  typicalHeight: number;
  /** The sensor's x, y in the ego frame, metres. */
  sensorX: number;
  sensorY: number;
}

/** Which rule settled the heading, most trusted first (see `chooseHeading`). */
export type HeadingRule = 'motion' | 'hood' | 'tailgate' | 'lane' | 'away-from-sensor';

/** Low ends differing by at least this much (metres) tell the hood (long) from the boot or tailgate (short). */
const DECISIVE_DIFFERENCE = 0.6;
/** A near end that reaches roof height within this many metres is a tailgate or a van's rear, not a hood. */
const TAILGATE_LENGTH = 0.6;
/**
 * Traffic keeps right: an object parallel to the ego (within 30°) whose centre lies more than 3.5 m to the ego's
 * left (beyond the next lane) is oncoming (−x), any other parallel one travels the ego's way (+x). Measured on
 * the moving cars and vans of KITTI tracking sequences 0001–0010 (5,405 labels of 116 tracks, all ahead of the
 * ego): 96 % of the parallel ones within 1 m of the ego's axis and 90 % of those right of it head +x; from 2 to
 * 5 m left only 57 % head −x (two-lane roads and multi-lane ones alike), beyond 5 m 72–100 %. Any threshold
 * from 2 to 3.5 m does as well there; the demo drive's overtaking car 3.3 m left chose 3.5 m.
 */
const ONCOMING_LEFT = 3.5;
const LANE_ANGLE = (30 * Math.PI) / 180;

/**
 * Chooses between the two headings along the footprint's length axis (a 180° flip is a full error). The rules,
 * most trusted first, and what they rest on (measured on the KITTI, nuScenes and SUSTechPOINTS samples: see the
 * README of this folder):
 * - `motion`: the heading nearer the supplied direction of travel.
 * - `hood` (vehicles seen from the side, the sensor level with the box): a bonnet is longer than a boot or a
 *   tailgate, so along the height profile the end whose low part (below roof height) is clearly longer is the
 *   front. Only from the side: from an end, the cabin hides the far end's low parts.
 * - `tailgate` (vehicles seen from an end): a near end that reaches roof height within 0.6 m is a hatchback's,
 *   SUV's or van's rear. A near end with a long low part may be a bonnet or a saloon's boot: no decision.
 * - `lane` (traffic keeps right): an object parallel to the ego travels the ego's way (+x), unless it lies more
 *   than 3.5 m to the left (oncoming, −x); a vehicle across the road on the ego's right heads toward the ego's
 *   path (+y): on KITTI tracking 82 % of those that move do (queued to enter or cross), against 44 % on the left.
 * - `away-from-sensor`: otherwise (across the road on the left; pedestrians and cyclists across it) the end
 *   facing the sensor is the rear.
 */
export function chooseHeading(
  points: PointSet,
  footprint: Footprint,
  cues: HeadingCues,
): { yaw: number; rule: HeadingRule } {
  const axis = footprint.axis;
  const c = Math.cos(axis),
    s = Math.sin(axis);
  const along = (sign: number, rule: HeadingRule) => ({ yaw: normalizeAngle(sign > 0 ? axis : axis + Math.PI), rule });
  if (cues.motionYaw !== undefined) return along(Math.cos(cues.motionYaw - axis), 'motion');
  // Where the sensor lies along the axis, from the box centre: its sign names the near end.
  const sensorAlong = c * (cues.sensorX - footprint.x) + s * (cues.sensorY - footprint.y);
  const near = sensorAlong >= 0 ? 1 : -1;
  const beside = Math.abs(sensorAlong) < footprint.length / 2;
  if (cues.vehicle) {
    const ends = measureLowEnds(points, footprint, cues.groundZ, cues.typicalHeight);
    if (ends && beside && ends.plus !== undefined && ends.minus !== undefined) {
      const difference = ends.plus - ends.minus;
      // The end with the longer low part is the bonnet: heading toward it.
      if (Math.abs(difference) >= DECISIVE_DIFFERENCE) return along(difference, 'hood');
    }
    const nearLow = near > 0 ? ends?.plus : ends?.minus;
    if (!beside && nearLow !== undefined && nearLow <= TAILGATE_LENGTH) return along(-near, 'tailgate');
  }
  const parallel = Math.abs(Math.sin(axis)) < Math.sin(LANE_ANGLE);
  if (parallel) return along(footprint.y > ONCOMING_LEFT ? -c : c, 'lane');
  // A vehicle across the road on the right heads toward the ego's path (it waits to enter or cross it).
  if (cues.vehicle && footprint.y < 0) return along(s, 'lane');
  return along(-near, 'away-from-sensor');
}
