import { MATERIAL, type MaterialId } from './materials';

/**
 * The demo streets, in the ROAD frame: x along the main street, y to its left, z up, metres, origin on its
 * centre line at asphalt level. The main street is symmetric: per side two lanes, a bike lane, a parking strip,
 * a curb, a sidewalk, then a verge and the buildings. Traffic keeps right (−y side drives towards +x). A cross
 * street of the same cross-section meets it at right angles at x = `crossX` (its lanes towards +y on its +x
 * side); the two make one intersection, with a zebra across the main street just before it on the −x side.
 */
export const ROAD = {
  laneWidth: 3.25,
  innerLaneY: 1.625,
  outerLaneY: 4.875,
  bikeLineY: 6.5,
  bikeLaneY: 7.25,
  parkingLineY: 8.0,
  parkingY: 9.1,
  curbY: 10.2,
  curbHeight: 0.15,
  sidewalkOuterY: 14.2,
  buildingY: 15,
  /** Centre line of the cross street (road-frame x). */
  crossX: 38,
  /** Centre of the zebra across the main street along x (0.5 m before the cross street's curb line), half width. */
  crosswalkX: 25.3,
  crosswalkHalf: 2,
  /** The stop line before the zebra, for the −y side's traffic (road-frame x of its middle). */
  stopLineX: 22.5,
  /** How far the other approaches' stop lines are from the intersection's curb line, metres. */
  stopLineGap: 1,
  /** Extent of the built-up main street along x, and of the cross street along y. */
  minX: -150,
  maxX: 200,
  minY: -150,
  maxY: 150,
} as const;

/** Whether (x, y) (road frame, metres) is on the asphalt of either street. */
export function isRoadAt(x: number, y: number): boolean {
  return Math.abs(y) < ROAD.curbY || Math.abs(x - ROAD.crossX) < ROAD.curbY;
}

/** Ground height at (x, y) (metres, road frame): asphalt at 0, everything beyond the curbs raised. */
export function groundHeightAt(x: number, y: number): number {
  return isRoadAt(x, y) ? 0 : ROAD.curbHeight;
}

function fract(v: number): number {
  return v - Math.floor(v);
}

/** The material of the ground surface at (x, y) in the road frame, including road markings. */
export function groundMaterialAt(x: number, y: number): MaterialId {
  const main = Math.abs(y);
  const cross = Math.abs(x - ROAD.crossX);
  if (main < ROAD.curbY && cross < ROAD.curbY) return MATERIAL.asphalt; // the intersection itself is unpainted
  if (main < ROAD.curbY) return mainStreetPaint(x, y) ?? laneMarking(x, main);
  if (cross < ROAD.curbY) return crossStreetPaint(x, y) ?? laneMarking(y, cross);
  const a = Math.min(main, cross);
  if (a >= ROAD.sidewalkOuterY) return MATERIAL.grass;
  if (a >= ROAD.curbY + 0.3) return MATERIAL.sidewalk;
  return MATERIAL.curb;
}

/** The zebra and the stop lines of the main street's two approaches to the intersection. */
function mainStreetPaint(x: number, y: number): MaterialId | undefined {
  const a = Math.abs(y);
  if (Math.abs(x - ROAD.crosswalkX) < ROAD.crosswalkHalf && a < ROAD.parkingLineY) {
    return fract(y / 1.2) < 0.5 ? MATERIAL.paintWhite : MATERIAL.asphalt;
  }
  const stopLine = y < 0 ? ROAD.stopLineX : ROAD.crossX + ROAD.curbY + ROAD.stopLineGap;
  return Math.abs(x - stopLine) < 0.2 && a > 0.2 && a < ROAD.bikeLineY ? MATERIAL.paintWhite : undefined;
}

/** The stop lines of the cross street's approaches: on its +x side south of the main street, −x side north. */
function crossStreetPaint(x: number, y: number): MaterialId | undefined {
  const a = Math.abs(x - ROAD.crossX);
  const approach = y < 0 ? x > ROAD.crossX : x < ROAD.crossX;
  const line = Math.abs(Math.abs(y) - ROAD.curbY - ROAD.stopLineGap) < 0.2;
  return approach && line && a > 0.2 && a < ROAD.bikeLineY ? MATERIAL.paintWhite : undefined;
}

/** Lane markings at distance `a` from a street's centre line, `along` metres along it. */
function laneMarking(along: number, a: number): MaterialId {
  // Double yellow centre line.
  if (a > 0.08 && a < 0.2) return MATERIAL.paintYellow;
  // Dashed lane divider: 3 m paint, 6 m gap.
  if (Math.abs(a - ROAD.laneWidth) < 0.075 && fract(along / 9) < 1 / 3) return MATERIAL.paintWhite;
  // Solid line between the traffic lanes and the bike lane.
  if (Math.abs(a - ROAD.bikeLineY) < 0.08) return MATERIAL.paintWhite;
  // Short dashes that mark the parking strip.
  if (Math.abs(a - ROAD.parkingLineY) < 0.06 && fract(along / 2) < 0.5) return MATERIAL.paintWhite;
  return MATERIAL.asphalt;
}
