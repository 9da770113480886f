import { BufferAttribute, InstancedBufferAttribute } from 'three/webgpu';

export type PointAttribute = 'position' | 'intensity' | 'label';
type AttributeSet = Record<PointAttribute, BufferAttribute>;

const ITEM_SIZE: Record<PointAttribute, number> = { position: 3, intensity: 1, label: 1 };

/**
 * The CPU side of the sweep's GPU buffers, kept between frames: x y z (sensor frame, metres), intensity, and the
 * packed class colour of each point's box. Each array is wrapped twice over the SAME memory: as vertex
 * attributes for point primitives and as instanced attributes for the sprite squares of larger points (three.js
 * takes the step mode from the attribute object). No copy on the CPU; three.js uploads a wrapper's buffer only
 * when a draw reads it, so the path not on screen costs nothing until it is shown, and then one upload.
 */
export class PointBuffers {
  readonly capacity: number;
  readonly vertex: AttributeSet;
  readonly instanced: AttributeSet;

  constructor(points: number) {
    this.capacity = points;
    const arrays = {
      position: new Float32Array(points * 3),
      intensity: new Float32Array(points),
      label: new Float32Array(points),
    };
    const wrap = (make: (a: Float32Array, size: number) => BufferAttribute): AttributeSet => ({
      position: make(arrays.position, 3),
      intensity: make(arrays.intensity, 1),
      label: make(arrays.label, 1),
    });
    // Static usage on purpose: three.js re-uploads every dynamic attribute on every draw, even when only the
    // camera moved. New values go up through needsUpdate and an update range instead.
    this.vertex = wrap((a, size) => new BufferAttribute(a, size));
    this.instanced = wrap((a, size) => new InstancedBufferAttribute(a, size));
  }

  array(name: PointAttribute): Float32Array {
    return this.vertex[name].array as Float32Array;
  }

  /** Marks the first `points` values of an attribute for upload, for whichever path draws it next. */
  markUpload(name: PointAttribute, points: number): void {
    for (const attribute of [this.vertex[name], this.instanced[name]]) {
      attribute.clearUpdateRanges();
      attribute.addUpdateRange(0, points * ITEM_SIZE[name]);
      attribute.needsUpdate = true;
    }
  }
}
