import { Matrix4, type Camera } from 'three/webgpu';
import { transformPoint, type Mat4 } from '../core/math/mat4';
import { positionStride, type PointCloud } from '../core/model/point-cloud';

/**
 * The ego-frame position of the sweep point a camera draws nearest a pixel (`pickCloudPoint`), or undefined where
 * none is within reach. `at` is the pixel within the view and the view's size.
 */
export function pickEgoPoint(
  camera: Camera,
  at: { x: number; y: number; width: number; height: number },
  cloud: PointCloud,
  egoFromLidar: Mat4,
): [number, number, number] | undefined {
  camera.updateMatrixWorld();
  const egoFromSensor = new Matrix4().set(...(egoFromLidar as Parameters<Matrix4['set']>));
  const clip = new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse).multiply(egoFromSensor); // prettier-ignore
  const i = pickCloudPoint(cloud, clip.elements, at);
  if (i === undefined) return undefined;
  const o = i * positionStride(cloud);
  const p = cloud.positions;
  return transformPoint(egoFromLidar, [p[o]!, p[o + 1]!, p[o + 2]!]);
}

/**
 * The sweep point drawn nearest a pixel: the index of the point whose projection falls within `maxPixels` of
 * (x, y) in a view of `width` × `height` pixels, the nearest to the eye among those within a pixel of the best.
 * `clipFromSensor` is column-major (three.js `Matrix4.elements`): projection × view × egoFromSensor. One pass over
 * the points on a click, no index: a sweep of 120k points takes a few milliseconds.
 */
export function pickCloudPoint(
  cloud: Pick<PointCloud, 'positions' | 'count' | 'interleaved'>,
  clipFromSensor: ArrayLike<number>,
  at: { x: number; y: number; width: number; height: number },
  maxPixels = 8,
): number | undefined {
  const m = clipFromSensor;
  const stride = positionStride(cloud);
  const p = cloud.positions;
  let best: number | undefined;
  let bestDistance = maxPixels;
  let bestDepth = Infinity;
  for (let i = 0; i < cloud.count; i++) {
    const o = i * stride;
    const x = p[o]!;
    const y = p[o + 1]!;
    const z = p[o + 2]!;
    const w = m[3]! * x + m[7]! * y + m[11]! * z + m[15]!;
    if (w <= 0) continue;
    const px = (((m[0]! * x + m[4]! * y + m[8]! * z + m[12]!) / w + 1) / 2) * at.width;
    const py = ((1 - (m[1]! * x + m[5]! * y + m[9]! * z + m[13]!) / w) / 2) * at.height;
    const distance = Math.hypot(px - at.x, py - at.y);
    if (distance > maxPixels) continue;
    // Among points about as near the pointer, the one in front is the one the person sees.
    const depth = (m[2]! * x + m[6]! * y + m[10]! * z + m[14]!) / w;
    if (distance < bestDistance - 1 || (distance <= bestDistance + 1 && depth < bestDepth)) {
      best = i;
      bestDistance = Math.min(distance, bestDistance);
      bestDepth = depth;
    }
  }
  return best;
}
