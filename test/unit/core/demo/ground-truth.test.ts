import { describe, expect, it } from 'vitest';
import {
  createDemoDrive,
  DEMO_SEED,
  groundTruthAt,
  groundTruthObjectIndex,
  simulateSweep,
} from '../../../../src/core/demo';
import { transformPoint } from '../../../../src/core/math/mat4';
import { generalDriving } from '../../../../src/core/model/default-ontology';
import { doBoxesOverlap, makeInsideTest } from './helpers';

const drive = createDemoDrive(DEMO_SEED);

describe('demo ground truth', () => {
  it('has one rigid track per object, with ontology classes and ids that name the object index', () => {
    const { tracks } = groundTruthAt(drive, 0);
    expect(tracks.length).toBe(drive.objects.length);
    const classes = new Set(generalDriving.classes.map((c) => c.id));
    tracks.forEach((t, i) => {
      expect(t.id).toMatch(/^gt-(car|truck|pedestrian|cyclist)-\d+$/);
      expect(classes.has(t.classId)).toBe(true);
      expect(t.sceneId).toBe(drive.scene.id);
      expect(t.rigid).toBe(true);
      expect(groundTruthObjectIndex(t.id)).toBe(i);
    });
    for (const c of ['car', 'truck', 'pedestrian', 'cyclist']) expect(tracks.some((t) => t.classId === c)).toBe(true);
    expect(groundTruthObjectIndex('something-else')).toBe(-1);
  });

  it('gives each frame keyframed manual boxes with normalised yaw and a constant size per track', () => {
    const sizes = new Map<string, string>();
    for (const f of [0, 25, 49, 75, 99]) {
      const { cuboids } = groundTruthAt(drive, f);
      expect(cuboids.length).toBeGreaterThan(20);
      for (const c of cuboids) {
        expect(c.frameIndex).toBe(f);
        expect(c.keyframe).toBe(true);
        expect(c.source).toEqual({ kind: 'manual' });
        expect(c.yaw).toBeGreaterThan(-Math.PI);
        expect(c.yaw).toBeLessThanOrEqual(Math.PI);
        const size = c.size.join(',');
        expect(sizes.get(c.trackId) ?? size).toBe(size);
        sizes.set(c.trackId, size);
        // Boxes stand on the ground (asphalt at 0 or sidewalk at 0.15 m), ego frame.
        const bottom = c.position[2] - c.size[2] / 2;
        expect(Math.min(Math.abs(bottom), Math.abs(bottom - 0.15))).toBeLessThan(1e-9);
      }
    }
  });

  it('encloses the sweep points of each object, and nothing else', () => {
    const egoFromLidar = drive.scene.lidars[0]!.egoFromLidar;
    let checked = 0;
    for (const f of [0, 40, 85]) {
      const sweep = simulateSweep(drive, f, { withObjectIds: true });
      const ids = sweep.attributes.objectId!;
      const ego = new Float64Array(sweep.count * 3);
      for (let i = 0; i < sweep.count; i++) {
        const p = transformPoint(egoFromLidar, [
          sweep.positions[i * 3]!,
          sweep.positions[i * 3 + 1]!,
          sweep.positions[i * 3 + 2]!,
        ]);
        ego.set(p, i * 3);
      }
      for (const c of groundTruthAt(drive, f).cuboids) {
        const index = groundTruthObjectIndex(c.trackId);
        const inGrown = makeInsideTest(c, 0.1);
        const inShrunk = makeInsideTest(c, -0.1);
        let own = 0,
          inside = 0,
          foreign = 0;
        for (let i = 0; i < sweep.count; i++) {
          const [x, y, z] = [ego[i * 3]!, ego[i * 3 + 1]!, ego[i * 3 + 2]!];
          if (ids[i] === index) {
            own++;
            if (inGrown(x, y, z)) inside++;
          } else if (inShrunk(x, y, z)) foreign++;
        }
        if (own < 50) continue;
        checked++;
        expect(inside / own, c.trackId).toBeGreaterThanOrEqual(0.95);
        expect(foreign, c.trackId).toBeLessThanOrEqual(own * 0.02);
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('keeps road users apart: no two boxes overlap, nor the ego car', () => {
    // Ego car body in its own frame: origin under the rear axle, ~4.6 m long, 1.9 m wide.
    const ego = { position: [1.3, 0, 0.75] as const, size: [4.6, 1.9, 1.5] as const, yaw: 0, pitch: 0, roll: 0 };
    for (let f = 0; f < drive.scene.frames.length; f++) {
      const boxes = [...groundTruthAt(drive, f).cuboids, { ...ego, trackId: 'ego' }];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          expect(doBoxesOverlap(a, b, 0.01), `${a.trackId} and ${b.trackId} at frame ${f}`).toBe(false);
        }
      }
    }
  });
});
