import { describe, expect, it } from 'vitest';
import { identity } from '../../../../../src/core/math/mat4';
import { createClassicDetector, detectObjects, CLASSIC_PARAMS } from '../../../../../src/core/prelabel/detect';
import type { Detection } from '../../../../../src/core/prelabel/types';
import { makeCloud, sampleCar, sampleGround, sampleVisibleFaces, type SyntheticBox } from '../../fit/synthetic-scene';

/** The sensor at the ego origin, 1.8 m above a flat road. */
const SENSOR = [0, 0, 0] as const;
const GROUND = -1.8;
const CLASSES = ['car', 'truck', 'pedestrian', 'cyclist'];

/** A deterministic stream in [0, 1) (a small LCG): vegetation needs scatter, tests need repeatability. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Points filling a box's volume (a crown, a hedge): vegetation returns come from inside, not only the faces. */
function sampleVolume(box: SyntheticBox, count: number, seed: number): number[] {
  const next = random(seed);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const [u, v, w] = [next() - 0.5, next() - 0.5, next() - 0.5];
    out.push(box.position[0] + u * box.size[0], box.position[1] + v * box.size[1], box.position[2] + w * box.size[2]);
  }
  return out;
}

function detect(objects: number[]): Detection[] {
  const road = sampleGround(30, 0.25, () => GROUND);
  return detectObjects({ cloud: makeCloud([...road, ...objects]), egoFromLidar: identity(), classes: CLASSES });
}

const standing = (x: number, y: number, size: readonly [number, number, number], yaw = 0): SyntheticBox => ({
  position: [x, y, GROUND + size[2] / 2],
  size,
  yaw,
});

describe('detectObjects on crafted scenes', () => {
  it('finds two cars parked side by side 0.5 m apart as two cars', () => {
    // Seen from behind: the 0.5 m gap runs along the line of sight.
    const found = detect([...sampleCar([12, 1.15], 0, GROUND, SENSOR), ...sampleCar([12, -1.15], 0, GROUND, SENSOR)]);
    expect(found.map((d) => d.classId)).toEqual(['car', 'car']);
    const ys = found.map((d) => d.position[1]).sort((a, b) => a - b);
    expect(ys[0]).toBeCloseTo(-1.15, 0);
    expect(ys[1]).toBeCloseTo(1.15, 0);
  });

  it('finds two cars parked nose to tail 0.5 m apart, seen obliquely, as two cars', () => {
    const found = detect([...sampleCar([9, 5], 0, GROUND, SENSOR), ...sampleCar([13.9, 5], 0, GROUND, SENSOR)]);
    expect(found.filter((d) => d.classId === 'car')).toHaveLength(2);
    expect(found).toHaveLength(2);
  });

  it('finds a car under a tree as one car of a car’s height, and not the tree', () => {
    const crown = sampleVolume({ position: [12, 4, GROUND + 3.4], size: [6, 6, 1.6], yaw: 0 }, 4000, 1);
    const trunk = sampleVisibleFaces(standing(12, 6.5, [0.35, 0.35, 2.8]), SENSOR, 0.05);
    const found = detect([...sampleCar([12, 4], 0.3, GROUND, SENSOR), ...crown, ...trunk]);
    expect(found).toHaveLength(1);
    expect(found[0]!.classId).toBe('car');
    expect(found[0]!.size[2]).toBeGreaterThan(1.3);
    expect(found[0]!.size[2]).toBeLessThan(1.9);
  });

  it('finds a pedestrian beside a pole, and not the pole', () => {
    const person = sampleVisibleFaces(standing(8, -2, [0.4, 0.5, 1.75]), SENSOR, 0.04);
    const pole = sampleVisibleFaces(standing(8, -1.35, [0.2, 0.2, 6]), SENSOR, 0.04);
    const found = detect([...person, ...pole]);
    expect(found.map((d) => d.classId)).toEqual(['pedestrian']);
    expect(found[0]!.position[1]).toBeCloseTo(-2, 0);
  });

  it('finds nothing in a wall, a hedge, a kerb and a lone pole', () => {
    const wall = sampleVisibleFaces(standing(10, 9, [24, 0.3, 3.5]), SENSOR, 0.08);
    const hedge = sampleVolume({ position: [8, -6, GROUND + 0.7], size: [9, 0.9, 1.4], yaw: 0.1 }, 5000, 2);
    const shortHedge = sampleVolume({ position: [-8, -6, GROUND + 0.6], size: [4, 0.8, 1.2], yaw: 0 }, 2500, 3);
    const kerb = sampleVisibleFaces(standing(0, 5, [30, 0.3, 0.18]), SENSOR, 0.08);
    const pole = sampleVisibleFaces(standing(-6, 4, [0.25, 0.25, 7]), SENSOR, 0.04);
    expect(detect([...wall, ...hedge, ...shortHedge, ...kerb, ...pole])).toEqual([]);
  });

  it('keeps only the classes asked for, with scores in (0, 1] and the points inside each box', () => {
    const objects = [
      ...sampleCar([12, 1.15], 0, GROUND, SENSOR),
      ...sampleVisibleFaces(standing(8, -3, [0.4, 0.5, 1.75]), SENSOR, 0.04),
    ];
    const cloud = makeCloud([...sampleGround(30, 0.25, () => GROUND), ...objects]);
    const all = detectObjects({ cloud, egoFromLidar: identity(), classes: CLASSES });
    expect(all.map((d) => d.classId).sort()).toEqual(['car', 'pedestrian']);
    for (const d of all) {
      expect(d.score).toBeGreaterThan(0);
      expect(d.score).toBeLessThanOrEqual(1);
      expect(d.points).toBeGreaterThan(20);
    }
    const cars = detectObjects({ cloud, egoFromLidar: identity(), classes: ['car'] });
    expect(cars.map((d) => d.classId)).toEqual(['car']);
  });
});

describe('createClassicDetector', () => {
  it('names its model and versions its parameters', async () => {
    const detector = createClassicDetector();
    expect(detector.model).toBe('frustum-classic');
    expect(detector.version).toMatch(/^1\.0\.0\+[0-9a-f]{8}$/);
    expect(createClassicDetector({}).version).toBe(detector.version);
    expect(createClassicDetector({ ...CLASSIC_PARAMS }).version).toBe(detector.version);
    expect(createClassicDetector({ maxRange: 60 }).version).not.toBe(detector.version);
    expect(createClassicDetector({ minScore: 0.2 }).version).not.toBe(detector.version);
    const cloud = makeCloud([...sampleGround(20, 0.25, () => GROUND), ...sampleCar([10, 0], 0, GROUND, SENSOR)]);
    const found = await detector.detect({ cloud, egoFromLidar: identity(), classes: ['car'] });
    expect(found).toHaveLength(1);
  });
});
