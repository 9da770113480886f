import { describe, expect, it } from 'vitest';
import { LabelCollector, type ImportedBox } from '../../../../src/formats/labels/label-collector';

const box = (objectKey: string | undefined, className: string, frameIndex: number): ImportedBox => ({
  objectKey,
  className,
  frameIndex,
  position: [1, 2, 3],
  size: [4, 2, 1.5],
  yaw: 0,
  pitch: 0,
  roll: 0,
});

describe('LabelCollector', () => {
  it('groups boxes by object key into tracks with deterministic ids', () => {
    const labels = new LabelCollector('s', 'sustech', { kind: 'manual' });
    labels.add(box('7', 'Car', 0), 'a.json');
    labels.add(box(undefined, 'Pedestrian', 0), 'a.json');
    labels.add(box('7', 'Car', 1), 'b.json');
    expect(labels.tracks.map((t) => [t.id, t.classId, t.sceneId, t.type, t.rigid])).toEqual([
      ['s-t-0', 'car', 's', 'track', true],
      ['s-t-1', 'pedestrian', 's', 'track', true],
    ]);
    expect(labels.cuboids.map((c) => [c.id, c.trackId, c.frameIndex, c.type, c.keyframe])).toEqual([
      ['s-c-0', 's-t-0', 0, 'cuboid', true],
      ['s-c-1', 's-t-1', 0, 'cuboid', true],
      ['s-c-2', 's-t-0', 1, 'cuboid', true],
    ]);
    expect(labels.problems).toEqual([]);
  });

  it('reports an unknown class once, and an object whose class changes', () => {
    const labels = new LabelCollector('s', 'kitti', { kind: 'manual' });
    labels.add(box(undefined, 'Tram', 0), 'a.txt');
    labels.add(box(undefined, 'Tram', 1), 'b.txt');
    const sus = new LabelCollector('s', 'sustech', { kind: 'manual' });
    sus.add(box('3', 'Car', 0), 'a.json');
    sus.add(box('3', 'Truck', 1), 'b.json');
    expect(labels.problems).toEqual([{ path: 'a.txt', code: 'labels.class.unknown', message: "class Tram is not in the ontology; imported as 'tram'", values: { className: 'Tram', classId: 'tram' } }]); // prettier-ignore
    expect(sus.problems).toEqual([{ path: 'b.json', code: 'labels.class.changed', message: "object 3 is Truck here but 'car' before; kept 'car'", values: { object: '3', className: 'Truck', classId: 'car' } }]); // prettier-ignore
  });
});
