/** A few points gathered for one fit: x y z interleaved, metres, ego frame; only the first `count` are used. */
export interface PointSet {
  xyz: Float32Array;
  count: number;
}

/** The points of `set` whose flag is set, as a new set. */
export function selectPoints(set: PointSet, keep: (i: number) => boolean): PointSet {
  let n = 0;
  for (let i = 0; i < set.count; i++) if (keep(i)) n++;
  const xyz = new Float32Array(n * 3);
  for (let i = 0, k = 0; i < set.count; i++) {
    if (!keep(i)) continue;
    xyz[k++] = set.xyz[3 * i]!;
    xyz[k++] = set.xyz[3 * i + 1]!;
    xyz[k++] = set.xyz[3 * i + 2]!;
  }
  return { xyz, count: n };
}
