import { BufferGeometry, Points, PointsNodeMaterial, Sprite } from 'three/webgpu';
import { attribute, instancedBufferAttribute, uniform } from 'three/tsl';
import { attributeStride, type PointCloud } from '../core/model/point-cloud';
import type { Mat4 } from '../core/math/mat4';
import type { BoxPose } from '../core/fit/index';
import { modeColor, PointColorUniforms, type FloatNode, type PointColorMode } from './point-colors';
import { BoxSelection, type SelectionVariant } from './box-selection';
import { layoutOf, PointBuffers, sameLayout, type PointLayout } from './point-buffers';
import { toMatrix4 } from './to-matrix4';

export type { PointColorMode } from './point-colors';

/** The largest of `count` values `stride` apart: one pass, no allocation. */
function maxOf(values: Float32Array, count: number, stride: number): number {
  let max = 0;
  for (let i = 0, end = count * stride; i < end; i += stride) if (values[i]! > max) max = values[i]!;
  return max;
}

/**
 * One LiDAR sweep as one draw. The cloud stays in its sensor frame; the object's matrix is `egoFromLidar`.
 * Colours, the selected box's highlight and isolation are computed in the shader from uniforms, so changing
 * them uploads nothing per point (the first draw that reads intensity or labels after they changed uploads
 * that one attribute, once). The buffers are kept between frames: a sweep that fits is copied into them (an
 * interleaved sweep's records with one `set`, drawn through strided attributes) and only its range is
 * uploaded; they grow (with headroom) only when a bigger sweep arrives, and are made anew for another layout.
 *
 * Two draws read those buffers: `object` (point primitives, always one pixel: WebGPU has no larger points)
 * and `sprites` (one instanced square a point, for sizes above one pixel). Only one of them is visible.
 */
export class PointsLayer {
  readonly object: Points;
  readonly sprites: Sprite;
  readonly colors = new PointColorUniforms();
  readonly selection = new BoxSelection();
  #geometry = new BufferGeometry();
  #buffers: PointBuffers | undefined;
  #mode: PointColorMode = 'height';
  #size = uniform(1);
  #count = 0;
  /** Materials by mode and selection variant for point primitives; sprite materials read the current buffers
   * and go when they grow. */
  #pointMaterials = new Map<string, PointsNodeMaterial>();
  #spriteMaterials = new Map<string, PointsNodeMaterial>();

