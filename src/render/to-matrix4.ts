import { Matrix4 } from 'three/webgpu';
import type { Mat4 } from '../core/math/mat4';

/** A three.js matrix from our row-major `targetFromSource` array (Matrix4.set takes row-major arguments). */
export function toMatrix4(m: Mat4): Matrix4 {
  const [a, b, c, d, e, f, g, h, i, j, k, l, n, o, p, q] = m as [
    number, number, number, number, number, number, number, number,
    number, number, number, number, number, number, number, number,
  ]; // prettier-ignore
  return new Matrix4().set(a, b, c, d, e, f, g, h, i, j, k, l, n, o, p, q);
}
