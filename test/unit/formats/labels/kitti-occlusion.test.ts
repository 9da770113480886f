import { describe, expect, it } from 'vitest';
import { coveredShares, occlusionLevel } from '../../../../src/formats/labels/kitti-occlusion';

describe('coveredShares', () => {
  it('counts the share of each rectangle behind nearer ones only', () => {
    const shares = coveredShares([
      { rect: [0, 0, 10, 10], depth: 5 },
      { rect: [5, 0, 15, 10], depth: 10 },
      { rect: [0, 0, 100, 100], depth: 50 },
      undefined,
    ]);
    expect(shares[0]).toBe(0);
    expect(shares[1]).toBeCloseTo(0.5, 12);
    expect(shares[2]).toBeGreaterThan(0);
    expect(shares[2]).toBeLessThan(0.05);
    expect(shares[3]).toBe(0);
    expect([0, 0.09, 0.1, 0.49, 0.5, 1].map(occlusionLevel)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
