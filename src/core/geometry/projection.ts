import { transformPoint, type Vec3 } from '../math/mat4';
import type { CameraSensor, Distortion } from '../model/scene';

/**
 * Camera projection and unprojection for a `CameraSensor` (OpenCV axes: x right, y down, z forward, metres).
 * Pixel coordinates follow OpenCV: (0, 0) is the centre of the top-left pixel. Pure, allocation-light, no DOM.
 */

/** Points closer than this in front of the camera (metres along z) do not project. */
const MIN_DEPTH = 1e-6;
/** Iterative undistortion stops after this many steps even when not converged. */
const MAX_ITERATIONS = 50;
/** Convergence threshold in normalised image units (about 1e-12 px at any focal length we meet). */
const TOLERANCE = 1e-15;

/** Projects a point in the ego frame to `[u, v, depth]` (pixels, pixels, metres), or undefined when behind. */
export function projectEgoPoint(camera: CameraSensor, pEgo: Vec3): [number, number, number] | undefined {
  return projectCameraPoint(camera, transformPoint(camera.cameraFromEgo, pEgo));
}

/** Projects a point in the camera frame to `[u, v, depth]`, or undefined when depth ≤ 1e-6 m. */
export function projectCameraPoint(camera: CameraSensor, pCam: Vec3): [number, number, number] | undefined {
  const [x, y, z] = pCam;
  if (!(z > MIN_DEPTH)) return undefined;
  const [xd, yd] = distortNormalized(camera.distortion, x / z, y / z);
  const { fx, fy, cx, cy, skew } = camera.intrinsics;
  return [fx * xd + skew * yd + cx, fy * yd + cy, z];
}

/** The ray through pixel (u, v) as a camera-frame direction scaled to z = 1, with the distortion undone. */
export function unprojectPixel(camera: CameraSensor, u: number, v: number): [number, number, number] {
  const { fx, fy, cx, cy, skew } = camera.intrinsics;
  const yd = (v - cy) / fy;
  const xd = (u - cx - skew * yd) / fx;
  const [x, y] = undistortNormalized(camera.distortion, xd, yd);
  return [x, y, 1];
}

/** Applies the lens model to ideal normalised coordinates (x/z, y/z). */
export function distortNormalized(d: Distortion, x: number, y: number): [number, number] {
  switch (d.model) {
    case 'none':
      return [x, y];
    case 'radtan': {
      const r2 = x * x + y * y;
      const radial = 1 + r2 * (d.k1 + r2 * (d.k2 + r2 * d.k3));
      return [
        x * radial + 2 * d.p1 * x * y + d.p2 * (r2 + 2 * x * x),
        y * radial + d.p1 * (r2 + 2 * y * y) + 2 * d.p2 * x * y,
      ];
    }
    case 'fisheye': {
      const r = Math.hypot(x, y);
      if (r < 1e-12) return [x, y];
      const theta = Math.atan(r);
      const scale = fisheyeTheta(d, theta) / r;
      return [x * scale, y * scale];
    }
  }
}

/** Inverts `distortNormalized`: Newton's method for both models (quadratic convergence, a handful of steps). */
export function undistortNormalized(d: Distortion, xd: number, yd: number): [number, number] {
  switch (d.model) {
    case 'none':
      return [xd, yd];
    case 'radtan':
      return undistortRadtan(d, xd, yd);
    case 'fisheye':
      return undistortFisheye(d, xd, yd);
  }
}

type Radtan = Extract<Distortion, { model: 'radtan' }>;
type Fisheye = Extract<Distortion, { model: 'fisheye' }>;

/** Kannala-Brandt: distorted angle θ_d = θ(1 + k1θ² + k2θ⁴ + k3θ⁶ + k4θ⁸), radians. */
function fisheyeTheta(d: Fisheye, theta: number): number {
  const t2 = theta * theta;
  return theta * (1 + t2 * (d.k1 + t2 * (d.k2 + t2 * (d.k3 + t2 * d.k4))));
}

function undistortRadtan(d: Radtan, xd: number, yd: number): [number, number] {
  let x = xd;
  let y = yd;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const r2 = x * x + y * y;
    const radial = 1 + r2 * (d.k1 + r2 * (d.k2 + r2 * d.k3));
    const dRadial = d.k1 + r2 * (2 * d.k2 + 3 * d.k3 * r2); // ∂radial/∂r²
    const ex = x * radial + 2 * d.p1 * x * y + d.p2 * (r2 + 2 * x * x) - xd;
    const ey = y * radial + d.p1 * (r2 + 2 * y * y) + 2 * d.p2 * x * y - yd;
    // Jacobian of the distortion map at (x, y).
    const jxx = radial + 2 * x * x * dRadial + 2 * d.p1 * y + 6 * d.p2 * x;
    const jxy = 2 * x * y * dRadial + 2 * d.p1 * x + 2 * d.p2 * y;
    const jyy = radial + 2 * y * y * dRadial + 6 * d.p1 * y + 2 * d.p2 * x;
    const det = jxx * jyy - jxy * jxy;
    if (Math.abs(det) < 1e-300) break;
    const sx = (jyy * ex - jxy * ey) / det;
    const sy = (jxx * ey - jxy * ex) / det;
    x -= sx;
    y -= sy;
    if (Math.abs(sx) + Math.abs(sy) < TOLERANCE) break;
  }
  return [x, y];
}

function undistortFisheye(d: Fisheye, xd: number, yd: number): [number, number] {
  const thetaD = Math.hypot(xd, yd);
  if (thetaD < 1e-12) return [xd, yd];
  let theta = thetaD;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const t2 = theta * theta;
    const slope = 1 + t2 * (3 * d.k1 + t2 * (5 * d.k2 + t2 * (7 * d.k3 + t2 * 9 * d.k4)));
    const step = (fisheyeTheta(d, theta) - thetaD) / slope;
    theta -= step;
    if (Math.abs(step) < TOLERANCE) break;
  }
  // Rays at or beyond 90° have no z = 1 representation; clamp just inside.
  theta = Math.min(Math.max(theta, 0), Math.PI / 2 - 1e-9);
  const scale = Math.tan(theta) / thetaD;
  return [xd * scale, yd * scale];
}
