import { multiply, type Mat4 } from '../math/mat4';
import type { CameraSensor } from '../model/scene';
import { distortNormalized } from './projection';

/**
 * Projects a LiDAR sweep into a camera image: writes (u, v, depth) triples (pixels, pixels, metres along the
 * optical axis) into `out` for the points in front of the camera and inside the image, and returns how many.
 * One pass with the combined `cameraFromLidar` transform; no allocation per point unless the lens is distorted.
 * `stride`: values from one point's x to the next one's in `positions` (a cloud's `positionStride`).
 */
export function projectCloud(
  camera: CameraSensor,
  egoFromLidar: Mat4,
  positions: Float32Array,
  count: number,
  out: Float32Array,
  minDepth = 0.5,
  stride = 3,
): number {
  const m = multiply(camera.cameraFromEgo, egoFromLidar);
  const { fx, fy, cx, cy, skew } = camera.intrinsics;
  const { width, height, distortion } = camera;
  const plain = distortion.model === 'none';
  let n = 0;
  for (let i = 0, j = 0; i < count && n * 3 + 2 < out.length; i++, j += stride) {
    const px = positions[j]!,
      py = positions[j + 1]!,
      pz = positions[j + 2]!;
    const z = m[8]! * px + m[9]! * py + m[10]! * pz + m[11]!;
    if (z < minDepth) continue;
    let x = (m[0]! * px + m[1]! * py + m[2]! * pz + m[3]!) / z;
    let y = (m[4]! * px + m[5]! * py + m[6]! * pz + m[7]!) / z;
    if (!plain) [x, y] = distortNormalized(distortion, x, y);
    const u = fx * x + skew * y + cx;
    const v = fy * y + cy;
    if (u < 0 || v < 0 || u >= width || v >= height) continue;
    out[n * 3] = u;
    out[n * 3 + 1] = v;
    out[n * 3 + 2] = z;
    n++;
  }
  return n;
}