  constructor() {
    this.object = new Points(this.#geometry, this.#material('height', 'off', false));
    this.sprites = new Sprite(this.#material('height', 'off', true));
    for (const o of [this.object, this.sprites]) {
      o.matrixAutoUpdate = false;
      o.frustumCulled = false;
      o.visible = false;
    }
  }

  /** Points the current buffers can hold without growing. */
  get capacity(): number {
    return this.#buffers?.capacity ?? 0;
  }

  setCloud(cloud: PointCloud | undefined, egoFromLidar: Mat4 | undefined): void {
    const count = cloud?.count ?? 0;
    if (cloud && count > 0) {
      const layout = layoutOf(cloud);
      if (count > this.capacity || !sameLayout(layout, this.#buffers!.layout)) {
        this.#grow(Math.ceil(count * 1.25), layout);
      }
      const buffers = this.#buffers!;
      const { stride } = layout;
      // The records from their first value (x's offset back), or the packed x y z: one copy either way.
      const first = cloud.interleaved?.records ?? cloud.positions;
      buffers.records.set(first.subarray(0, count * stride));
      buffers.markUpload('records', count);
      const values = cloud.attributes['intensity'];
      if (layout.intensity === undefined) {
        if (values) buffers.intensity.set(values.subarray(0, count));
        else buffers.intensity.fill(0, 0, count);
        buffers.markUpload('intensity', count);
      }
      const max = values ? maxOf(values, count, attributeStride(cloud)) : 0;
      this.colors.intensityScale.value = 1 / Math.max(1e-6, max);
    }
    // The label buffer still describes the previous sweep: ignored until labels for this one are painted.
    this.colors.labelsValid.value = 0;
    this.#count = count;
    this.#geometry.setDrawRange(0, count);
    this.sprites.count = count;
    this.#updateVisibility();
    for (const o of [this.object, this.sprites]) {
      if (egoFromLidar) o.matrix.copy(toMatrix4(egoFromLidar));
      o.matrixWorldNeedsUpdate = true;
    }
  }

  /**
   * The class colour of each point's box, packed (see `packColor`), in the cloud's point order; undefined when
   * no point is in a box (nothing is uploaded then). Called when labels change, never per drag step.
   */
  setPointLabels(values: Float32Array | undefined): void {
    if (!values || !this.#buffers || this.#count === 0) {
      this.colors.labelsValid.value = 0;
      return;
    }
    this.#buffers.labels.set(values.subarray(0, this.#count));
    this.#buffers.markUpload('label', this.#count);
    this.colors.labelsValid.value = 1;
  }

  setColorMode(mode: PointColorMode): void {
    this.#mode = mode;
    this.#useMaterials();
  }

  /** Draw the points inside the selected box in its class colour. */
  setHighlight(on: boolean): void {
    this.selection.highlight.value = on ? 1 : 0;
    this.#useMaterials();
  }

  /** Draw only the points round the selected box (nothing changes while none is selected). */
  setIsolate(on: boolean): void {
    this.selection.isolate = on;
    this.#useMaterials();
  }

  #useMaterials(): void {
    const variant = this.selection.variantFor(this.#mode);
    this.object.material = this.#material(this.#mode, variant, false);
    this.sprites.material = this.#material(this.#mode, variant, true);
  }

  /** Point size in CSS pixels: 1 draws point primitives; larger sizes draw the instanced squares. */
  setPointSize(pixels: number): void {
    this.#size.value = pixels;
    this.#updateVisibility();
  }

  /** A drag step changes uniforms only; selecting or deselecting may switch to the shader with the test. */
  setSelectedBox(box: BoxPose | undefined, color: string): void {
    this.selection.set(box, color);
    this.#useMaterials();
  }

  #updateVisibility(): void {
    const sprite = this.#size.value > 1;
    this.object.visible = this.#count > 0 && !sprite;
    this.sprites.visible = this.#count > 0 && sprite;
  }

  #material(mode: PointColorMode, variant: SelectionVariant, sprite: boolean): PointsNodeMaterial {
    const cache = sprite ? this.#spriteMaterials : this.#pointMaterials;
    const key = `${mode}/${variant}`;
    let material = cache.get(key);
    if (material) return material;
    material = new PointsNodeMaterial();
    const buffers = this.#buffers;
    // A sprite reads each point's values per instance; a point primitive per vertex, by attribute name.
    const read = (name: 'intensity' | 'label'): FloatNode =>
      sprite && buffers ? (instancedBufferAttribute(buffers.instanced[name]) as FloatNode) : attribute(name, 'float');
    material.colorNode = this.selection.colorNode(mode, modeColor(mode, this.colors, read), variant);
    if (sprite) {
      if (buffers) material.positionNode = instancedBufferAttribute(buffers.instanced.position);
      material.sizeNode = this.#size;
      material.sizeAttenuation = false;
      material.transparent = false;
    }
    cache.set(key, material);
    return material;
  }

  #grow(points: number, layout: PointLayout): void {
    this.#geometry.dispose();
    this.#geometry = new BufferGeometry();
    const buffers = (this.#buffers = new PointBuffers(points, layout));
    for (const name of ['position', 'intensity', 'label'] as const) {
      this.#geometry.setAttribute(name, buffers.vertex[name]);
    }
    this.object.geometry = this.#geometry;
    // Sprite materials hold the old buffers: build them again on the new ones.
    this.#spriteMaterials.forEach((m) => m.dispose());
    this.#spriteMaterials.clear();
    this.#useMaterials();
  }

  dispose(): void {
    this.#geometry.dispose();
    [...this.#pointMaterials.values(), ...this.#spriteMaterials.values()].forEach((m) => m.dispose());
  }
}
