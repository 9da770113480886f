import { describe, expect, it } from 'vitest';
import { createDemoDrive, DEMO_SEED, groundTruthAt } from '../../../../src/core/demo';
import { parentFromCuboid } from '../../../../src/core/geometry/cuboid';
import { normalizeAngle } from '../../../../src/core/math/angle';
import { multiply, transformPoint, translationOf, yawOf } from '../../../../src/core/math/mat4';

const drive = createDemoDrive(DEMO_SEED);
const frames = drive.scene.frames;

describe('demo ego motion', () => {
  it('drives forward at a steady city speed', () => {
    const speed = drive.ego.speed;
    expect(speed).toBeGreaterThanOrEqual(8);
    expect(speed).toBeLessThanOrEqual(12);
    for (let i = 1; i < frames.length; i++) {
      const a = frames[i - 1]!;
      const b = frames[i]!;
      const dt = (b.timestampUs - a.timestampUs) / 1e6;
      expect(dt).toBeCloseTo(0.1, 12);
      const step = translationOf(b.worldFromEgo!).map((v, k) => v - translationOf(a.worldFromEgo!)[k]!);
      expect(Math.hypot(...step) / dt).toBeCloseTo(speed, 9);
      // The step is along the ego's own +x axis (forward), expressed in the world.
      const forward = transformPoint(a.worldFromEgo!, [1, 0, 0]).map((v, k) => v - translationOf(a.worldFromEgo!)[k]!);
      const along = step.reduce((s, v, k) => s + v * forward[k]!, 0) / Math.hypot(...step);
      expect(along).toBeCloseTo(1, 9);
    }
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
    const moving = drive.objects.filter((o) => o.path.kind === 'drive' && o.template.classId === 'car');
    const id = `gt-car-${moving[0]!.index}`;
    const at = (f: number) => {
      const c = groundTruthAt(drive, f).cuboids.find((x) => x.trackId === id)!;
      return translationOf(multiply(frames[f]!.worldFromEgo!, parentFromCuboid(c)));
    };
    const travelled = Math.hypot(...at(10).map((v, k) => v - at(0)[k]!));
    expect(travelled).toBeGreaterThan(5);
  });
});
