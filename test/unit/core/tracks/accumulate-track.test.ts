import { describe, expect, it } from 'vitest';
import {
  boxToBox,
  carryBoxPoints,
  gatherMargin,
  joinTrackParts,
  sampleEvenly,
  type BoxFrame,
} from '../../../../src/core/tracks/accumulate-track';
import { carryPose, egoFromEgo, type FrameTiming } from '../../../../src/core/tracks/frame-motion';
import { fromPose, invertRigid, multiply, transformPoint, type Vec3 } from '../../../../src/core/math/mat4';
import { markInside } from '../../../../src/core/fit/points-near-box';
import type { PointCloud } from '../../../../src/core/model/point-cloud';

const SIZE: Vec3 = [4.4, 1.8, 1.5];
/** A LiDAR on the roof, x right and y forward (as nuScenes' LIDAR_TOP): ego = rotate +90° about z, lift 1.8 m. */
const EGO_FROM_LIDAR = fromPose([0.9, 0, 1.8], Math.PI / 2);

/** Points on the surface of a box-shaped car, box frame (u forward, v left, w up), just inside its faces. */
function carSurface(): Vec3[] {
  const out: Vec3[] = [];
  const [hl, hw, hh] = SIZE.map((s) => 0.49 * s) as [number, number, number];
  for (let i = 0; i <= 20; i++) {
    for (let j = 0; j <= 8; j++) {
      const a = -1 + (2 * i) / 20,
        b = -1 + (2 * j) / 8;
      out.push([a * hl, hw, b * hh], [a * hl, -hw, b * hh], [hl, a * hw, b * hh], [a * hl, b * hw, hh]);
    }
  }
  return out;
}

/** The drive: the ego moves 1.5 m a frame turning 2° a frame; the car ahead drives a bend, turning 5° a frame. */
const FRAMES: FrameTiming[] = Array.from({ length: 12 }, (_, i) => ({
  timestampUs: i * 100_000,
  worldFromEgo: fromPose([1.5 * i, 0.05 * i * i, 0], (2 * Math.PI * i) / 180),
}));
const carWorld = (i: number) => ({ position: [15 + 1.2 * i, 3 + 0.3 * i, 0.75] as Vec3, yaw: (5 * Math.PI * i) / 180 });

/** Frame i's sweep in the LiDAR frame (the car, a strip of ground round it, a wall far off) and the car's box. */
function frameAt(i: number): { cloud: PointCloud; box: BoxFrame; carPoints: number } {
  const egoFromWorld = invertRigid(FRAMES[i]!.worldFromEgo!);
  const world = carWorld(i);
  // Seen from frame i's ego: the world pose less the ego's (its yaw is 2° a frame).
  const position = transformPoint(egoFromWorld, world.position);
  const yaw = world.yaw - (2 * Math.PI * i) / 180;
  const box: BoxFrame = { position, size: SIZE, yaw, pitch: 0, roll: 0 };
  const egoFromBox = fromPose(position, yaw);
  const lidarFromEgo = invertRigid(EGO_FROM_LIDAR);
  const points: Vec3[] = carSurface().map((p) => transformPoint(multiply(lidarFromEgo, egoFromBox), p));
  const carPoints = points.length;
  for (let x = -4; x <= 4; x += 0.5) {
    for (let y = -3; y <= 3; y += 0.5) {
      points.push(transformPoint(multiply(lidarFromEgo, egoFromBox), [x, y, -SIZE[2] / 2 - 0.02]));
    }
  }
  for (let k = 0; k < 50; k++) points.push(transformPoint(lidarFromEgo, [-20, -10 + 0.4 * k, 1]));
  const positions = new Float32Array(points.flat());
  const cloud: PointCloud = {
    count: points.length,
    positions,
    attributes: {},
    bounds: { min: [0, 0, 0], max: [0, 0, 0] },
  };
  return { cloud, box, carPoints };
}

