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
 * the line of sight. Then each side shorter than its typical size is extended to it away from the sensor: the
 * faces the sensor saw stay where they are, the hidden ones move (both move when the sensor is level with the
 * object along that side, which sees both ends). A side longer than the class's maximum is cut back to the
 * typical size from the seen face. Ego frame, metres; the sensor at (sensorX, sensorY).
 */
export function completeFootprint(rect: Rect2, prior: FootprintPrior, sensorX: number, sensorY: number): Footprint {
  const { length: typicalLength, width: typicalWidth } = prior;
  const c = Math.cos(rect.angle),
    s = Math.sin(rect.angle);
  const e1 = rect.max1 - rect.min1,
    e2 = rect.max2 - rect.min2;
  const cx = c * ((rect.min1 + rect.max1) / 2) - s * ((rect.min2 + rect.max2) / 2);
  const cy = s * ((rect.min1 + rect.max1) / 2) + c * ((rect.min2 + rect.max2) / 2);
  let firstIsLength: boolean;
  if (Math.max(e1, e2) > 1.25 * typicalWidth || typicalLength < 1.2 * typicalWidth) firstIsLength = e1 >= e2;
  else {
    // Is the line of sight nearer axis 1 or axis 2?
    const rx = cx - sensorX,
      ry = cy - sensorY;
    firstIsLength = Math.abs(c * rx + s * ry) >= Math.abs(-s * rx + c * ry);
  }
  const sensor1 = c * sensorX + s * sensorY,
    sensor2 = -s * sensorX + c * sensorY;
  const lengthRule = { typical: typicalLength, complete: COMPLETE_LENGTH, max: prior.maxLength };
  const widthRule = { typical: typicalWidth, complete: COMPLETE_WIDTH, max: prior.maxWidth };
  const [lo1, hi1] = extend(rect.min1, rect.max1, sensor1, firstIsLength ? lengthRule : widthRule);
  const [lo2, hi2] = extend(rect.min2, rect.max2, sensor2, firstIsLength ? widthRule : lengthRule);
  const m1 = (lo1 + hi1) / 2,
    m2 = (lo2 + hi2) / 2;
  const x = c * m1 - s * m2,
    y = s * m1 + c * m2;
  const [length, width, axis] = firstIsLength
    ? [hi1 - lo1, hi2 - lo2, rect.angle]
    : [hi2 - lo2, hi1 - lo1, rect.angle + Math.PI / 2];
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
