import { BufferAttribute, BufferGeometry, Matrix4, Points, PointsNodeMaterial } from 'three/webgpu';
import { attribute, clamp, float, mix, positionWorld, uniform, vec3 } from 'three/tsl';
import type { PointCloud } from '../core/model/point-cloud';
import type { Mat4 } from '../core/math/mat4';

export type PointColorMode = 'height' | 'intensity';

/** A three.js matrix from our row-major `targetFromSource` array (Matrix4.set takes row-major arguments). */
export function toMatrix4(m: Mat4): Matrix4 {
  return new Matrix4().set(
    ...(m.slice(0, 16) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ]),
  );
}

/** Height ramp in ego metres: blue on the ground, green at car height, warm above. */
const groundZ = uniform(-0.3);
const topZ = uniform(3.5);

function heightColor() {
  const t = clamp(positionWorld.z.sub(groundZ).div(topZ.sub(groundZ)), 0, 1);
  const low = mix(vec3(0.15, 0.35, 0.95), vec3(0.2, 0.9, 0.45), clamp(t.mul(2), 0, 1));
  return mix(low, vec3(1.0, 0.55, 0.15), clamp(t.mul(2).sub(1), 0, 1));
}

function intensityColor() {
  const i = clamp(attribute('intensity', 'float'), 0, 1);
  return mix(vec3(0.25, 0.25, 0.3), vec3(1.0, 0.95, 0.6), i.pow(float(0.6)));
}

/**
 * One LiDAR sweep as one draw. The cloud stays in its sensor frame; the object's matrix is `egoFromLidar`.
 * Colours are computed in the shader, so a colour change uploads nothing.
 */
export class PointsLayer {
  readonly object: Points;
  #geometry = new BufferGeometry();
  #materials: Record<PointColorMode, PointsNodeMaterial>;

  constructor() {
    const height = new PointsNodeMaterial();
    height.colorNode = heightColor();
    const intensity = new PointsNodeMaterial();
    intensity.colorNode = intensityColor();
    this.#materials = { height, intensity };
    this.object = new Points(this.#geometry, height);
    this.object.matrixAutoUpdate = false;
    this.object.frustumCulled = false;
  }

  setCloud(cloud: PointCloud | undefined, egoFromLidar: Mat4 | undefined): void {
    this.#geometry.dispose();
    this.#geometry = new BufferGeometry();
    if (cloud) {
      this.#geometry.setAttribute('position', new BufferAttribute(cloud.positions, 3));
      const intensity = cloud.attributes['intensity'] ?? new Float32Array(cloud.count);
      this.#geometry.setAttribute('intensity', new BufferAttribute(intensity, 1));
      this.#geometry.setDrawRange(0, cloud.count);
    }
    this.object.geometry = this.#geometry;
    if (egoFromLidar) this.object.matrix.copy(toMatrix4(egoFromLidar));
    this.object.matrixWorldNeedsUpdate = true;
  }

  setColorMode(mode: PointColorMode): void {
    this.object.material = this.#materials[mode];
  }

  dispose(): void {
    this.#geometry.dispose();
    Object.values(this.#materials).forEach((m) => m.dispose());
  }
}
