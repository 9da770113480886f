import { describe, expect, it } from 'vitest';
import { createDemoDrive, DEMO_SEED, LIDAR_MAX_RANGE, simulateSweep } from '../../../../src/core/demo';
import { LIDAR_BEAMS, LIDAR_ELEVATIONS } from '../../../../src/core/demo/lidar-simulator';
import { translationOf } from '../../../../src/core/math/mat4';
import { ROAD } from '../../../../src/core/demo/road-layout';

const drive = createDemoDrive(DEMO_SEED);
const frames = [0, 12, 40, 85];
const sweeps = frames.map((f) => simulateSweep(drive, f));

describe('simulated LiDAR sweep', () => {
  it('returns an HDL-64E-like number of points', () => {
    for (const s of sweeps) {
      expect(s.count).toBeGreaterThanOrEqual(100_000);
      expect(s.count).toBeLessThanOrEqual(130_000);
      expect(s.positions.length).toBe(s.count * 3);
      expect(s.attributes.intensity!.length).toBe(s.count);
      expect(s.attributes.objectId).toBeUndefined();
    }
  });

  it('shows 64 distinct beam elevations, each with many points', () => {
    const s = sweeps[1]!;
    // Histogram of elevation angles in 0.05° bins; a beam is a run of occupied bins.
    const binOf = (rad: number) => Math.round((rad * 180) / Math.PI / 0.05);
    const counts = new Map<number, number>();
    for (let i = 0; i < s.count; i++) {
      const [x, y, z] = [s.positions[i * 3]!, s.positions[i * 3 + 1]!, s.positions[i * 3 + 2]!];
      const k = binOf(Math.atan2(z, Math.hypot(x, y)));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const bins = [...counts.entries()]
      .filter(([, n]) => n >= 50)
      .map(([k]) => k)
      .sort((a, b) => a - b);
    let clusters = bins.length > 0 ? 1 : 0;
    for (let i = 1; i < bins.length; i++) if (bins[i]! - bins[i - 1]! > 1) clusters++;
    expect(clusters).toBe(LIDAR_BEAMS);
    const span = (Math.max(...LIDAR_ELEVATIONS) - Math.min(...LIDAR_ELEVATIONS)) * (180 / Math.PI);
    expect(span).toBeGreaterThan(25);
    expect(span).toBeLessThan(28);
  });

  it('keeps intensity in [0, 1], varied, with road paint and plates brighter than asphalt', () => {
    for (const s of sweeps) {
      const intensity = s.attributes.intensity!;
      let min = Infinity,
        max = -Infinity,
        sum = 0;
      for (const v of intensity) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThanOrEqual(1);
      expect(max - min).toBeGreaterThan(0.5);
      const mean = sum / s.count;
      // Road returns near the car: asphalt dominates; a tail of bright returns (paint, plates, signs) exists.
      expect(mean).toBeGreaterThan(0.05);
      expect(mean).toBeLessThan(0.5);
      const bright = intensity.filter((v) => v > 0.6).length;
      expect(bright).toBeGreaterThan(100);
      expect(bright / s.count).toBeLessThan(0.2);
    }
  });

  it('returns road paint brighter than asphalt and number plates brighter than car paint', () => {
    const s = simulateSweep(drive, 12, { withObjectIds: true });
    const intensity = s.attributes.intensity!;
    const ids = s.attributes.objectId!;
    // Lateral offsets (LiDAR frame, metres) of the double yellow centre line and of the asphalt mid-lane.
    const centreLine = ROAD.outerLaneY; // the ego drives in the middle of the −y outer lane
    let paint = 0,
      paintN = 0,
      asphalt = 0,
      asphaltN = 0,
      bright = 0,
      objectN = 0;
    for (let i = 0; i < s.count; i++) {
      const [x, y, z] = [s.positions[i * 3]!, s.positions[i * 3 + 1]!, s.positions[i * 3 + 2]!];
      if (ids[i]! >= 0) {
        objectN++;
        if (intensity[i]! > 0.75) bright++;
        continue;
      }
      if (Math.abs(z + 1.8) > 0.06 || Math.abs(x) > 20) continue;
      const fromCentre = Math.abs(y - centreLine);
      if (fromCentre > 0.1 && fromCentre < 0.18) {
        paint += intensity[i]!;
        paintN++;
      } else if (Math.abs(y) < 0.8) {
        asphalt += intensity[i]!;
        asphaltN++;
      }
    }
    expect(paintN).toBeGreaterThan(20);
    expect(asphaltN).toBeGreaterThan(1000);
    expect(paint / paintN).toBeGreaterThan(2 * (asphalt / asphaltN));
    // Plates and tail lights are a small, bright share of the points on road users.
    expect(bright).toBeGreaterThan(10);
    expect(bright / objectN).toBeLessThan(0.1);
  });

  it('stays within range and puts the road at the LiDAR height below the sensor', () => {
    const lidarHeight = translationOf(drive.scene.lidars[0]!.egoFromLidar)[2];
    for (const s of sweeps) {
      let farthest = 0;
      const low: number[] = [];
      for (let i = 0; i < s.count; i++) {
        const [x, y, z] = [s.positions[i * 3]!, s.positions[i * 3 + 1]!, s.positions[i * 3 + 2]!];
        farthest = Math.max(farthest, Math.hypot(x, y, z));
        // Low returns within 8 m of the sensor: mostly the road, plus wheels and feet nearby.
        if (Math.hypot(x, y) < 8 && z < -1) low.push(z);
      }
      expect(farthest).toBeLessThanOrEqual(LIDAR_MAX_RANGE);
      expect(low.length).toBeGreaterThan(5000);
      // The most common height (2 cm bins) is the road, at minus the mounting height.
      const histogram = new Map<number, number>();
      for (const z of low) histogram.set(Math.round(z / 0.02), (histogram.get(Math.round(z / 0.02)) ?? 0) + 1);
      const mode = [...histogram.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0] * 0.02;
      expect(Math.abs(mode + lidarHeight)).toBeLessThan(0.03);
      expect(low.filter((z) => Math.abs(z + lidarHeight) < 0.08).length / low.length).toBeGreaterThan(0.7);
      expect(s.bounds.min[2]).toBeGreaterThan(-lidarHeight - 0.2);
    }
  });

  it('reports the bounds of its points', () => {
    const s = sweeps[0]!;
    for (let k = 0; k < 3; k++) {
      let min = Infinity,
        max = -Infinity;
      for (let i = 0; i < s.count; i++) {
        min = Math.min(min, s.positions[i * 3 + k]!);
        max = Math.max(max, s.positions[i * 3 + k]!);
      }
      expect(s.bounds.min[k]).toBe(min);
      expect(s.bounds.max[k]).toBe(max);
    }
  });
});
