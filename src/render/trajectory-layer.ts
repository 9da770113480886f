import { BufferGeometry, Color, Float32BufferAttribute, LineBasicNodeMaterial, LineSegments } from 'three/webgpu';

export interface TrajectoryStyle {
  /** x y z per vertex, metres, ego frame of the frame shown. */
  path: readonly number[];
  /** Display sRGB, `#rrggbb`. */
  color: string;
}

/**
 * Paths through the drive: the vehicle's and each track's, as one line-segment draw. Rebuilt when the frame or
 * the labels change, and only while shown (a few thousand vertices at 150 tracks × 200 frames).
 */
export class TrajectoryLayer {
  readonly object: LineSegments;
  #material = new LineBasicNodeMaterial({ vertexColors: true });

  constructor() {
    this.object = new LineSegments(new BufferGeometry(), this.#material);
    this.object.frustumCulled = false;
    this.object.visible = false;
  }

  setPaths(paths: readonly TrajectoryStyle[]): void {
    const positions: number[] = [];
    const colors: number[] = [];
    const color = new Color();
    for (const { path, color: hex } of paths) {
      color.set(hex);
      for (let i = 3; i < path.length; i += 3) {
        positions.push(path[i - 3]!, path[i - 2]!, path[i - 1]!, path[i]!, path[i + 1]!, path[i + 2]!);
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
