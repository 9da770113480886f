import { BufferGeometry, Float32BufferAttribute, LineBasicNodeMaterial, LineSegments } from 'three/webgpu';

/** Range rings every 10 m around the ego origin, on the ego ground plane, so distances read at a glance. */
export function createRangeRings(maxRange = 80, step = 10, segments = 96): LineSegments {
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
  const material = new LineBasicNodeMaterial({ color: 0x2a3342 });
  const rings = new LineSegments(geometry, material);
  rings.frustumCulled = false;
  return rings;
}
