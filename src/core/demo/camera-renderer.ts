import { invertRigid, multiply } from '../math/mat4';
import { unprojectPixel } from '../geometry/projection';
import type { CameraSensor } from '../model/scene';
import { frameTimeOf, type DemoDrive } from './drive';
import { roadFromEgoAt } from './ego-motion';
import { buildFrameWorld } from './frame-world';
import { createRay, createRayHit, HIT_GROUND, HIT_NONE, setRay } from './intersect';
import { buildRayIndex } from './ray-index';
import { castRay } from './ray-cast';
import { createSurface, resolveSurface } from './surface';

export interface CameraRender {
  width: number;
  height: number;
  /** Row-major RGBA, 8 bits a channel, opaque. */
  rgba: Uint8ClampedArray;
  /** Per pixel: the ground-truth object index (stable across frames), or −1 for none. */
  objectIds: Int32Array;
}

/** Farthest surface the camera resolves, metres; beyond it is sky. */
const FAR = 600;
/** Unit vector towards the sun, road frame (high in the south-west sky). */
const SUN = normalise([-0.35, 0.45, 0.82]);
const HORIZON: [number, number, number] = [0.78, 0.83, 0.88];
const ZENITH: [number, number, number] = [0.33, 0.52, 0.82];

function normalise(v: [number, number, number]): [number, number, number] {
  const l = Math.hypot(...v);
  return [v[0] / l, v[1] / l, v[2] / l];
}

/** Unit directions of every pixel's ray in the EGO frame, through the lens model (cached per drive). */
function egoRays(drive: DemoDrive, camera: CameraSensor): Float32Array {
  const cached = drive.rayCache.get(camera.id);
  if (cached) return cached;
  const m = invertRigid(camera.cameraFromEgo); // egoFromCamera
  const rays = new Float32Array(camera.width * camera.height * 3);
  for (let v = 0; v < camera.height; v++) {
    for (let u = 0; u < camera.width; u++) {
      const [x, y, z] = unprojectPixel(camera, u, v);
      const l = Math.hypot(x, y, z);
      const i = (v * camera.width + u) * 3;
      rays[i] = (m[0]! * x + m[1]! * y + m[2]! * z) / l;
      rays[i + 1] = (m[4]! * x + m[5]! * y + m[6]! * z) / l;
      rays[i + 2] = (m[8]! * x + m[9]! * y + m[10]! * z) / l;
    }
  }
  drive.rayCache.set(camera.id, rays);
  return rays;
}

/** Cheap deterministic texture noise in [−1, 1] from a 2D cell (for asphalt and slabs). */
function grain(x: number, y: number): number {
  let h = Math.imul(Math.floor(x * 6) | 0, 0x27d4eb2d) ^ Math.imul(Math.floor(y * 6) | 0, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return ((h ^ (h >>> 13)) & 0xffff) / 32768 - 1;
}

/**
 * Ray-traces the camera's view of the frame: Lambert shading under a fixed sun plus sky light, a sky gradient,
 * and haze with distance. The same world and ray caster as the LiDAR, so both agree on what is where.
 */
export function renderCamera(drive: DemoDrive, frameIndex: number, cameraId: string): CameraRender {
  const camera = drive.scene.cameras.find((c) => c.id === cameraId);
  if (!camera) throw new Error(`Unknown demo camera: ${cameraId}`);
  const t = frameTimeOf(drive, frameIndex);
  const roadFromEgo = roadFromEgoAt(drive.ego, t);
  const roadFromCamera = multiply(roadFromEgo, invertRigid(camera.cameraFromEgo));
  const [ox, oy, oz] = [roadFromCamera[3]!, roadFromCamera[7]!, roadFromCamera[11]!];
  const world = buildFrameWorld(drive.staticWorld, drive.objects, t);
  const index = buildRayIndex(world, ox, oy);
  const rays = egoRays(drive, camera);
  const r = roadFromEgo;
  const pixels = camera.width * camera.height;
  const rgba = new Uint8ClampedArray(pixels * 4);
  const objectIds = new Int32Array(pixels);
  const ray = createRay();
  const hit = createRayHit();
  const surface = createSurface();
  for (let p = 0; p < pixels; p++) {
    const ex = rays[p * 3]!,
      ey = rays[p * 3 + 1]!,
      ez = rays[p * 3 + 2]!;
    const dx = r[0]! * ex + r[1]! * ey + r[2]! * ez;
    const dy = r[4]! * ex + r[5]! * ey + r[6]! * ez;
    const dz = r[8]! * ex + r[9]! * ey + r[10]! * ez;
    castRay(world, index, setRay(ray, ox, oy, oz, dx, dy, dz), FAR, hit);
    let red: number, green: number, blue: number;
    if (hit.prim === HIT_NONE) {
      const s = Math.sqrt(Math.max(0, dz));
      red = HORIZON[0] + (ZENITH[0] - HORIZON[0]) * s;
      green = HORIZON[1] + (ZENITH[1] - HORIZON[1]) * s;
      blue = HORIZON[2] + (ZENITH[2] - HORIZON[2]) * s;
      objectIds[p] = -1;
    } else {
      const x = ox + dx * hit.t,
        y = oy + dy * hit.t;
      resolveSurface(world, hit, x, y, oz + dz * hit.t, surface);
      const sun = Math.max(0, hit.nx * SUN[0] + hit.ny * SUN[1] + hit.nz * SUN[2]);
      let light = 0.42 + 0.1 * hit.nz + 0.6 * sun;
      if (hit.prim === HIT_GROUND) light *= 1 + 0.06 * grain(x, y);
      const haze = 1 - Math.exp(-hit.t / 450);
      red = surface.r * light * (1 - haze) + HORIZON[0] * haze;
      green = surface.g * light * (1 - haze) + HORIZON[1] * haze;
      blue = surface.b * light * (1 - haze) + HORIZON[2] * haze;
      objectIds[p] = surface.object;
    }
    rgba[p * 4] = red * 255;
    rgba[p * 4 + 1] = green * 255;
    rgba[p * 4 + 2] = blue * 255;
    rgba[p * 4 + 3] = 255;
  }
  return { width: camera.width, height: camera.height, rgba, objectIds };
}
