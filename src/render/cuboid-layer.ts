import { BufferGeometry, Color, Float32BufferAttribute, LineBasicNodeMaterial, LineSegments } from 'three/webgpu';
import { CUBOID_EDGES, cuboidCorners } from '../core/geometry/cuboid';
import type { Cuboid } from '../core/model/labels';

export interface CuboidStyle {
  color: string;
  selected: boolean;
  /** An interpolated box, not stored: drawn dimmer than the keyframes it comes from. */
  derived?: boolean;
  /** A pre-label nobody has confirmed yet: drawn with dashed edges until it is. */
  pending?: boolean;
}

/** Dash and gap along a pending pre-label's edges, metres: visible on a car at 40 m, plainly not a solid box. */
const DASH = 0.3,
  GAP = 0.2;

/**
 * Every cuboid of the frame as one line-segment draw: 12 edges plus a cross on the front face so the heading
 * reads at a glance. Rebuilt when labels change (a few hundred boxes at most), never per rendered frame.
 */
export class CuboidLayer {
  readonly object: LineSegments;
  #material = new LineBasicNodeMaterial({ vertexColors: true });
  #isolated = false;
  /** The selected box's outline: white on the dark background, near-black on the light one. */
  #selectedColor = '#ffffff';
  #last: { cuboids: readonly Cuboid[]; styleOf: (c: Cuboid) => CuboidStyle } | undefined;

  constructor() {
    this.object = new LineSegments(new BufferGeometry(), this.#material);
    this.object.frustumCulled = false;
    this.object.visible = false;
  }

  setCuboids(cuboids: readonly Cuboid[], styleOf: (c: Cuboid) => CuboidStyle): void {
    this.#last = { cuboids, styleOf };
    const positions: number[] = [];
    const colors: number[] = [];
    const color = new Color();
    // Isolated, only the selected box is drawn; with none selected, isolation changes nothing.
    const isolate = this.#isolated && cuboids.some((c) => styleOf(c).selected);
    for (const c of cuboids) {
      const { color: hex, selected, derived, pending } = styleOf(c);
      if (isolate && !selected) continue;
      color.set(selected ? this.#selectedColor : hex);
      if (derived) color.multiplyScalar(0.5);
      const corners = cuboidCorners(c);
      const segments = [...CUBOID_EDGES, [0, 5], [1, 4]] as const;
      for (const [a, b] of segments) {
        const pieces = pending ? dashes(corners[a]!, corners[b]!) : [corners[a]!, corners[b]!];
        positions.push(...pieces.flat());
        for (let k = 0; k < pieces.length; k++) colors.push(color.r, color.g, color.b);
      }
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
    geometry.setAttribute('color', new Float32BufferAttribute(colors, 3));
    this.object.geometry.dispose();
    this.object.geometry = geometry;
    this.object.visible = positions.length > 0;
  }

  setLight(light: boolean): void {
    const next = light ? '#111827' : '#ffffff';
    if (next === this.#selectedColor) return;
    this.#selectedColor = next;
    if (this.#last) this.setCuboids(this.#last.cuboids, this.#last.styleOf);
  }

  /** Draws only the selected box while on. */
  setIsolated(on: boolean): void {
    if (on === this.#isolated) return;
    this.#isolated = on;
    if (this.#last) this.setCuboids(this.#last.cuboids, this.#last.styleOf);
  }

  dispose(): void {
    this.object.geometry.dispose();
    this.#material.dispose();
  }
}

/** An edge from `a` to `b` as dashes: segment end points, two per dash. */
function dashes(a: readonly number[], b: readonly number[]): number[][] {
  const length = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!);
  const at = (t: number) => a.map((v, i) => v + (b[i]! - v) * t);
  const out: number[][] = [];
  for (let s = 0; s < length; s += DASH + GAP) out.push(at(s / length), at(Math.min(s + DASH, length) / length));
  return out;
}
