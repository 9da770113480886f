import { BufferGeometry, Float32BufferAttribute, LineBasicNodeMaterial, LineSegments } from 'three/webgpu';

/** Ring colours, display sRGB: faint against the dark background, a mid grey against the light one. */
const RING_COLOR = { dark: 0x2a3342, light: 0xb4bcc8 } as const;

/**
 * Range rings every 10 m around the ego origin, on the ego ground plane, so distances read at a glance. One
 * line-segment draw; switching the background changes its colour uniform only.
 */
export class RangeRings {
  readonly object: LineSegments;
  #material = new LineBasicNodeMaterial({ color: RING_COLOR.dark });

  constructor(maxRange = 80, step = 10, segments = 96) {
    const positions: number[] = [];
    for (let r = step; r <= maxRange; r += step) {
      for (let i = 0; i < segments; i++) {
        const a0 = (i / segments) * Math.PI * 2;
        const a1 = ((i + 1) / segments) * Math.PI * 2;
        positions.push(r * Math.cos(a0), r * Math.sin(a0), 0, r * Math.cos(a1), r * Math.sin(a1), 0);
      }
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
    this.object = new LineSegments(geometry, this.#material);
    this.object.frustumCulled = false;
  }

  setLight(light: boolean): void {
    this.#material.color.setHex(light ? RING_COLOR.light : RING_COLOR.dark);
  }

  dispose(): void {
    this.object.geometry.dispose();
    this.#material.dispose();
  }
}
