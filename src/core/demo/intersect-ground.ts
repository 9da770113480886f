import { HIT_GROUND, setHit, type Ray, type RayHit } from './intersect';
import { isRoadAt, ROAD } from './road-layout';

/**
 * The street surface (ROAD frame): asphalt at z = 0 where either street runs (`isRoadAt`), the raised ground
 * (z = curb height) everywhere else, and the curb faces between them, seen from the road. The origin is assumed
 * to be above the road, as the sensors are: a ray then meets a curb face only where it leaves the asphalt.
 */
export function intersectGround(ray: Ray, hit: RayHit): void {
  const [ox, oy, oz, dx, dy, dz] = [ray[0]!, ray[1]!, ray[2]!, ray[3]!, ray[4]!, ray[5]!];
  const top = ROAD.curbHeight;
  if (dz < 0) {
    const t = -oz / dz;
    if (t > 0 && t < hit.t && isRoadAt(ox + t * dx, oy + t * dy)) setHit(hit, t, HIT_GROUND, 0, 0, 1);
    const tTop = (top - oz) / dz;
    if (tTop > 0 && tTop < hit.t && !isRoadAt(ox + tTop * dx, oy + tTop * dy)) {
      setHit(hit, tTop, HIT_GROUND, 0, 0, 1);
    }
  }
  // Where the ray leaves a street's strip: a curb face if it is then below the curb top and not on the other
  // street's asphalt (the two strips cross at the intersection).
  const mainExit = stripExit(oy, dy, 0);
  if (mainExit > 0 && mainExit < hit.t && Math.abs(ox + mainExit * dx - ROAD.crossX) >= ROAD.curbY) {
    const z = oz + mainExit * dz;
    if (z >= 0 && z < top) setHit(hit, mainExit, HIT_GROUND, 0, dy > 0 ? -1 : 1, 0);
  }
  const crossExit = stripExit(ox, dx, ROAD.crossX);
  if (crossExit > 0 && crossExit < hit.t && Math.abs(oy + crossExit * dy) >= ROAD.curbY) {
    const z = oz + crossExit * dz;
    if (z >= 0 && z < top) setHit(hit, crossExit, HIT_GROUND, dx > 0 ? -1 : 1, 0, 0);
  }
}

/**
 * The ray parameter where a line o + t·d (one horizontal coordinate) leaves the strip |· − centre| < curbY
 * going forward, or −1 when it never does (parallel to it, or moving away from a strip it is not in).
 */
function stripExit(o: number, d: number, centre: number): number {
  if (d === 0) return -1;
  return ((d > 0 ? centre + ROAD.curbY : centre - ROAD.curbY) - o) / d;
}
