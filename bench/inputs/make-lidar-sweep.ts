import { createRandom as createSeededRandom } from '../../src/core/math/random';

/** A synthetic sweep as columns: positions x y z (metres, sensor frame), intensity 0–1, ring 0…rings-1. */
export interface LidarSweep {
  count: number;
  positions: Float32Array;
  intensity: Float32Array;
  ring: Float32Array;
}

/** Sensor height above the ground, metres (KITTI's Velodyne sits at about 1.73 m). */
const SENSOR_HEIGHT = 1.73;
/** Elevation span of the beams, degrees, as on an HDL-64E. */
const LOWEST_BEAM = -24.8;
const HIGHEST_BEAM = 2;

/**
 * Makes a spinning-LiDAR-like sweep of exactly `count` points: beams fire ring after ring around the azimuth;
 * downward beams hit a ground plane, the rest hit walls and objects 3–80 m away, with centimetre noise. The
 * values matter because LZF's ratio and a float decoder's speed both depend on realistic mantissas. No point
 * is NaN or at (0, 0, 0), so every reader keeps all of them and decoded values can be compared one to one.
 */
export function makeLidarSweep(count: number, seed = 1): LidarSweep {
  const random = createSeededRandom(seed);
  const rings = count >= 500_000 ? 128 : 64;
  const columns = Math.ceil(count / rings);
  const positions = new Float32Array(count * 3);
  const intensity = new Float32Array(count);
  const ring = new Float32Array(count);
  // An object (car, pole, wall) spans a few azimuth columns; redraw its range when a column leaves it.
  let objectRange = 20;
  let objectUntil = 0;
  for (let i = 0; i < count; i++) {
    const beam = i % rings;
    const column = Math.floor(i / rings);
    if (beam === 0 && column >= objectUntil) {
      objectRange = 3 + random() * 77;
      objectUntil = column + 1 + Math.floor(random() * columns * 0.01);
    }
    const azimuth = (column / columns) * 2 * Math.PI;
    const elevation = ((LOWEST_BEAM + ((HIGHEST_BEAM - LOWEST_BEAM) * beam) / (rings - 1)) * Math.PI) / 180;
    const groundRange = elevation < 0 ? SENSOR_HEIGHT / Math.tan(-elevation) : Infinity;
    const hitsGround = groundRange < objectRange;
    const range = Math.min(groundRange, objectRange) * (1 + (random() - 0.5) * 0.004);
    const horizontal = range * Math.cos(elevation);
    positions[i * 3] = horizontal * Math.cos(azimuth);
    positions[i * 3 + 1] = horizontal * Math.sin(azimuth);
    positions[i * 3 + 2] = range * Math.sin(elevation);
    // Sensors report reflectance quantized to 8 bits; the ground is darker than painted metal.
    const reflectance = hitsGround ? 0.05 + random() * 0.2 : 0.1 + random() * 0.9;
    intensity[i] = Math.round(reflectance * 255) / 255;
    ring[i] = beam;
  }
  return { count, positions, intensity, ring };
}
