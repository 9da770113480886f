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

/** What `selectClusterAtClick` needs to know of the sensor and the class. */
export interface ClickPick {
  /** The sensor's x, y in the ego frame, metres. */
  sensorX: number;
  sensorY: number;
  /** Whether the object fitted to these points would cover the click (its completed footprint contains it). */
  covers: (points: PointSet) => boolean;
  /** Whether these points hold more than one object of the class (see `fitInRegion`). */
  tooLarge: (points: PointSet) => boolean;
}

/** Clusters within this many metres of each other along the line of sight may be one object's faces. */
const SIGHT_GAP = 1.6;
/** ... when they cover the same bearings: this fraction of the narrower one's. */
const SIGHT_OVERLAP = 0.5;

/**
 * The object a click means. First the clusters that are one object's faces seen one behind the other are joined
 * (`joinAlongSight`: a bonnet or a boot that no beam hit leaves the bumper and the windscreen apart). Then, of
 * those with at least `minPoints` points, the largest whose fitted footprint covers the click (`covers`): a car
 * clicked at its centre, not the kerb stone or the larger neighbour whose points happen to lie nearer the click.
 * Where none covers it, the nearest (`selectNearestCluster`).
 */
export function selectClusterAtClick(
  set: PointSet,
  clusters: Clusters,
  x: number,
  y: number,
  pick: ClickPick,
  minPoints = 3,
): PointSet | undefined {
  const groups = joinAlongSight(set, clusters, pick, minPoints);
  const order = groups.sizes.map((_, label) => label).filter((label) => groups.sizes[label]! >= minPoints);
  order.sort((a, b) => groups.sizes[b]! - groups.sizes[a]!);
  for (const label of order) {
    const points = selectPoints(set, (i) => groups.labels[i] === label);
    if (pick.covers(points)) return points;
  }
  return selectNearestCluster(set, groups, x, y, minPoints);
}

/**
 * Joins clusters that cover mostly the same bearings from the sensor (SIGHT_OVERLAP of the narrower) and lie
 * within SIGHT_GAP metres of each other along the line of sight, largest first, unless together they are too
 * large for the class: one object's near and far faces. Clusters under `minPoints` stay as they are.
 */
export function joinAlongSight(set: PointSet, clusters: Clusters, pick: ClickPick, minPoints = 3): Clusters {
  const k = clusters.sizes.length;
  if (k < 2) return clusters;
  // Bearings relative to that of the set's first point: a click's region spans far less than ±π.
  const ref = set.count ? Math.atan2(set.xyz[1]! - pick.sensorY, set.xyz[0]! - pick.sensorX) : 0;
  const lo = new Float64Array(k).fill(Infinity),
    hi = new Float64Array(k).fill(-Infinity),
    near = new Float64Array(k).fill(Infinity),
    far = new Float64Array(k).fill(-Infinity);
  for (let i = 0; i < set.count; i++) {
    const dx = set.xyz[3 * i]! - pick.sensorX,
      dy = set.xyz[3 * i + 1]! - pick.sensorY;
    const b = Math.atan2(Math.sin(Math.atan2(dy, dx) - ref), Math.cos(Math.atan2(dy, dx) - ref));
    const r = Math.hypot(dx, dy);
    const c = clusters.labels[i]!;
    lo[c] = Math.min(lo[c]!, b);
    hi[c] = Math.max(hi[c]!, b);
    near[c] = Math.min(near[c]!, r);
    far[c] = Math.max(far[c]!, r);
  }
  const root = Int32Array.from({ length: k }, (_, c) => c);
  const find = (c: number): number => (root[c] === c ? c : (root[c] = find(root[c]!)));
  const order = clusters.sizes.map((_, c) => c).filter((c) => clusters.sizes[c]! >= minPoints);
  order.sort((a, b) => clusters.sizes[b]! - clusters.sizes[a]!);
  let joined = false;
  for (let a = 0; a < order.length; a++) {
    for (let b = a + 1; b < order.length; b++) {
      const [p, q] = [order[a]!, order[b]!];
      if (find(p) === find(q)) continue;
      const overlap = Math.min(hi[p]!, hi[q]!) - Math.max(lo[p]!, lo[q]!);
      const narrower = Math.min(hi[p]! - lo[p]!, hi[q]! - lo[q]!);
      if (overlap <= 0 || overlap < SIGHT_OVERLAP * narrower) continue;
      if (Math.max(near[q]! - far[p]!, near[p]! - far[q]!) > SIGHT_GAP) continue;
      const [rp, rq] = [find(p), find(q)];
      const union = selectPoints(set, (i) => {
        const r = find(clusters.labels[i]!);
        return r === rp || r === rq;
      });
      if (pick.tooLarge(union)) continue;
      root[rq] = rp;
      // The joined group's bearings and ranges, for the joins that follow.
      for (const r of [rp]) {
        lo[r] = Math.min(lo[rp]!, lo[rq]!);
        hi[r] = Math.max(hi[rp]!, hi[rq]!);
        near[r] = Math.min(near[rp]!, near[rq]!);
        far[r] = Math.max(far[rp]!, far[rq]!);
      }
      joined = true;
    }
  }
  if (!joined) return clusters;
  const relabel = new Int32Array(k).fill(-1);
  const sizes: number[] = [];
  const labels = new Int32Array(set.count);
  for (let i = 0; i < set.count; i++) {
    const r = find(clusters.labels[i]!);
    if (relabel[r] === -1) {
      relabel[r] = sizes.length;
      sizes.push(0);
    }
    labels[i] = relabel[r]!;
    sizes[relabel[r]!]!++;
  }
  return { labels, sizes };
}
