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

describe('PointsLayer display options', () => {
  const versions = (layer: PointsLayer) =>
    ['position', 'intensity', 'label'].map((n) => (layer.object.geometry.getAttribute(n) as BufferAttribute).version);

  it('changes colour mode, point size, selection, highlight and isolation without marking any buffer', () => {
    const layer = new PointsLayer();
    layer.setCloud(cloud(1000, 0), undefined);
    const before = versions(layer);
    for (const mode of ['intensity', 'distance', 'label', 'height'] as const) layer.setColorMode(mode);
    layer.setSelectedBox({ position: [1, 2, 0], size: [4, 2, 1.5], yaw: 0.5 }, '#f59e0b');
    layer.setHighlight(false);
    layer.setIsolate(true);
    layer.setPointSize(3);
    expect(versions(layer)).toEqual(before);
    expect(layer.selection.active.value).toBe(1);
    expect(layer.selection.halfSize.value.toArray()).toEqual([2, 1, 0.75]);
    layer.setSelectedBox(undefined, '#ffffff');
    expect(layer.selection.active.value).toBe(0);
  });

  it('draws sizes above one pixel as instanced squares over the very same memory', () => {
    const layer = new PointsLayer();
    layer.setCloud(cloud(1000, 0), undefined);
    expect([layer.object.visible, layer.sprites.visible]).toEqual([true, false]);
    layer.setPointSize(2);
    expect([layer.object.visible, layer.sprites.visible]).toEqual([false, true]);
    expect(layer.sprites.count).toBe(1000);
    const vertex = layer.object.geometry.getAttribute('position');
    const instanced = layer.sprites.material as unknown as { positionNode: { value: BufferAttribute } };
    expect(instanced.positionNode.value.array.buffer).toBe(vertex.array.buffer);
    expect(
      (instanced.positionNode.value as unknown as { isInstancedBufferAttribute: boolean }).isInstancedBufferAttribute,
    ).toBe(true);
    layer.setPointSize(1);
    expect([layer.object.visible, layer.sprites.visible]).toEqual([true, false]);
  });

  it('uploads label colours only when they are given, and forgets them with a new sweep', () => {
    const layer = new PointsLayer();
    layer.setCloud(cloud(1000, 0), undefined);
    const label = layer.object.geometry.getAttribute('label') as BufferAttribute;
    const version = label.version;
    layer.setPointLabels(undefined);
    expect(label.version).toBe(version);
    expect(layer.colors.labelsValid.value).toBe(0);
    layer.setPointLabels(new Float32Array(1000).fill(7));
    expect(label.version).toBe(version + 1);
    expect((label as unknown as { updateRanges: unknown[] }).updateRanges).toEqual([{ start: 0, count: 1000 }]);
    expect(layer.colors.labelsValid.value).toBe(1);
    layer.setCloud(cloud(900, 0), undefined);
    expect(layer.colors.labelsValid.value).toBe(0);
  });

  it('compiles the per-point box test in only while a selected box needs it', () => {
    const layer = new PointsLayer();
    const plain = layer.object.material;
    layer.setSelectedBox({ position: [1, 2, 0], size: [4, 2, 1.5], yaw: 0 }, '#f59e0b');
    const tested = layer.object.material;
    expect(tested).not.toBe(plain);
    layer.setHighlight(false);
    expect(layer.object.material).toBe(plain);
    layer.setIsolate(true);
    expect(layer.object.material).not.toBe(plain);
    expect(layer.object.material).not.toBe(tested);
    layer.setSelectedBox(undefined, '#ffffff');
    expect(layer.object.material).toBe(plain);
    // In label mode the selected box's points take its class colour even without highlighting.
    layer.setIsolate(false);
    layer.setColorMode('label');
    const labelPlain = layer.object.material;
    layer.setSelectedBox({ position: [1, 2, 0], size: [4, 2, 1.5], yaw: 0 }, '#f59e0b');
    expect(layer.object.material).not.toBe(labelPlain);
  });
});
