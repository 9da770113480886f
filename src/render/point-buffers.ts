import {
  BufferAttribute,
  InstancedBufferAttribute,
  InstancedInterleavedBuffer,
  InterleavedBuffer,
  InterleavedBufferAttribute,
} from 'three/webgpu';
import { recordOffset, type PointCloud } from '../core/model/point-cloud';

export type PointAttribute = 'position' | 'intensity' | 'label';
type AttributeSet = Record<PointAttribute, BufferAttribute | InterleavedBufferAttribute>;

/**
 * How a sweep's values lie in the array uploaded for its positions: values a point, x's index among a point's
 * values, and intensity's, or undefined where intensity has an array of its own (packed clouds, and records
 * without an intensity: zeros).
 */
export interface PointLayout {
  stride: number;
  position: number;
  intensity: number | undefined;
}

/** A cloud's layout: its records' (KITTI: stride 4, x at 0, intensity at 3), or packed x y z (stride 3). */
export function layoutOf(cloud: PointCloud): PointLayout {
  const records = cloud.interleaved;
  if (!records) return { stride: 3, position: 0, intensity: undefined };
  const intensity = cloud.attributes['intensity'];
  return {
    stride: records.stride,
    position: recordOffset(records, cloud.positions),
    intensity: intensity && recordOffset(records, intensity),
  };
}

export function sameLayout(a: PointLayout, b: PointLayout): boolean {
  return a.stride === b.stride && a.position === b.position && a.intensity === b.intensity;
}

/**
 * The CPU side of the sweep's GPU buffers, kept between frames of one layout: `records` (the sweep's float32
 * records as read, or its packed x y z; sensor frame, metres), intensity where it is not in them, and the packed
 * class colour of each point's box. x y z and intensity are strided attributes of the records (three.js
 * `InterleavedBufferAttribute`: a vertex buffer layout with the records' stride on WebGPU, a strided
 * `vertexAttribPointer` on WebGL2), so a sweep goes in with one `set` and up as one buffer. Each array is
 * wrapped twice over the SAME memory: as vertex attributes for point primitives and as instanced attributes for
 * the sprite squares of larger points (three.js takes the step mode from the buffer object). No copy on the
 * CPU; three.js uploads a wrapper's buffer only when a draw reads it, so the path not on screen costs nothing
 * until it is shown, and then one upload.
 */
export class PointBuffers {
  readonly capacity: number;
  readonly layout: PointLayout;
  /** `capacity × layout.stride` values. */
  readonly records: Float32Array;
  /** Intensity when the records hold none (empty when they do). */
  readonly intensity: Float32Array;
  readonly labels: Float32Array;
  readonly vertex: AttributeSet;
  readonly instanced: AttributeSet;
  readonly #recordBuffers: InterleavedBuffer[];

  constructor(points: number, layout: PointLayout) {
    this.capacity = points;
    this.layout = layout;
    this.records = new Float32Array(points * layout.stride);
    this.intensity = new Float32Array(layout.intensity === undefined ? points : 0);
    this.labels = new Float32Array(points);
    // Static usage on purpose: three.js re-uploads every dynamic attribute on every draw, even when only the
    // camera moved. New values go up through needsUpdate and an update range instead.
    const vertexRecords = new InterleavedBuffer(this.records, layout.stride);
    const instancedRecords = new InstancedInterleavedBuffer(this.records, layout.stride);
    this.#recordBuffers = [vertexRecords, instancedRecords];
    const wrap = (records: InterleavedBuffer, make: (a: Float32Array) => BufferAttribute): AttributeSet => ({
      position: new InterleavedBufferAttribute(records, 3, layout.position),
      intensity:
        layout.intensity === undefined
          ? make(this.intensity)
          : new InterleavedBufferAttribute(records, 1, layout.intensity),
      label: make(this.labels),
    });
    this.vertex = wrap(vertexRecords, (a) => new BufferAttribute(a, 1));
    this.instanced = wrap(instancedRecords, (a) => new InstancedBufferAttribute(a, 1));
  }

  /**
   * Marks the first `points` points for upload, for whichever path draws next: of the records (x y z, and
   * intensity where they hold it), or of the intensity or label array.
   */
  markUpload(name: 'records' | 'intensity' | 'label', points: number): void {
    const targets =
      name === 'records'
        ? this.#recordBuffers
        : [this.vertex[name], this.instanced[name]].filter((a) => a instanceof BufferAttribute);
    const values = name === 'records' ? points * this.layout.stride : points;
    for (const target of targets) {
      target.clearUpdateRanges();
      target.addUpdateRange(0, values);
      target.needsUpdate = true;
    }
  }
}
