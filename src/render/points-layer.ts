import { BufferAttribute, BufferGeometry, Matrix4, Points, PointsNodeMaterial } from 'three/webgpu';
import { attribute, clamp, mix, positionWorld, uniform, vec3 } from 'three/tsl';
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

/** Height ramp in ego metres, in display colours: blue on the ground, green at car height, warm above. */
const groundZ = uniform(-0.3);
const topZ = uniform(3.5);

function heightColor() {
  const t = clamp(positionWorld.z.sub(groundZ).div(topZ.sub(groundZ)), 0, 1);
  const low = mix(vec3(0.42, 0.63, 0.98), vec3(0.48, 0.95, 0.7), clamp(t.mul(2), 0, 1));
  return mix(low, vec3(1.0, 0.77, 0.42), clamp(t.mul(2).sub(1), 0, 1));
}

/** 1 / the sweep's largest intensity: datasets differ (KITTI 0–1, nuScenes 0–255). */
const intensityScale = uniform(1);

/**
 * Dark to warm white, in display colours. The square root spreads the low end, where asphalt sits, so paint,
 * plates and signs stand out without the road going black.
 */
function intensityColor() {
  const i = clamp(attribute('intensity', 'float').mul(intensityScale), 0, 1);
  return mix(vec3(0.1, 0.11, 0.14), vec3(1.0, 0.88, 0.55), i.sqrt());
}

/** The largest value of an attribute: one pass, no allocation. */
function maxOf(values: Float32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/**
 * One LiDAR sweep as one draw. The cloud stays in its sensor frame; the object's matrix is `egoFromLidar`.
 * Colours are computed in the shader, so a colour change uploads nothing. The GPU buffers are kept between
 * frames: a sweep that fits is copied into them and only its range is uploaded; they grow (with headroom)
 * only when a bigger sweep arrives.
 */
export class PointsLayer {
  readonly object: Points;
  #geometry = new BufferGeometry();
  #positions: BufferAttribute | undefined;
  #intensity: BufferAttribute | undefined;
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
    this.object.visible = false;
  }

  /** Points the current buffers can hold without growing. */
  get capacity(): number {
    return this.#intensity?.count ?? 0;
  }

  setCloud(cloud: PointCloud | undefined, egoFromLidar: Mat4 | undefined): void {
    const count = cloud?.count ?? 0;
    if (cloud && count > 0) {
      if (count > this.capacity) this.#grow(Math.ceil(count * 1.25));
      const positions = this.#positions!;
      const intensity = this.#intensity!;
      (positions.array as Float32Array).set(cloud.positions.subarray(0, count * 3));
      const values = cloud.attributes['intensity'];
      if (values) (intensity.array as Float32Array).set(values.subarray(0, count));
      else (intensity.array as Float32Array).fill(0, 0, count);
      intensityScale.value = 1 / Math.max(1e-6, maxOf(values ?? new Float32Array(0)));
      for (const [attribute, size] of [
        [positions, 3],
        [intensity, 1],
      ] as const) {
        attribute.clearUpdateRanges();
        attribute.addUpdateRange(0, count * size);
        attribute.needsUpdate = true;
      }
    }
    this.#geometry.setDrawRange(0, count);
    // An empty geometry has no position attribute to bind: draw nothing until a sweep arrives.
    this.object.visible = count > 0;
    if (egoFromLidar) this.object.matrix.copy(toMatrix4(egoFromLidar));
    this.object.matrixWorldNeedsUpdate = true;
  }

  #grow(points: number): void {
    this.#geometry.dispose();
    this.#geometry = new BufferGeometry();
    // Static usage on purpose: three.js re-uploads every dynamic attribute on every draw, even when only the
    // camera moved. A new sweep is uploaded through needsUpdate and its update range instead.
    this.#positions = new BufferAttribute(new Float32Array(points * 3), 3);
    this.#intensity = new BufferAttribute(new Float32Array(points), 1);
    this.#geometry.setAttribute('position', this.#positions);
    this.#geometry.setAttribute('intensity', this.#intensity);
    this.object.geometry = this.#geometry;
  }

  setColorMode(mode: PointColorMode): void {
    this.object.material = this.#materials[mode];
  }

  dispose(): void {
    this.#geometry.dispose();
    Object.values(this.#materials).forEach((m) => m.dispose());
  }
}
