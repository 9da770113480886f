import { MATERIAL, type MaterialId } from './materials';

/**
 * Cross-section of the demo street, in the ROAD frame: x along the road, y to its left, z up, metres, origin on
 * the centre line at asphalt level. The street is symmetric: per side two lanes, a bike lane, a parking strip,
 * a curb, a sidewalk, then a verge and the buildings. Traffic keeps right (−y side drives towards +x).
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
  /** Centre of the zebra crossing along x, and its half width along x. */
  crosswalkX: 72,
  crosswalkHalf: 2,
  /** Extent of the built-up street along x. */
  minX: -150,
  maxX: 200,
} as const;

/** Ground height at lateral offset y (metres, road frame): asphalt at 0, everything beyond the curb raised. */
export function groundHeightAt(y: number): number {
  return Math.abs(y) < ROAD.curbY ? 0 : ROAD.curbHeight;
}

function fract(v: number): number {
  return v - Math.floor(v);
}

/** The material of the ground surface at (x, y) in the road frame, including road markings. */
export function groundMaterialAt(x: number, y: number): MaterialId {
  const a = Math.abs(y);
  if (a >= ROAD.sidewalkOuterY) return MATERIAL.grass;
  if (a >= ROAD.curbY + 0.3) return MATERIAL.sidewalk;
  if (a >= ROAD.curbY) return MATERIAL.curb;
  if (Math.abs(x - ROAD.crosswalkX) < ROAD.crosswalkHalf && a < ROAD.parkingLineY) {
    return fract(y / 1.2) < 0.5 ? MATERIAL.paintWhite : MATERIAL.asphalt;
  }
  // Double yellow centre line.
  if (a > 0.08 && a < 0.2) return MATERIAL.paintYellow;
  // Dashed lane divider: 3 m paint, 6 m gap.
  if (Math.abs(a - ROAD.laneWidth) < 0.075 && fract(x / 9) < 1 / 3) return MATERIAL.paintWhite;
  // Solid line between the traffic lanes and the bike lane.
  if (Math.abs(a - ROAD.bikeLineY) < 0.08) return MATERIAL.paintWhite;
  // Short dashes that mark the parking strip.
  if (Math.abs(a - ROAD.parkingLineY) < 0.06 && fract(x / 2) < 0.5) return MATERIAL.paintWhite;
  return MATERIAL.asphalt;
}
