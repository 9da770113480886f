import type { PixelRect } from '../../core/geometry/cuboid-image-bounds';

/** Samples per side of the grid on which the covered share of a rectangle is counted. */
const GRID = 16;

/** One box's place in the image, for the occlusion estimate. */
export interface ImagePlace {
  rect: PixelRect;
  /** Distance of the box's centre along the camera's z, metres. */
  depth: number;
}

/**
 * The share (0–1) of each rectangle hidden behind the rectangles of boxes nearer to the camera, counted on a
 * 16 × 16 grid of sample points: a simple stand-in for KITTI's hand-judged occlusion that needs no points or
 * image. A box's own outline is its 2D rectangle, so this overstates what a corner of another box hides.
 */
export function coveredShares(places: readonly (ImagePlace | undefined)[]): number[] {
  return places.map((place) => {
    if (!place) return 0;
    const nearer = places.filter((p): p is ImagePlace => p !== undefined && p.depth < place.depth);
    if (nearer.length === 0) return 0;
    const [x1, y1, x2, y2] = place.rect;
    let covered = 0;
    for (let i = 0; i < GRID; i++) {
      const x = x1 + ((i + 0.5) / GRID) * (x2 - x1);
      for (let j = 0; j < GRID; j++) {
        const y = y1 + ((j + 0.5) / GRID) * (y2 - y1);
        if (nearer.some(({ rect: r }) => x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3])) covered++;
      }
    }
    return covered / (GRID * GRID);
  });
}

/** KITTI's occlusion level of a covered share: 0 fully visible (< 10 %), 1 partly (< 50 %), 2 largely. */
export function occlusionLevel(share: number): 0 | 1 | 2 {
  return share < 0.1 ? 0 : share < 0.5 ? 1 : 2;
}
