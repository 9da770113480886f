import type { Cuboid } from '../model/labels';
import { iou3d, iouBev, type OrientedBox } from './oriented-iou';

/** How alike two boxes are, in [0, 1]: 3D IoU, bird's-eye IoU, or closeness of centres. */
export type SimilarityKind = '3d-iou' | 'bev-iou' | 'center';

export const SIMILARITY_KINDS: readonly SimilarityKind[] = ['3d-iou', 'bev-iou', 'center'];

/**
 * Centres this far apart (metres, seen from above) have similarity 0, centres together 1, linearly between:
 * TrackEval's Euclidean similarity, max(0, 1 − d / d₀) with d₀ = 2 m (Luiten et al. 2020's reference code,
 * `_calculate_euclidean_similarity`), so that thresholds and HOTA's α read the same for every kind. The ground
 * plane distance follows nuScenes' detection matching (Caesar et al. 2020), where heights are least certain.
 */
export const CENTRE_ZERO_DISTANCE = 2;

/** The similarity of two boxes by the kind asked for; `zeroDistance` (metres) only for `center`. */
export function similarityOf(
  kind: SimilarityKind,
  a: OrientedBox,
  b: OrientedBox,
  zeroDistance = CENTRE_ZERO_DISTANCE,
): number {
  if (kind === '3d-iou') return iou3d(a, b);
  if (kind === 'bev-iou') return iouBev(a, b);
  const d = Math.hypot(a.position[0] - b.position[0], a.position[1] - b.position[1]);
  return Math.max(0, 1 - d / zeroDistance);
}

/** A box as the metrics see it: the cuboid with its track's class. */
export interface ClassedBox {
  cuboid: Cuboid;
  classId: string;
}

/**
 * Similarities of reference boxes (rows) against compared boxes (columns). Boxes of different classes never
 * match (0), so one assignment over all classes equals one per class, as in KITTI's and nuScenes' evaluations.
 */
export function similarityMatrix(
  ref: readonly ClassedBox[],
  cand: readonly ClassedBox[],
  kind: SimilarityKind,
  zeroDistance?: number,
): number[][] {
  return ref.map((r) =>
    cand.map((c) => (r.classId === c.classId ? similarityOf(kind, r.cuboid, c.cuboid, zeroDistance) : 0)),
  );
}
