import type { Clusters } from '../../fit/label-clusters';
import type { RaisedPoints } from './above-ground';

/** Points reordered cluster by cluster: cluster c holds points `start[c] .. start[c + 1]`. */
export interface GroupedClusters extends RaisedPoints {
  start: Int32Array;
}

/**
 * Reorders the points so that each cluster's are contiguous (a counting sort on the labels): every cluster is
 * then a view of one buffer, with no copy per cluster. Clusters with fewer than `minPoints` points keep their
 * place (an empty range is cheap) but the caller skips them.
 */
export function groupClusters(points: RaisedPoints, clusters: Clusters): GroupedClusters {
  const k = clusters.sizes.length;
  const start = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) start[c + 1] = start[c]! + clusters.sizes[c]!;
  const fill = start.slice(0, k);
  const xyz = new Float32Array(points.count * 3);
  const heights = new Float32Array(points.count);
  for (let i = 0; i < points.count; i++) {
    const at = fill[clusters.labels[i]!]!++;
    xyz[3 * at] = points.xyz[3 * i]!;
    xyz[3 * at + 1] = points.xyz[3 * i + 1]!;
    xyz[3 * at + 2] = points.xyz[3 * i + 2]!;
    heights[at] = points.heights[i]!;
  }
  return { xyz, heights, count: points.count, start };
}

/** Cluster c of a grouping as its own point set (views, no copy). */
export function clusterAt(grouped: GroupedClusters, c: number): RaisedPoints {
  const a = grouped.start[c]!,
    b = grouped.start[c + 1]!;
  return { xyz: grouped.xyz.subarray(3 * a, 3 * b), heights: grouped.heights.subarray(a, b), count: b - a };
}
