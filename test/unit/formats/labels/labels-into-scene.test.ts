import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LabelSet } from '../../../../src/core/model/label-set';
import type { Cuboid, Track } from '../../../../src/core/model/labels';
import { labelsIntoScene } from '../../../../src/formats/labels/labels-into-scene';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';

const KITTI_0003 = fileURLToPath(new URL('../../../../../shared/data/kitti-tracking-openlabel/openlabel100_kitti_tracking_0003.json', import.meta.url)); // prettier-ignore

const track = (id: string): Track => ({ type: 'track', id, sceneId: 'file', classId: 'car', attributes: {}, rigid: true }); // prettier-ignore
const box = (trackId: string, frameIndex: number, keyframe = true): Cuboid => ({
  type: 'cuboid', id: `${trackId}@${frameIndex}`, sceneId: 'file', trackId, frameIndex, position: [frameIndex, 0, 0.8],
  size: [4, 2, 1.5], yaw: 0, pitch: 0, roll: 0, attributes: {}, keyframe,
  source: keyframe ? { kind: 'manual' } : { kind: 'interpolated' },
}); // prettier-ignore

describe('labelsIntoScene', () => {
  it("adds a file's tracks and stored boxes to the scene, leaving out frames past its end and derived boxes", () => {
    const set = {
      scene: {} as LabelSet['scene'],
      tracks: [track('a'), track('b'), track('late')],
      cuboids: [box('a', 0), box('a', 1, false), box('a', 2), box('b', 1), box('late', 7), box('late', 9)],
      segments: [{ type: 'segment', id: 'seg', sceneId: 'file', trackId: 'a', kind: 'braking', startFrame: 1, endFrame: 8, attributes: {} }], // prettier-ignore
    } satisfies LabelSet;
    const into = labelsIntoScene(set, { id: 'scene-1', frameCount: 5 }, new Set(['a', 'a@0']), 'labels.json');
    const ids = into.patch.added.map((r) => r.id);
    // 'a' and 'a@0' are the user's own: the file's copies get a suffix and nothing is overwritten.
    expect(ids).toEqual(['a~2', 'b', 'a~2@0', 'a~2@2', 'b@1', 'seg']);
    expect(into.patch.added.every((r) => r.sceneId === 'scene-1')).toBe(true);
    expect(into.patch.added.find((r) => r.id === 'a~2@2')).toMatchObject({ trackId: 'a~2', frameIndex: 2 });
    expect(into.patch.added.find((r) => r.id === 'seg')).toMatchObject({ trackId: 'a~2', startFrame: 1, endFrame: 4 });
    expect([into.tracks, into.boxes]).toEqual([2, 3]);
    expect(into.problems.map((p) => [p.code, p.place])).toEqual([
      ['labels.frame.outside-scene', 'box late@7'],
      ['labels.frame.outside-scene', 'box late@9'],
    ]);
  });

  it('brings a real camera-frame OpenLABEL sequence into a shorter scene, upright', () => {
    const read = readOpenLabel(readFileSync(KITTI_0003, 'utf8'), 'seq.json');
    const into = labelsIntoScene(read.set, { id: 's', frameCount: 50 }, new Set(), 'seq.json');
    const boxes = into.patch.added.filter((r): r is Cuboid => r.type === 'cuboid');
    const inScene = read.set.cuboids.filter((c) => c.frameIndex < 50);
    expect(boxes).toHaveLength(inScene.length);
    expect(into.problems).toHaveLength(read.set.cuboids.length - inScene.length);
    for (const b of boxes) expect(Math.max(Math.abs(b.pitch), Math.abs(b.roll))).toBeLessThan(0.03);
  });
});
