import { describe, expect, it } from 'vitest';
import { interpolateCuboid } from '../../../../src/core/tracks/interpolate';
import { carryPose, type FrameTiming } from '../../../../src/core/tracks/frame-motion';
import { fromPose, transformPoint } from '../../../../src/core/math/mat4';
import type { Cuboid } from '../../../../src/core/model/labels';
import { demoFigures, readCommittedResults } from '../../../accuracy/accuracy-results';
import { storedCuboid } from '../stored-cuboid';

const box = (frameIndex: number, x: number, yaw: number, size: [number, number, number] = [4, 2, 1.5]): Cuboid =>
  storedCuboid({ frameIndex, position: [x, 0, 0.75], size, yaw, attributes: { occluded: 'none' } });
const still = (n: number): FrameTiming[] => Array.from({ length: n }, (_, i) => ({ timestampUs: i * 100_000 }));

describe('interpolateCuboid', () => {
  it('turns across the ±π seam the short way round', () => {
    const a = box(0, 0, Math.PI - 0.1);
    const b = box(10, 10, -Math.PI + 0.1);
    const mid = interpolateCuboid(a, b, 5, still(11), { rigid: true });
    expect(Math.abs(Math.abs(mid.yaw) - Math.PI)).toBeLessThan(1e-9);
    expect(interpolateCuboid(a, b, 1, still(11), { rigid: true }).yaw).toBeCloseTo(Math.PI - 0.08, 9);
    expect(interpolateCuboid(a, b, 9, still(11), { rigid: true }).yaw).toBeCloseTo(-Math.PI + 0.08, 9);
  });

  it('blends positions by time, keeps a rigid size, blends a non-rigid one, marks the box derived', () => {
    const a = box(0, 0, 0);
    const b = box(4, 8, 0, [5, 2, 1.5]);
    // A dropped sweep: frame 2 was taken at 0.3 s, three quarters of the way to frame 4's 0.4 s.
    const frames: FrameTiming[] = [0, 1, 3, 3.5, 4].map((t) => ({ timestampUs: t * 100_000 }));
    const rigid = interpolateCuboid(a, b, 2, frames, { rigid: true });
    expect(rigid.position[0]).toBeCloseTo(6, 9);
    expect(rigid.size).toEqual([4, 2, 1.5]);
    const loose = interpolateCuboid(a, b, 2, frames, { rigid: false });
    expect(loose.size[0]).toBeCloseTo(4.75, 9);
    expect(rigid).toMatchObject({ id: 't@2', frameIndex: 2, keyframe: false, source: { kind: 'interpolated' } });
    expect(rigid.attributes).toEqual({ occluded: 'none' });
  });

  it('keeps a parked car still in the world while the ego drives and turns past it', () => {
    // The ego drives 2 m a frame along x while turning 3° a frame.
    const frames: FrameTiming[] = Array.from({ length: 11 }, (_, i) => ({
      timestampUs: i * 100_000,
      worldFromEgo: fromPose([2 * i, 0.1 * i * i, 0], (3 * Math.PI * i) / 180),
    }));
    const parkedWorld: [number, number, number] = [25, 4, 0.75];
    const seenFrom = (i: number): Cuboid => {
      const pose = carryPose(
        { position: parkedWorld, yaw: 0.4 },
        [{ timestampUs: 0, worldFromEgo: fromPose([0, 0, 0], 0) }, frames[i]!],
        1,
        0,
      );
      return { ...box(i, 0, 0), ...pose };
    };
    const mid = interpolateCuboid(seenFrom(0), seenFrom(10), 6, frames, { rigid: true });
    const world = transformPoint(frames[6]!.worldFromEgo!, mid.position);
    world.forEach((v, i) => expect(v).toBeCloseTo(parkedWorld[i]!, 9));
    expect(mid.yaw).toBeCloseTo(seenFrom(6).yaw, 9);
  });
});

describe('interpolation on the demo drive', () => {
  it('keyframes every 10 frames on each moving road user: the curve beats a straight line, which beats ignoring the ego motion', () => {
    const figures = demoFigures();
    const { all, moving } = figures;
    console.log(
      `demo interpolation (${figures.tracks} moving road users, ${all.boxes} boxes): curve ${all.curve} m, ` +
        `straight ${all.straight} m, vehicle-frame anchor ${all.anchor} m; where the vehicle moves ` +
        `(${moving.boxes} boxes): ${moving.curve} / ${moving.straight} / ${moving.anchor} m`,
    );
    expect(figures.tracks).toBeGreaterThanOrEqual(15);
    expect(moving.boxes).toBeGreaterThan(1000);
    // Bends, braking and lane changes: neither curve nor line is exact, the curve is closer.
    expect(all.curve).toBeGreaterThan(0.01);
    expect(all.curve).toBeLessThanOrEqual(0.05);
    expect(all.curve).toBeLessThan(all.straight * 0.8);
    // The vehicle brakes, stops and turns 90°: its own frame is no place to interpolate in.
    expect(moving.straight).toBeLessThan(moving.anchor * 0.2);
    expect(moving.curve).toBeLessThan(moving.anchor * 0.1);
    // The README quotes the committed results file: it must hold what the code measures.
    expect(readCommittedResults().interpolation.demo).toEqual(figures);
  });
});
