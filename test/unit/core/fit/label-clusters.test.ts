import { describe, expect, it } from 'vitest';
import { labelClusters } from '../../../../src/core/fit/label-clusters';
import type { PointSet } from '../../../../src/core/fit/point-set';

const set = (xyz: number[]): PointSet => ({ xyz: Float32Array.from(xyz), count: xyz.length / 3 });
const tolerance = { tangential: 0.25, radial: 0.8, maxDz: 1, sensorX: 0, sensorY: 0 };

/** A line of points every 5 cm from (x0, y0) to (x1, y1) at height z. */
function line(x0: number, y0: number, x1: number, y1: number, z = 0): number[] {
  const n = Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 0.05);
  return Array.from({ length: n + 1 }, (_, i) => [x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n, z]).flat();
}

describe('labelClusters', () => {
  it('splits objects 0.4 m apart across the line of sight', () => {
    // Seen along +x from the origin: a car's side at y = −2.4 and a hedge at y = −2.8 beside it.
    const clusters = labelClusters(set([...line(20, -2.4, 24, -2.4), ...line(20, -2.8, 24, -2.8)]), tolerance);
    expect(clusters.sizes.length).toBe(2);
    // The same gap along the line of sight is no gap: a bumper and the boot lid behind it.
    const along = labelClusters(set([...line(20, -1, 20, 1), ...line(20.4, -1, 20.4, 1)]), tolerance);
    expect(along.sizes.length).toBe(1);
  });

  it('joins parts 0.6 m apart along the line of sight', () => {
    // A bumper at x = 20 and the boot lid seen behind it at x = 20.6, both across the line of sight.
    const clusters = labelClusters(set([...line(20, -1, 20, 1, 0.5), ...line(20.6, -1, 20.6, 1, 1)]), tolerance);
    expect(clusters.sizes).toEqual([clusters.labels.length]);
  });

  it('splits points over each other by more than maxDz', () => {
    const clusters = labelClusters(set([...line(10, 0, 12, 0, 0.5), ...line(10, 0, 12, 0, 2)]), tolerance);
    expect(clusters.sizes.length).toBe(2);
    expect(clusters.labels[0]).not.toBe(clusters.labels[clusters.labels.length - 1]);
  });

  it('labels every point and sums the sizes to the count', () => {
    const xyz = [...line(5, 5, 8, 5), ...line(-5, -5, -5, -8), 30, 30, 0];
    const clusters = labelClusters(set(xyz), tolerance);
    expect(clusters.sizes.length).toBe(3);
    expect(clusters.sizes.reduce((a, b) => a + b, 0)).toBe(xyz.length / 3);
    expect([...clusters.labels].every((l) => l >= 0 && l < 3)).toBe(true);
    expect(labelClusters(set([]), tolerance).sizes).toEqual([]);
  });
});
