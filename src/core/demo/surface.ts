import { F, STRIDE, type FrameWorld } from './frame-world';
import { HIT_GROUND, type RayHit } from './intersect';
import { MATERIAL, materialSpec } from './materials';
import { groundMaterialAt } from './road-layout';

/** What a ray hit looks like: reflectivity for the LiDAR, colour for the camera, and whose it is. */
export interface Surface {
  reflectivity: number;
  retro: boolean;
  r: number;
  g: number;
  b: number;
  /** Ground-truth object index, or −1. */
  object: number;
}

export function createSurface(): Surface {
  return { reflectivity: 0, retro: false, r: 0, g: 0, b: 0, object: -1 };
}

function fract(v: number): number {
  return v - Math.floor(v);
}

/**
 * Fills `out` for a hit at (x, y, z) (road frame, metres). Facades get a grid of windows (3.2 m bays, 3.3 m
 * storeys above the ground floor) so that both sensors see glass and wall; the ground gets its road markings.
 */
export function resolveSurface(world: FrameWorld, hit: RayHit, x: number, y: number, z: number, out: Surface): void {
  if (hit.prim === HIT_GROUND) {
    const spec = materialSpec(groundMaterialAt(x, y));
    out.reflectivity = spec.reflectivity;
    out.retro = spec.retro;
    out.r = spec.color[0];
    out.g = spec.color[1];
    out.b = spec.color[2];
    out.object = -1;
    return;
  }
  const b = hit.prim * STRIDE;
  const data = world.data;
  const material = data[b + F.material]!;
  out.object = data[b + F.object]!;
  out.retro = materialSpec(material).retro;
  if (material === MATERIAL.facade && isWindow(hit, x, y, z)) {
    const glass = materialSpec(MATERIAL.glass);
    out.reflectivity = glass.reflectivity;
    out.r = glass.color[0];
    out.g = glass.color[1];
    out.b = glass.color[2];
    return;
  }
  out.reflectivity = data[b + F.reflectivity]!;
  out.r = data[b + F.r]!;
  out.g = data[b + F.g]!;
  out.b = data[b + F.b]!;
}

function isWindow(hit: RayHit, x: number, y: number, z: number): boolean {
  if (Math.abs(hit.nz) > 0.5 || z < 3.5) return false;
  const along = Math.abs(hit.ny) > 0.5 ? x : y;
  const bay = fract(along / 3.2);
  const storey = fract((z - 0.15) / 3.3);
  return bay > 0.2 && bay < 0.8 && storey > 0.3 && storey < 0.85;
}
