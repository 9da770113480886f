import { multiply } from '../math/mat4';
import { createRandom, gaussian } from '../math/random';
import type { Bounds, PointCloud } from '../model/point-cloud';
import { frameTimeOf, type DemoDrive } from './drive';
import { roadFromEgoAt } from './ego-motion';
import { buildFrameWorld } from './frame-world';
import { createRay, createRayHit, HIT_NONE, setRay } from './intersect';
import { buildRayIndex } from './ray-index';
import { castRay } from './ray-cast';
import { hashSeed } from './seed-hash';
import { createSurface, resolveSurface } from './surface';

/**
 * A 64-beam spinning LiDAR in the spirit of a Velodyne HDL-64E: an upper block of 32 beams from +2° to −8.33°
 * (1/3° apart) and a lower block of 32 from −8.83° to −24.8°, 2000 firings a turn (0.18°), 100 m range.
 * The sweep is taken at the frame's instant (no motion during the turn), so points and boxes agree exactly.
 */
export const LIDAR_BEAMS = 64;
export const LIDAR_AZIMUTH_STEPS = 2000;
export const LIDAR_MAX_RANGE = 100;
const MIN_RANGE = 1;
/** One-sigma range noise, metres. */
const RANGE_NOISE = 0.02;
const INTENSITY_NOISE = 0.015;
const DROPOUT = 0.03;

/** Beam elevations in radians, from the top beam down. */
export const LIDAR_ELEVATIONS: Float64Array = Float64Array.from({ length: LIDAR_BEAMS }, (_, i) => {
  const degrees = i < 32 ? 2 - i / 3 : -8.83 - ((i - 32) * (24.8 - 8.83)) / 31;
  return (degrees * Math.PI) / 180;
});

export interface SweepOptions {
  /** Adds `attributes.objectId`: the ground-truth object index of each point, −1 for the static world. */
  withObjectIds?: boolean;
}

/** Simulates the sweep of `frameIndex`, in the LiDAR frame. Deterministic per (seed, frame), in any order. */
export function simulateSweep(
  drive: DemoDrive,
  frameIndex: number,
  options: SweepOptions = {},
): PointCloud & { bounds: Bounds } {
  const t = frameTimeOf(drive, frameIndex);
  const lidar = drive.scene.lidars[0]!;
  const m = multiply(roadFromEgoAt(drive.ego, t), lidar.egoFromLidar); // roadFromLidar
  const [ox, oy, oz] = [m[3]!, m[7]!, m[11]!];
  const world = buildFrameWorld(drive.staticWorld, drive.objects, t);
  const index = buildRayIndex(world, ox, oy);
  const random = createRandom(hashSeed(drive.seed, frameIndex));
  const capacity = LIDAR_BEAMS * LIDAR_AZIMUTH_STEPS;
  const positions = new Float32Array(capacity * 3);
  const intensity = new Float32Array(capacity);
  const objectIds = options.withObjectIds ? new Float32Array(capacity) : undefined;
  const ray = createRay();
  const hit = createRayHit();
  const surface = createSurface();
  const cosE = LIDAR_ELEVATIONS.map(Math.cos);
  const sinE = LIDAR_ELEVATIONS.map(Math.sin);
  let n = 0;
  for (let a = 0; a < LIDAR_AZIMUTH_STEPS; a++) {
    const azimuth = (2 * Math.PI * a) / LIDAR_AZIMUTH_STEPS - Math.PI;
    const ca = Math.cos(azimuth),
      sa = Math.sin(azimuth);
    for (let beam = 0; beam < LIDAR_BEAMS; beam++) {
      // Draw every ray's random numbers whether it hits or not, so one ray's luck never shifts another's.
      const dropped = random() < DROPOUT;
      const rangeNoise = RANGE_NOISE * gaussian(random);
      const intensityNoise = INTENSITY_NOISE * gaussian(random);
      if (dropped) continue;
      const lx = cosE[beam]! * ca,
        ly = cosE[beam]! * sa,
        lz = sinE[beam]!; // unit, LiDAR frame
      const dx = m[0]! * lx + m[1]! * ly + m[2]! * lz;
      const dy = m[4]! * lx + m[5]! * ly + m[6]! * lz;
      const dz = m[8]! * lx + m[9]! * ly + m[10]! * lz;
      castRay(world, index, setRay(ray, ox, oy, oz, dx, dy, dz), LIDAR_MAX_RANGE, hit);
      if (hit.prim === HIT_NONE) continue;
      const range = hit.t + rangeNoise;
      if (range > LIDAR_MAX_RANGE || range < MIN_RANGE) continue;
      resolveSurface(world, hit, ox + dx * hit.t, oy + dy * hit.t, oz + dz * hit.t, surface);
      const cosine = Math.abs(dx * hit.nx + dy * hit.ny + dz * hit.nz);
      // Diffuse surfaces fall off with the incidence cosine (softened: real sensors keep some return at grazing
      // angles); retro-reflectors return nearly the same at any angle.
      const falloff = surface.retro ? 0.85 + 0.15 * cosine : 0.3 + 0.7 * cosine;
      const value = surface.reflectivity * falloff + intensityNoise;
      positions[n * 3] = lx * range;
      positions[n * 3 + 1] = ly * range;
      positions[n * 3 + 2] = lz * range;
      intensity[n] = value < 0 ? 0 : value > 1 ? 1 : value;
      if (objectIds) objectIds[n] = surface.object;
      n++;
    }
  }
  const attributes: Record<string, Float32Array> = { intensity: intensity.slice(0, n) };
  if (objectIds) attributes.objectId = objectIds.slice(0, n);
  const out = positions.slice(0, n * 3);
  return { count: n, positions: out, attributes, bounds: boundsOf(out, n) };
}

function boundsOf(positions: Float32Array, n: number): Bounds {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      const v = positions[i * 3 + k]!;
      if (v < min[k]!) min[k] = v;
      if (v > max[k]!) max[k] = v;
    }
  }
  return n > 0 ? { min, max } : { min: [0, 0, 0], max: [0, 0, 0] };
}
