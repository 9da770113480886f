import { describe, expect, it } from 'vitest';
import { StaticDrawUsage, type BufferAttribute, type InterleavedBufferAttribute } from 'three/webgpu';
import { PointsLayer } from '../../../src/render/points-layer';
import type { PointCloud } from '../../../src/core/model/point-cloud';

function cloud(count: number, offset: number): PointCloud {
  const positions = new Float32Array(count * 3).map((_, i) => i + offset);
  const intensity = new Float32Array(count).map((_, i) => (i % 10) / 10);
  return { count, positions, attributes: { intensity }, bounds: { min: [0, 0, 0], max: [1, 1, 1] } };
}

/** KITTI-style records, x y z intensity, value k of the records = k + offset (intensity 3 + offset, 7 + …). */
function records(count: number, offset: number, stride = 4): PointCloud {
  const values = new Float32Array(count * stride).map((_, i) => i + offset);
  const attributes = { intensity: values.subarray(3) };
  const bounds = { min: [0, 0, 0] as [number, number, number], max: [1, 1, 1] as [number, number, number] };
  return { count, positions: values, attributes, bounds, interleaved: { records: values, stride } };
}

/** The buffer behind a strided attribute: its update ranges, usage and version live there. */
const dataOf = (a: unknown) =>
  (a as InterleavedBufferAttribute).data as unknown as {
    array: Float32Array;
    stride: number;
    usage: number;
    version: number;
    updateRanges: { start: number; count: number }[];
  };

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
    expect(dataOf(position).updateRanges).toEqual([{ start: 0, count: 2400 }]);
    expect(layer.object.visible).toBe(true);
    // Dynamic usage would make three.js re-upload the whole buffer on every draw while only the camera moves.
    expect(dataOf(position).usage).toBe(StaticDrawUsage);
  });

  it('draws interleaved records through strided attributes of one buffer, copied in with their stride', () => {
    const layer = new PointsLayer();
    layer.setCloud(records(1000, 0), undefined);
    const geometry = layer.object.geometry;
    const [position, intensity] = [geometry.getAttribute('position'), geometry.getAttribute('intensity')];
    expect(dataOf(position)).toBe(dataOf(intensity));
    expect(dataOf(position).stride).toBe(4);
    expect([(position as InterleavedBufferAttribute).offset, (intensity as InterleavedBufferAttribute).offset]).toEqual(
      [0, 3],
    );
    layer.setCloud(records(800, 10), undefined);
    expect(geometry.getAttribute('position')).toBe(position);
    // Point 1: x y z at values 4, 5, 6 of the records, intensity at 7 (the cloud's values plus 10).
    expect([position.getX(1), position.getY(1), position.getZ(1)]).toEqual([14, 15, 16]);
    expect(intensity.getX(1)).toBe(17);
    expect(dataOf(position).updateRanges).toEqual([{ start: 0, count: 3200 }]);
    expect(1 / layer.colors.intensityScale.value).toBe(3 + 10 + 4 * 799);
    // Another layout (nuScenes' five values a point, or packed x y z) makes the buffers anew.
    layer.setCloud(records(800, 0, 5), undefined);
    expect(dataOf(layer.object.geometry.getAttribute('position')).stride).toBe(5);
    layer.setCloud(cloud(800, 0), undefined);
    expect(dataOf(layer.object.geometry.getAttribute('position')).stride).toBe(3);
    expect('isInterleavedBufferAttribute' in layer.object.geometry.getAttribute('intensity')).toBe(false);
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
    ['position', 'intensity', 'label'].map((n) => {
      const a = layer.object.geometry.getAttribute(n);
      return 'isInterleavedBufferAttribute' in a ? dataOf(a).version : a.version;
    });

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
    const instanced = layer.sprites.material as unknown as { positionNode: { value: InterleavedBufferAttribute } };
    expect(instanced.positionNode.value.array.buffer).toBe(vertex.array.buffer);
    expect(
      (instanced.positionNode.value.data as unknown as { isInstancedInterleavedBuffer: boolean })
        .isInstancedInterleavedBuffer,
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
