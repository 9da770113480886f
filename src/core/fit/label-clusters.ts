import type { PointSet } from './point-set';

/** Euclidean clusters of a point set: `labels[i]` is the cluster of point i, `sizes[c]` its point count. */
export interface Clusters {
  labels: Int32Array;
  sizes: number[];
}

/** When two points are neighbours (metres; x, y in the ego frame as seen from the sensor at sensorX, sensorY). */
export interface ClusterTolerance {
  /** Largest gap across the line of sight. */
  tangential: number;
  /** Largest gap along the line of sight. */
  radial: number;
  /** Largest height difference. */
  maxDz: number;
  sensorX: number;
  sensorY: number;
}

/**
 * Connected components of the points, two points being neighbours when their x, y gap is small both across and
 * along the line of sight from the sensor, and their z gap is small. Across the line of sight a spinning LiDAR
 * samples densely (a few cm at 35 m for a 64-beam sensor), so a gap there is empty space between objects (a car
 * and the hedge beside it); along the line of sight gaps are normal within one object (the bumper and the boot
 * lid behind it, seen over it), so the radial tolerance is larger. Breadth-first search over a local grid of
 * cells as large as the larger tolerance: near-linear in the number of points.
 */
export function labelClusters(set: PointSet, tolerance: ClusterTolerance): Clusters {
  const n = set.count;
  const p = set.xyz;
  const { tangential, radial, maxDz, sensorX, sensorY } = tolerance;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, p[3 * i]!);
    maxX = Math.max(maxX, p[3 * i]!);
    minY = Math.min(minY, p[3 * i + 1]!);
    maxY = Math.max(maxY, p[3 * i + 1]!);
  }
  // A neighbour within both tolerances lies within the larger of them in x and in y: one cell away at most.
  const cell = Math.max(radial, tangential);
  const cols = n ? Math.floor((maxX - minX) / cell) + 1 : 1;
  const rows = n ? Math.floor((maxY - minY) / cell) + 1 : 1;
  const cellOf = new Int32Array(n);
  const start = new Int32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    const k = Math.floor((p[3 * i + 1]! - minY) / cell) * cols + Math.floor((p[3 * i]! - minX) / cell);
    cellOf[i] = k;
    start[k + 1]!++;
  }
  for (let k = 0; k < cols * rows; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, cols * rows);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[cellOf[i]!]!++] = i;

  const labels = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  // Per cell, the members before `head[k]` are labelled already: each scan skips them, so a dense object's
  // points stop being tested once they joined (a car at 5 m has thousands of points in a few cells).
  const head = start.slice(0, cols * rows);
  const sizes: number[] = [];
  for (let seed = 0; seed < n; seed++) {
    if (labels[seed] !== -1) continue;
    const label = sizes.length;
    labels[seed] = label;
    let head0 = 0,
      tail = 0;
    queue[tail++] = seed;
    while (head0 < tail) {
      const i = queue[head0++]!;
      const x = p[3 * i]!,
        y = p[3 * i + 1]!,
        z = p[3 * i + 2]!;
      // Unit line of sight to this point.
      const range = Math.hypot(x - sensorX, y - sensorY) || 1;
      const rx = (x - sensorX) / range,
        ry = (y - sensorY) / range;
      const col = cellOf[i]! % cols,
        row = (cellOf[i]! - col) / cols;
      for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
        for (let c = Math.max(0, col - 1); c <= Math.min(cols - 1, col + 1); c++) {
          const k = r * cols + c;
          for (let s = head[k]!, e = start[k + 1]!; s < e; s++) {
            const j = members[s]!;
            if (labels[j] === -1) {
              const dx = p[3 * j]! - x,
                dy = p[3 * j + 1]! - y;
              if (Math.abs(dx * rx + dy * ry) > radial || Math.abs(dx * ry - dy * rx) > tangential) continue;
              if (Math.abs(p[3 * j + 2]! - z) > maxDz) continue;
              labels[j] = label;
              queue[tail++] = j;
            }
            // Labelled now or before: move it in front of the cell's head.
            members[s] = members[head[k]!]!;
            members[head[k]!++] = j;
          }
        }
      }
    }
    sizes.push(tail);
  }
  return { labels, sizes };
}
