import { describe, expect, it } from 'vitest';
import { createDemoDrive, DEMO_SEED, groundTruthAt } from '../../../../src/core/demo';
import { parentFromCuboid } from '../../../../src/core/geometry/cuboid';
import { normalizeAngle } from '../../../../src/core/math/angle';
import { multiply, translationOf, yawOf } from '../../../../src/core/math/mat4';

const drive = createDemoDrive(DEMO_SEED);
const frames = drive.scene.frames;

describe('demo ego motion', () => {
  it('drives forward, brakes to a stop at the zebra, waits, then turns right and speeds up', () => {
    const pose = (i: number) => ({ at: translationOf(frames[i]!.worldFromEgo!), yaw: yawOf(frames[i]!.worldFromEgo!) });
    const speeds: number[] = [];
    for (let i = 1; i < frames.length; i++) {
      const [a, b] = [pose(i - 1), pose(i)];
      const dt = (frames[i]!.timestampUs - frames[i - 1]!.timestampUs) / 1e6;
      expect(dt).toBeCloseTo(0.1, 12);
      const step = b.at.map((v, k) => v - a.at[k]!);
      speeds.push(Math.hypot(...step) / dt);
      // It moves the way it faces, no sideways slip: the step is along the heading halfway between the frames.
      const heading = a.yaw + normalizeAngle(b.yaw - a.yaw) / 2;
      if (Math.hypot(...step) > 0.05) {
        expect(Math.abs(normalizeAngle(Math.atan2(step[1]!, step[0]!) - heading))).toBeLessThan(0.01);
      }
      expect(Math.abs(step[2]!)).toBeLessThan(1e-9);
    }
    // City speed at the start, standing still for over half a second, never faster than 10 m/s, no harsh braking.
    expect(speeds[0]!).toBeGreaterThanOrEqual(8);
    expect(speeds.filter((v) => v < 1e-9).length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...speeds)).toBeLessThanOrEqual(10);
    for (let i = 1; i < speeds.length; i++) expect(Math.abs(speeds[i]! - speeds[i - 1]!) / 0.1).toBeLessThan(3.2);
    // It stops before turning: the heading is unchanged until after the stop, then 90° to the right by the end.
    const stopped = speeds.findIndex((v) => v < 1e-9);
    expect(Math.abs(normalizeAngle(pose(stopped).yaw - pose(0).yaw))).toBeLessThan(1e-9);
    expect(normalizeAngle(pose(frames.length - 1).yaw - pose(0).yaw)).toBeCloseTo(-Math.PI / 2, 9);
    expect(speeds.at(-1)!).toBeGreaterThan(speeds[speeds.lastIndexOf(0) + 1]!);
  });

  it('keeps parked cars still in the world while the ego moves', () => {
    const parked = new Set(
      drive.objects.filter((o) => o.path.kind === 'still').map((o) => `gt-${o.template.classId}-${o.index}`),
    );
    expect(parked.size).toBeGreaterThan(20);
    const firstSeen = new Map<string, { position: number[]; yaw: number }>();
    let compared = 0;
    for (const frame of frames) {
      for (const c of groundTruthAt(drive, frame.index).cuboids) {
        if (!parked.has(c.trackId)) continue;
        const worldFromBox = multiply(frame.worldFromEgo!, parentFromCuboid(c));
        const position = translationOf(worldFromBox);
        const yaw = yawOf(worldFromBox);
        const first = firstSeen.get(c.trackId);
        if (!first) {
          firstSeen.set(c.trackId, { position, yaw });
          continue;
        }
        compared++;
        expect(Math.hypot(...position.map((v, k) => v - first.position[k]!))).toBeLessThan(0.01);
        expect(Math.abs(normalizeAngle(yaw - first.yaw))).toBeLessThan(1e-6);
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('moves the ground-truth boxes of moving cars in the world', () => {
    const moving = drive.objects.filter((o) => o.path.kind === 'route' && o.template.classId === 'car');
    const id = `gt-car-${moving[0]!.index}`;
    const at = (f: number) => {
      const c = groundTruthAt(drive, f).cuboids.find((x) => x.trackId === id)!;
      return translationOf(multiply(frames[f]!.worldFromEgo!, parentFromCuboid(c)));
    };
    const travelled = Math.hypot(...at(10).map((v, k) => v - at(0)[k]!));
    expect(travelled).toBeGreaterThan(5);
  });
});
