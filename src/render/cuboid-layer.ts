import { BufferGeometry, Color, Float32BufferAttribute, LineBasicNodeMaterial, LineSegments } from 'three/webgpu';
import { CUBOID_EDGES, cuboidCorners } from '../core/geometry/cuboid';
import type { Cuboid } from '../core/model/labels';

export interface CuboidStyle {
  color: string;
  selected: boolean;
}

/**
 * Every cuboid of the frame as one line-segment draw: 12 edges plus a cross on the front face so the heading
 * reads at a glance. Rebuilt when labels change (a few hundred boxes at most), never per rendered frame.
 */
export class CuboidLayer {
  readonly object: LineSegments;
  #material = new LineBasicNodeMaterial({ vertexColors: true });

  constructor() {
    this.object = new LineSegments(new BufferGeometry(), this.#material);
    this.object.frustumCulled = false;
    this.object.visible = false;
  }

  setCuboids(cuboids: readonly Cuboid[], styleOf: (c: Cuboid) => CuboidStyle): void {
    const positions: number[] = [];
    const colors: number[] = [];
    const color = new Color();
    for (const c of cuboids) {
      const { color: hex, selected } = styleOf(c);
      color.set(selected ? '#ffffff' : hex);
      const corners = cuboidCorners(c);
      const segments = [...CUBOID_EDGES, [0, 5], [1, 4]] as const;
      for (const [a, b] of segments) {
        positions.push(...corners[a]!, ...corners[b]!);
        colors.push(color.r, color.g, color.b, color.r, color.g, color.b);
      }
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
    geometry.setAttribute('color', new Float32BufferAttribute(colors, 3));
    this.object.geometry.dispose();
    this.object.geometry = geometry;
    this.object.visible = positions.length > 0;
  }

  dispose(): void {
    this.object.geometry.dispose();
    this.#material.dispose();
  }
}
