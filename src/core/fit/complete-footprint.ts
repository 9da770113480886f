import type { Rect2 } from './fit-l-shape';

/** A box footprint in the ego x, y plane: centre (metres), length along `axis` (radians, in [0, π)), width. */
export interface Footprint {
  x: number;
  y: number;
  axis: number;
  length: number;
  width: number;
}

/**
 * An observed extent at least this fraction of the typical one is taken as complete, not partly hidden: widths
 * vary less than lengths between cars (1.6–2.0 m against 3.5–5.2 m) and a face seen end-on shows all of it.
 */
export const COMPLETE_LENGTH = 0.9;
export const COMPLETE_WIDTH = 0.7;
/**
 * A face counts as seen when the line of sight to the object's centre meets it at more than this sine of the
 * angle (20°): beyond it the sensor sweeps that face from end to end; nearer to grazing, its far end falls off.
 */
const SEEN_FACE_SINE = Math.sin((20 * Math.PI) / 180);
const SEEN_SIDE_SINE = Math.sin((40 * Math.PI) / 180);
/** A side's length measured from end to end stands down to this fraction of the typical one (short cars). */
const SHORTEST_SEEN_LENGTH = 0.75;

/**
 * Whether something nearer the sensor hides (part of) the end of an object between ego points (ax, ay) and
 * (bx, by): then that end may lie farther out than the points show.
 */
export type EndHidden = (ax: number, ay: number, bx: number, by: number) => boolean;

/** What a class's footprint usually measures and at most measures, metres. */
export interface FootprintPrior {
  length: number;
  width: number;
  /** An observed extent beyond these holds more than the object (a bush or a kerb joined its cluster). */
  maxLength: number;
  maxWidth: number;
}

/**
 * Turns the rectangle round the observed points into a box footprint. The longer side is the length when it is
 * clearly longer than the typical width; otherwise (an object seen end-on, or only a corner of it) the side
 * nearer the direction from the sensor to the object is, since an end-on view hides exactly the extent along
 * the line of sight. Then per side, by what the sensor could see of it (ego frame, metres; the sensor at
 * (sensorX, sensorY)):
 * - the length, where the sensor faces a long side (the line of sight more than 20° off the axis) and the side
 *   spans at least 60 % of the typical length, is measured from end to end: it stands, a short car seen
 *   broadside keeps its length. Only an end that `endHidden` says is hidden by something nearer grows, to the
 *   typical length. Else (seen end-on) a length under 90 % of the typical one grows to it away from the sensor.
 * - the width, where the sensor sees an end face (the full width, corner to corner), stands from 70 % of the
 *   typical width; where it sees only one long side (broadside), the far side is hidden and the width grows to
 *   the typical one away from the sensor.
 * A side shorter than the rule allows grows away from the sensor: the faces the sensor saw stay where they are,
 * the hidden ones move (both, when the sensor is level with the object along that side). A side longer than the
 * class's maximum is cut back to the typical size from the seen face.
 */
