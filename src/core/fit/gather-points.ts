import { groundHeightAt, type GroundModel } from './ground-model';
import { cellRuns, runLength, type GridIndex } from './grid-index';
import type { PointSet } from './point-set';

/** Where to gather, ego frame, metres: a disc round a click or a rectangle dragged in the bird's-eye view. */
export type GatherRegion =
  | { kind: 'disc'; x: number; y: number; radius: number }
  | { kind: 'rect'; minX: number; minY: number; maxX: number; maxY: number };

/**
 * The indexed points inside `region` (in x, y) whose height above the ground under them lies in
 * (minHeight, maxHeight] metres: the object's own points, without the road it stands on or the tree above it.
 * Reads only the cells the region overlaps; one allocation for the result.
 */
export function gatherPoints(
  index: GridIndex,
  ground: GroundModel,
  region: GatherRegion,
  minHeight: number,
  maxHeight: number,
): PointSet {
  const disc = region.kind === 'disc';
  const [minX, minY, maxX, maxY] = disc
    ? [region.x - region.radius, region.y - region.radius, region.x + region.radius, region.y + region.radius]
    : [region.minX, region.minY, region.maxX, region.maxY];
  const r2 = disc ? region.radius * region.radius : 0;
  const runs = cellRuns(index, minX, minY, maxX, maxY);
  const { xyz } = index;
  const out = new Float32Array(runLength(runs) * 3);
  let n = 0;
  for (let r = 0; r < runs.length; r += 2) {
    for (let i = runs[r]!, end = runs[r + 1]!; i < end; i++) {
      const x = xyz[3 * i]!,
        y = xyz[3 * i + 1]!,
        z = xyz[3 * i + 2]!;
      if (disc) {
        const dx = x - region.x,
          dy = y - region.y;
        if (dx * dx + dy * dy > r2) continue;
      } else if (x < minX || x > maxX || y < minY || y > maxY) continue;
      const h = z - groundHeightAt(ground, x, y);
      if (h <= minHeight || h > maxHeight) continue;
      out[3 * n] = x;
      out[3 * n + 1] = y;
      out[3 * n + 2] = z;
      n++;
    }
  }
  return { xyz: out, count: n };
}
