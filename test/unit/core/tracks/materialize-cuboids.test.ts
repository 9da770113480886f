import { describe, expect, it } from 'vitest';
import type { Cuboid, TimeSegment, Track } from '../../../../src/core/model/labels';
import { materializeCuboids } from '../../../../src/core/tracks/materialize-cuboids';
import type { FrameTiming } from '../../../../src/core/tracks/frame-motion';
import { storedCuboid } from '../stored-cuboid';

const frames: FrameTiming[] = Array.from({ length: 6 }, (_, i) => ({ timestampUs: i * 100_000 }));
const track = (id: string): Track => ({ type: 'track', id, sceneId: 's', classId: 'car', attributes: {}, rigid: true });
const box = (trackId: string, frameIndex: number, x: number): Cuboid =>
  storedCuboid({ id: `${trackId}-${frameIndex}`, trackId, frameIndex, position: [x, 0, 0.8] });
const segment: TimeSegment = { type: 'segment', id: 'g', sceneId: 's', kind: 'braking', startFrame: 0, endFrame: 1, attributes: {} }; // prettier-ignore

describe('materializeCuboids', () => {
  it('gives a box on every frame between the first and last stored box of each track, by frame then track', () => {
    const out = materializeCuboids([track('b'), track('a'), box('a', 1, 0), box('a', 4, 3), box('b', 2, 9), segment], frames); // prettier-ignore
    expect(out.map((c) => `${c.frameIndex}:${c.id}`)).toEqual(['1:a-1', '2:b-2', '2:a@2', '3:a@3', '4:a-4']);
    const derived = out.find((c) => c.id === 'a@2')!;
    expect(derived).toMatchObject({ keyframe: false, source: { kind: 'interpolated' }, trackId: 'a' });
    expect(derived.position[0]).toBeCloseTo(1, 12);
  });

  it('leaves out frames past the end of the scene', () => {
    expect(materializeCuboids([track('a'), box('a', 9, 0)], frames)).toEqual([]);
  });
});
