import { describe, expect, it } from 'vitest';
import { StaticDrawUsage, type BufferAttribute } from 'three/webgpu';
import { PointsLayer } from '../../../src/render/points-layer';
import type { PointCloud } from '../../../src/core/model/point-cloud';

function cloud(count: number, offset: number): PointCloud {
  const positions = new Float32Array(count * 3).map((_, i) => i + offset);
  const intensity = new Float32Array(count).map((_, i) => (i % 10) / 10);
  return { count, positions, attributes: { intensity }, bounds: { min: [0, 0, 0], max: [1, 1, 1] } };
}

describe('PointsLayer', () => {
  it('reuses its buffers for a sweep that fits, uploading only the used range', () => {
    const layer = new PointsLayer();
    layer.setCloud(cloud(1000, 0), undefined);
    const position = layer.object.geometry.getAttribute('position');
    expect(layer.capacity).toBe(1250);
    layer.setCloud(cloud(800, 5), undefined);
    expect(layer.object.geometry.getAttribute('position')).toBe(position);
    expect(Array.from(position.array.slice(0, 3))).toEqual([5, 6, 7]);
    expect(layer.object.geometry.drawRange.count).toBe(800);
    expect((position as unknown as { updateRanges: { start: number; count: number }[] }).updateRanges).toEqual([
      { start: 0, count: 2400 },
    ]);
    expect(layer.object.visible).toBe(true);
    // Dynamic usage would make three.js re-upload the whole buffer on every draw while only the camera moves.
    expect((position as BufferAttribute).usage).toBe(StaticDrawUsage);
  });

  it('grows for a bigger sweep and draws nothing without one', () => {
    const layer = new PointsLayer();
    layer.setCloud(cloud(1000, 0), undefined);
    const position = layer.object.geometry.getAttribute('position');
    layer.setCloud(cloud(2000, 0), undefined);
    expect(layer.object.geometry.getAttribute('position')).not.toBe(position);
    expect(layer.capacity).toBe(2500);
    layer.setCloud(undefined, undefined);
    expect(layer.object.visible).toBe(false);
    expect(layer.object.geometry.drawRange.count).toBe(0);
  });
});
