import { describe, expect, it } from 'vitest';
import { estimateTrackSize, type TrackSizePart } from '../../../../src/core/fit/estimate-track-size';
import { identity, type Vec3 } from '../../../../src/core/math/mat4';
import type { Cuboid } from '../../../../src/core/model/labels';
import { boxToBox, carryBoxPoints, gatherMargin } from '../../../../src/core/tracks/accumulate-track';
import { makeCloud, sampleCar, sampleGround, sampleVisibleFaces } from './synthetic-scene';

/** The car every frame sees: 4.4 × 1.8 m, 1.5 m tall (body from 0.2 m, cabin to 1.5 m), standing on z = 0. */
const TRUE_SIZE: Vec3 = [4.4, 1.8, 1.5];
const SENSOR: Vec3 = [0, 0, 1.9];

/** The track's box on a frame: the car's true pose there with the track's present (wrong) size. */
function boxAt(x: number, y: number, size: Vec3, frameIndex: number): Cuboid {
  return { type: 'cuboid', id: `b${frameIndex}`, sceneId: 's', trackId: 't', frameIndex, position: [x, y, size[2] / 2], size, yaw: 0, pitch: 0, roll: 0, attributes: {}, keyframe: true, source: { kind: 'manual' } }; // prettier-ignore
}

/** One frame: the car at (x, y) seen from the sensor at the origin, the road round it, and `extra` points. */
function partAt(box: Cuboid, reference: Cuboid, step: number, extra: number[] = []): TrackSizePart {
  const [x, y] = box.position;
  const car = sampleCar([x, y], 0, 0, SENSOR, step, [TRUE_SIZE[0], TRUE_SIZE[1]]);
  const road = sampleGround(
    30,
    0.25,
    () => 0,
    (gx, gy) => Math.abs(gx - x) < 2.2 && Math.abs(gy - y) < 0.9,
  );
  const xyz = car.concat(extra, road);
  const cloud = makeCloud(xyz);
  const carried = carryBoxPoints(cloud, identity(), box, reference, gatherMargin(box.size));
  const m = boxToBox(reference, box);
  return { xyz: carried, sensor: [m[3]!, m[7]!, m[11]!] };
}

describe('estimateTrackSize', () => {
  const small: Vec3 = [3.8, 1.6, 1.3];

  it('sizes a car seen from behind, beside and ahead, however small its box was', () => {
    const boxes = [boxAt(12, 0, small, 0), boxAt(0, 8, small, 1), boxAt(-12, 0, small, 2)];
    const reference = boxes[1]!;
    const parts = boxes.map((b) => partAt(b, reference, 0.08));
    const estimate = estimateTrackSize(parts, reference)!;
    expect(estimate.frames).toBe(3);
    estimate.size.forEach((v, i) => expect(Math.abs(v - TRUE_SIZE[i]!)).toBeLessThan(0.1));
    // The car's centre sits 0.1 m above the small box's (1.5 m tall from the same ground against 1.3 m).
    expect(Math.abs(estimate.offset[0])).toBeLessThan(0.1);
    expect(Math.abs(estimate.offset[1])).toBeLessThan(0.1);
    expect(estimate.offset[2]).toBeCloseTo((TRUE_SIZE[2] - small[2]) / 2, 1);
    // Only the car's points count: neither the road nor anything else round it.
    const carPoints = boxes.reduce((n, b) => n + sampleCar([b.position[0], b.position[1]], 0, 0, SENSOR, 0.08, [4.4, 1.8]).length / 3, 0); // prettier-ignore
    expect(estimate.points).toBeGreaterThan(0.8 * carPoints);
    expect(estimate.points).toBeLessThanOrEqual(carPoints);
  });

  it('never moves a face no frame saw inwards: a car only ever seen from behind keeps its box’s front', () => {
    const long: Vec3 = [4.8, 1.6, 1.3];
    const boxes = [boxAt(10, 0, long, 0), boxAt(16, 0, long, 1), boxAt(22, 0, long, 2)];
    const estimate = estimateTrackSize(boxes.map((b) => partAt(b, boxes[0]!, 0.08)), boxes[0]!)!; // prettier-ignore
    // The rear is where the points say (the car is 4.4 m long, centred where its box is), the front stays.
    const rear = estimate.offset[0] - estimate.size[0] / 2;
    const front = estimate.offset[0] + estimate.size[0] / 2;
    expect(rear).toBeCloseTo(-2.2, 1);
    expect(front).toBeCloseTo(2.4, 9);
    expect(Math.abs(estimate.size[1] - 1.8)).toBeLessThan(0.1);
  });

  it('asked afresh, leaves the box out: the roof seen from behind gives the length, not the box’s front', () => {
    const long: Vec3 = [5.2, 2, 1.3];
    const boxes = [boxAt(10, 0, long, 0), boxAt(16, 0, long, 1)];
    const estimate = estimateTrackSize(boxes.map((b) => partAt(b, boxes[0]!, 0.08)), boxes[0]!, { afresh: true })!; // prettier-ignore
    // The sensor, above the roof, sees it to the front: 4.4 m, spanning most of the class's 4.5 m, is taken whole.
    expect(estimate.offset[0] - estimate.size[0] / 2).toBeCloseTo(-2.2, 1);
    expect(estimate.size[0]).toBeCloseTo(4.4, 1);
    expect(Math.abs(estimate.size[1] - 1.8)).toBeLessThan(0.1);
  });

  it('outvotes something beside the car on one frame only (a cyclist passing), and a parked neighbour', () => {
    const boxes = [boxAt(12, 0, small, 0), boxAt(0, 8, small, 1), boxAt(-12, 0, small, 2)];
    const reference = boxes[1]!;
    // A cyclist 0.2 m off the car's left side on frame 1, 1.8 m tall: it joins the car's cluster there.
    const cyclist = sampleVisibleFaces({ position: [0, 8 + 0.9 + 0.2 + 0.3, 0.9], size: [1.7, 0.6, 1.8], yaw: 0 }, SENSOR, 0.05); // prettier-ignore
    // A parked car 1 m ahead of ours on every frame: a cluster of its own.
    const neighbour = (b: Cuboid) => sampleCar([b.position[0] + 5.4, b.position[1]], 0, 0, SENSOR, 0.08);
    const parts = boxes.map((b, i) => partAt(b, reference, 0.08, [...(i === 1 ? cyclist : []), ...neighbour(b)]));
    const estimate = estimateTrackSize(parts, reference)!;
    estimate.size.forEach((v, i) => expect(Math.abs(v - TRUE_SIZE[i]!)).toBeLessThan(0.1));
  });

  it('says nothing from fewer than 10 of the object’s points', () => {
    const box = boxAt(12, 0, small, 0);
    const part = partAt(box, box, 0.08);
    expect(estimateTrackSize([{ ...part, xyz: part.xyz.subarray(0, 27) }], box)).toBeUndefined();
    expect(estimateTrackSize([], box)).toBeUndefined();
  });
});
