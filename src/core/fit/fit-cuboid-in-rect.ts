import type { Mat4 } from '../math/mat4';
import type { PointCloud } from '../model/point-cloud';
import type { FitOptions, FitResult } from './fit-result';
import { fitInRegion } from './fit-in-region';
import { selectLargestCluster } from './select-cluster';

/** A rectangle dragged in the bird's-eye view: ego-frame x, y bounds, metres. */
export interface BevRect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Cuboid from a dragged rectangle: the above-ground points inside it, their largest cluster (the object the
 * rectangle was drawn round; a corner of the next car caught by the drag is smaller) and the same box fit as a
 * click (`fitCuboidAtClick`). Corners may come in any order. Result in the EGO frame; undefined when the
 * rectangle holds no object.
 */
export function fitCuboidInRect(
  cloud: PointCloud,
  egoFromLidar: Mat4,
  rect: BevRect,
  options: FitOptions = {},
): FitResult | undefined {
  const region = {
    kind: 'rect',
    minX: Math.min(rect.minX, rect.maxX),
    minY: Math.min(rect.minY, rect.maxY),
    maxX: Math.max(rect.minX, rect.maxX),
    maxY: Math.max(rect.minY, rect.maxY),
  } as const;
  return fitInRegion(
    cloud,
    egoFromLidar,
    () => region,
    (points, clusters) => selectLargestCluster(points, clusters),
    options,
  );
}
