import type { PointSet } from './point-set';

/**
 * Keeps one point per `voxel`-sized cube (metres), so that a car at 5 m with thousands of returns costs the
 * clustering and the fit no more than one at 20 m: their tolerances (0.25 m and more) and the box extents change
 * by less than a voxel. A set with fewer than `keepBelow` points is returned as it is. Typed arrays only: the
 * voxel keys are sorted, and the first point of each run of equal keys is kept.
 */
export function thinPoints(set: PointSet, voxel: number, keepBelow = 1000): PointSet {
  const n = set.count;
  if (n < keepBelow) return set;
  let minX = Infinity,
    minY = Infinity,
    minZ = Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, set.xyz[3 * i]!);
    minY = Math.min(minY, set.xyz[3 * i + 1]!);
    minZ = Math.min(minZ, set.xyz[3 * i + 2]!);
  }
  // Integer voxel coordinates packed in one safe integer (2^17 voxels a side: 13 km at 0.1 m).
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ix = Math.floor((set.xyz[3 * i]! - minX) / voxel),
      iy = Math.floor((set.xyz[3 * i + 1]! - minY) / voxel),
      iz = Math.floor((set.xyz[3 * i + 2]! - minZ) / voxel);
    keys[i] = (ix * 131072 + iy) * 131072 + iz;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  const out = new Float32Array(n * 3);
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (k > 0 && keys[i] === keys[order[k - 1]!]) continue;
    out[3 * kept] = set.xyz[3 * i]!;
    out[3 * kept + 1] = set.xyz[3 * i + 1]!;
    out[3 * kept + 2] = set.xyz[3 * i + 2]!;
    kept++;
  }
  return { xyz: out.subarray(0, kept * 3), count: kept };
}
