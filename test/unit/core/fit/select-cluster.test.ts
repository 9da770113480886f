import { describe, expect, it } from 'vitest';
import type { Clusters } from '../../../../src/core/fit/label-clusters';
import type { PointSet } from '../../../../src/core/fit/point-set';
import { selectLargestCluster, selectNearestCluster } from '../../../../src/core/fit/select-cluster';

// Cluster 0: 5 points at x = 0; cluster 1: 3 points at x = 2.1; cluster 2: 1 point at x = 1.
const xyz = [0, 0, 0, 0, 0.1, 0, 0, 0.2, 0, 0, 0.3, 0, 0, 0.4, 0, 2.1, 0, 0, 2.1, 0.1, 0, 2.1, 0.2, 0, 1, 0, 0];
const set: PointSet = { xyz: Float32Array.from(xyz), count: 9 };
const clusters: Clusters = { labels: Int32Array.of(0, 0, 0, 0, 0, 1, 1, 1, 2), sizes: [5, 3, 1] };

describe('selectNearestCluster', () => {
  it('takes the cluster nearest the click, ignoring too small ones', () => {
    expect(selectNearestCluster(set, clusters, 2.5, 0)!.count).toBe(3);
    // The single point at x = 1 is nearest but below minPoints.
    expect(selectNearestCluster(set, clusters, 1, 0)!.count).toBe(5);
    expect(selectNearestCluster(set, clusters, 1, 0, 1)!.count).toBe(1);
  });

  it('prefers the larger cluster when both are about as near', () => {
    expect(selectNearestCluster(set, clusters, 1.1, 0, 3, 0.3)!.count).toBe(5);
    expect(selectNearestCluster(set, clusters, 1.1, 0, 3, 0)!.count).toBe(3);
  });

  it('returns the cluster points and undefined when none is big enough', () => {
    expect([...selectNearestCluster(set, clusters, 2.5, 0)!.xyz]).toEqual(xyz.slice(15, 24).map(Math.fround));
    expect(selectNearestCluster(set, clusters, 0, 0, 10)).toBeUndefined();
  });
});

describe('selectLargestCluster', () => {
  it('takes the largest cluster', () => {
    expect(selectLargestCluster(set, clusters)!.count).toBe(5);
    expect(selectLargestCluster(set, clusters, 6)).toBeUndefined();
  });
});
