import { bevIou } from '../fit/bev-iou';
import { intersectionVolume, type OrientedBox } from './convex-clip';

export type { OrientedBox } from './convex-clip';

/** Pitch and roll below this (radians) count as level: the exact footprint × height path applies. */
const LEVEL = 1e-9;

/**
 * 3D intersection over union of two oriented boxes. Both level (no pitch or roll): the footprints' overlap
 * (`bevIou`, rotated rectangles clipped exactly) × the overlap of their z spans. Otherwise: the volume of the
 * convex polyhedra's intersection (`intersectionVolume`). 0 for disjoint or degenerate boxes.
 */
export function iou3d(a: OrientedBox, b: OrientedBox): number {
  const volA = a.size[0] * a.size[1] * a.size[2],
    volB = b.size[0] * b.size[1] * b.size[2];
  if (!(volA > 0) || !(volB > 0) || !mayOverlap(a, b)) return 0;
  const level = [a.pitch, a.roll, b.pitch, b.roll].every((v) => Math.abs(v) < LEVEL);
  const inter = level ? footprintOverlap(a, b) * heightOverlap(a, b) : intersectionVolume(a, b);
  return inter / (volA + volB - inter);
}

/**
 * Bird's-eye IoU: the footprints seen from above (yaw only; pitch and roll, a few degrees at most on real roads,
 * do not change which boxes pair up). The same function the fitter uses (`bevIou`), so the two never disagree.
 */
export function iouBev(a: OrientedBox, b: OrientedBox): number {
  return mayOverlap(a, b) ? bevIou(a, b) : 0;
}

/** The area two footprints share (m²), from their IoU: I = IoU·(A + B)/(1 + IoU), as IoU = I/(A + B − I). */
function footprintOverlap(a: OrientedBox, b: OrientedBox): number {
  const iou = bevIou(a, b);
  return (iou * (a.size[0] * a.size[1] + b.size[0] * b.size[1])) / (1 + iou);
}

function heightOverlap(a: OrientedBox, b: OrientedBox): number {
  const top = Math.min(a.position[2] + a.size[2] / 2, b.position[2] + b.size[2] / 2);
  const bottom = Math.max(a.position[2] - a.size[2] / 2, b.position[2] - b.size[2] / 2);
  return Math.max(0, top - bottom);
}

/** False when the boxes' bounding spheres are apart: most pairs in a frame are, and this spares the clipping. */
export function mayOverlap(a: OrientedBox, b: OrientedBox): boolean {
  const ra = Math.hypot(...a.size) / 2,
    rb = Math.hypot(...b.size) / 2;
  const d = Math.hypot(a.position[0] - b.position[0], a.position[1] - b.position[1], a.position[2] - b.position[2]);
  return d <= ra + rb;
}
