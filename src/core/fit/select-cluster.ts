import type { Clusters } from './label-clusters';
import { selectPoints, type PointSet } from './point-set';

/**
 * The cluster a click means: among clusters of at least `minPoints` points, the one with a point nearest to the
 * click in x, y (ego frame, metres); a cluster whose nearest point is within `tie` metres of the best one wins
 * when it is larger (a click on a car's roof lands as near the car as the kerb stone beside it). Undefined when
 * no cluster is big enough.
 */
export function selectNearestCluster(
  set: PointSet,
  clusters: Clusters,
  x: number,
  y: number,
  minPoints = 3,
  tie = 0.3,
): PointSet | undefined {
  const nearest = new Float64Array(clusters.sizes.length).fill(Infinity);
  for (let i = 0; i < set.count; i++) {
    const dx = set.xyz[3 * i]! - x,
      dy = set.xyz[3 * i + 1]! - y;
    const label = clusters.labels[i]!;
    nearest[label] = Math.min(nearest[label]!, dx * dx + dy * dy);
  }
  let best = -1;
  let bestDistance = Infinity;
  clusters.sizes.forEach((size, label) => {
    if (size >= minPoints) bestDistance = Math.min(bestDistance, Math.sqrt(nearest[label]!));
  });
  clusters.sizes.forEach((size, label) => {
    if (size < minPoints || Math.sqrt(nearest[label]!) > bestDistance + tie) return;
    if (best < 0 || size > clusters.sizes[best]!) best = label;
  });
  return best < 0 ? undefined : selectPoints(set, (i) => clusters.labels[i] === best);
}

/** The largest cluster (a dragged rectangle outlines one object), or undefined when it has < minPoints. */
export function selectLargestCluster(set: PointSet, clusters: Clusters, minPoints = 3): PointSet | undefined {
  let best = -1;
  clusters.sizes.forEach((size, label) => {
    if (size >= minPoints && (best < 0 || size > clusters.sizes[best]!)) best = label;
  });
  return best < 0 ? undefined : selectPoints(set, (i) => clusters.labels[i] === best);
}