export function completeFootprint(
  rect: Rect2,
  prior: FootprintPrior,
  sensorX: number,
  sensorY: number,
  endHidden?: EndHidden,
): Footprint {
  const { length: typicalLength, width: typicalWidth } = prior;
  const c = Math.cos(rect.angle),
    s = Math.sin(rect.angle);
  const e1 = rect.max1 - rect.min1,
    e2 = rect.max2 - rect.min2;
  const cx = c * ((rect.min1 + rect.max1) / 2) - s * ((rect.min2 + rect.max2) / 2);
  const cy = s * ((rect.min1 + rect.max1) / 2) + c * ((rect.min2 + rect.max2) / 2);
  const rx = cx - sensorX,
    ry = cy - sensorY;
  let firstIsLength: boolean;
  if (Math.max(e1, e2) > 1.25 * typicalWidth || typicalLength < 1.2 * typicalWidth) firstIsLength = e1 >= e2;
  // Is the line of sight nearer axis 1 or axis 2?
  else firstIsLength = Math.abs(c * rx + s * ry) >= Math.abs(-s * rx + c * ry);
  const sensor1 = c * sensorX + s * sensorY,
    sensor2 = -s * sensorX + c * sensorY;
  // The length axis (L) and the width axis (W): the sensor's coordinates and the observed span on each.
  const [sensorL, sensorW] = firstIsLength ? [sensor1, sensor2] : [sensor2, sensor1];
  const [loL, hiL, loW, hiW] = firstIsLength
    ? [rect.min1, rect.max1, rect.min2, rect.max2]
    : [rect.min2, rect.max2, rect.min1, rect.max1];
  const range = Math.hypot(rx, ry) || 1;
  // Sine of the angle between the line of sight and the length axis.
  const sinView = Math.abs((firstIsLength ? -s * rx + c * ry : c * rx + s * ry) / range);
  const sideSeen = (sensorW < loW || sensorW > hiW) && sinView >= SEEN_SIDE_SINE;
  const endSeen = (sensorL < loL || sensorL > hiL) && Math.sqrt(1 - sinView * sinView) >= SEEN_FACE_SINE;
  const lengthRule = { typical: typicalLength, complete: COMPLETE_LENGTH, max: prior.maxLength };
  const widthRule = { typical: typicalWidth, complete: endSeen ? COMPLETE_WIDTH : 1, max: prior.maxWidth };
  let [lo, hi] = extend(loL, hiL, sensorL, lengthRule);
  if (sideSeen && hiL - loL >= SHORTEST_SEEN_LENGTH * typicalLength && hiL - loL <= prior.maxLength) {
    // Seen broadside from end to end: the measured ends stand unless something nearer hides one.
    const corner = (u: number, v: number): [number, number] =>
      firstIsLength ? [c * u - s * v, s * u + c * v] : [c * v - s * u, s * v + c * u];
    const hidden = (u: number) => endHidden?.(...corner(u, loW), ...corner(u, hiW)) ?? false;
    const [hideLo, hideHi] = [hidden(loL), hidden(hiL)];
    const missing = Math.max(0, typicalLength - (hiL - loL));
    [lo, hi] = [loL, hiL];
    if (hideLo && hideHi) [lo, hi] = [loL - missing / 2, hiL + missing / 2];
    else if (hideLo) lo = loL - missing;
    else if (hideHi) hi = hiL + missing;
  }
  const [loW2, hiW2] = extend(loW, hiW, sensorW, widthRule);
  const mL = (lo + hi) / 2,
    mW = (loW2 + hiW2) / 2;
  const [m1, m2] = firstIsLength ? [mL, mW] : [mW, mL];
  const x = c * m1 - s * m2,
    y = s * m1 + c * m2;
  const [length, width, axis] = [hi - lo, hiW2 - loW2, firstIsLength ? rect.angle : rect.angle + Math.PI / 2];
  // Length ≥ width always (the completion of a round class can leave the width longer).
  return length >= width
    ? { x, y, axis, length, width }
    : { x, y, axis: (axis + Math.PI / 2) % Math.PI, length: width, width: length };
}

/**
 * Extends [lo, hi] to `typical` metres away from the sensor's coordinate `sensor` on the same axis, unless it
 * already spans the fraction `complete` of it; cuts it back to `typical` from the sensor's side beyond `max`.
 */
function extend(
  lo: number,
  hi: number,
  sensor: number,
  { typical, complete, max }: { typical: number; complete: number; max: number },
): [number, number] {
  if (hi - lo > max) {
    // Something beside the object joined its cluster (a bush, a kerb stone): keep the seen face.
    if (sensor <= lo) return [lo, lo + typical];
    if (sensor >= hi) return [hi - typical, hi];
    return [lo, hi];
  }
  if (hi - lo >= complete * typical) return [lo, hi];
  if (sensor <= lo) return [lo, lo + typical];
  if (sensor >= hi) return [hi - typical, hi];
  const grow = (typical - (hi - lo)) / 2;
  return [lo - grow, hi + grow];
}