describe('carryBoxPoints', () => {
  it("lines up a moving, turning car's points from every frame inside the reference box", () => {
    const frames = Array.from({ length: 12 }, (_, i) => frameAt(i));
    const reference = frames[5]!.box;
    const margin = gatherMargin(SIZE);
    const parts = frames.map((f, i) => ({
      frameIndex: i,
      boxId: `b${i}`,
      xyz: carryBoxPoints(f.cloud, EGO_FROM_LIDAR, f.box, reference, margin),
    }));
    const cloud = joinTrackParts(parts);
    const inside = new Uint8Array(cloud.count);
    const carTotal = frames.reduce((n, f) => n + f.carPoints, 0);
    // Every car point of every frame lands in the reference box; the ground under it and the wall do not.
    expect(markInside(cloud, { ...reference }, inside)).toBe(carTotal);
    expect(cloud.count).toBeGreaterThan(carTotal);
    expect(cloud.samples.map((s) => s.frameIndex)).toEqual([...Array(12).keys()]);
    // The wall 20 m behind never comes near the car.
    for (let i = 0; i < cloud.count; i++) {
      const d = Math.hypot(cloud.xyz[3 * i]! - reference.position[0], cloud.xyz[3 * i + 1]! - reference.position[1]);
      expect(d).toBeLessThan(Math.hypot(SIZE[0] / 2 + margin, SIZE[1] / 2 + margin) + 1e-3);
    }
  });

  it('with the box itself as the reference, leaves the points where they were in the ego frame', () => {
    const { cloud, box } = frameAt(0);
    const xyz = carryBoxPoints(cloud, EGO_FROM_LIDAR, box, box, 0.5);
    const egoOf = (i: number) =>
      transformPoint(EGO_FROM_LIDAR, [
        cloud.positions[3 * i]!,
        cloud.positions[3 * i + 1]!,
        cloud.positions[3 * i + 2]!,
      ]);
    const first = egoOf(0);
    expect(xyz[0]).toBeCloseTo(first[0], 4);
    expect(xyz[1]).toBeCloseTo(first[1], 4);
    expect(xyz[2]).toBeCloseTo(first[2], 4);
  });

  it('agrees with the ego motion for a car parked in the world', () => {
    // A parked car: box-to-box equals the ego-to-ego transform of the frames.
    const parked = { position: [20, -4, 0.75] as Vec3, yaw: 0.3 };
    const seen = (i: number): BoxFrame => {
      const pose = carryPose(parked, FRAMES, i, 0);
      return { position: pose.position, yaw: pose.yaw, size: SIZE, pitch: 0, roll: 0 };
    };
    const m = boxToBox(seen(7), seen(2));
    const e = egoFromEgo(FRAMES, 7, 2)!;
    m.forEach((v, k) => expect(v).toBeCloseTo(e[k]!, 9));
  });
});

describe('sampleEvenly', () => {
  it('keeps all when few, else spreads evenly with both ends', () => {
    expect(sampleEvenly([1, 2, 3], 30)).toEqual([1, 2, 3]);
    const many = [...Array(100).keys()];
    const picked = sampleEvenly(many, 30);
    expect(picked).toHaveLength(30);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(99);
    expect(new Set(picked).size).toBe(30);
    const gaps = picked.slice(1).map((v, i) => v - picked[i]!);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });
});

describe('joinTrackParts', () => {
  it('puts the parts one after another and says where each starts', () => {
    const a = new Float32Array([1, 2, 3, 4, 5, 6]);
    const b = new Float32Array([7, 8, 9]);
    const joined = joinTrackParts([
      { frameIndex: 4, boxId: 'x', xyz: a },
      { frameIndex: 9, boxId: 'y', xyz: b },
    ]);
    expect(joined.count).toBe(3);
    expect([...joined.xyz]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(joined.samples).toEqual([
      { frameIndex: 4, boxId: 'x', start: 0, count: 2 },
      { frameIndex: 9, boxId: 'y', start: 2, count: 1 },
    ]);
  });
});
