import { describe, expect, it } from 'vitest';
import { fromPose } from '../../../src/core/math/mat4';
import type { Cuboid } from '../../../src/core/model/labels';
import type { Frame } from '../../../src/core/model/scene';
import { countTrackStructure, emptyCounts, structureOf } from '../../accuracy/reference-structure';
import { storedCuboid } from '../core/stored-cuboid';

const box = (frameIndex: number, x: number, y: number): Cuboid => storedCuboid({ frameIndex, position: [x, y, 0] });

describe('how a reference lies along its tracks', () => {
  it('finds boxes filled in by straight lines in the vehicle frame, and the corners a person placed', () => {
    // The vehicle turns (0.1 rad a frame) while driving; the boxes are straight in its frame from 0 to 4 and
    // from 4 to 8, so frame 4 is the only corner.
    const frames = Array.from({ length: 9 }, (_, i) => ({
      timestampUs: i * 100_000,
      worldFromEgo: fromPose([i, 0, 0], 0.1 * i),
    })) as unknown as Frame[];
    const boxes = Array.from({ length: 9 }, (_, i) => (i <= 4 ? box(i, 10 + i, 0) : box(i, 14, i - 4)));
    const counts = emptyCounts();
    const placed = countTrackStructure(frames, boxes, counts);
    expect([...placed]).toEqual([4]);
    expect(structureOf(counts)).toEqual({ triples: 7, collinearInVehicleFrame: 0.857, collinearInWorld: 0 });
  });

  it('counts no triple across a frame the track skips', () => {
    const frames = Array.from({ length: 5 }, (_, i) => ({ timestampUs: i, worldFromEgo: fromPose([0, 0, 0], 0) }));
    const counts = emptyCounts();
    countTrackStructure(frames as unknown as Frame[], [box(0, 0, 0), box(1, 1, 0), box(3, 5, 0)], counts);
    expect(counts.triples).toBe(0);
  });
});
