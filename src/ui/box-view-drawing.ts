import { cuboidCorners, CUBOID_EDGES } from '../core/geometry/cuboid';
import { egoToViewOf, type BoxPoseSize, type BoxViewKind } from '../core/geometry/box-view';
import type { NearPoints } from '../core/fit/points-near-box';

/** Pixels per metre and the pixel size of a box view; view metres (h right, k up) map round the centre. */
export interface ViewTransform {
  kind: BoxViewKind;
  /** The pose the view looks from: the box itself, or the box as it was when a drag began. */
  frame: BoxPoseSize;
  scale: number;
  width: number;
  height: number;
}

export function toPixel(t: ViewTransform, h: number, k: number): [number, number] {
  return [t.width / 2 + h * t.scale, t.height / 2 - k * t.scale];
}

export function toViewMetres(t: ViewTransform, px: number, py: number): [number, number] {
  return [(px - t.width / 2) / t.scale, -(py - t.height / 2) / t.scale];
}

/**
 * Draws the points round the box, as seen in the view: those inside the box in its class colour, the rest dim.
 * Points far off the box along the viewing axis are left out, so a neighbour behind it does not clutter the
 * view. `depthHalf` is that slab's half thickness, metres.
 */
export function drawViewPoints(
  context: CanvasRenderingContext2D,
  t: ViewTransform,
  near: NearPoints,
  inside: Uint8Array,
  depthHalf: number,
  insideColor: string,
): void {
  const ratio = context.canvas.width / t.width;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, t.width, t.height);
  const toView = egoToViewOf(t.kind, t.frame);
  const at = new Float64Array(3);
  const p = near.xyz;
  for (const pass of [0, 1]) {
    // Outside points first, so the highlighted ones stay on top.
    context.fillStyle = pass === 1 ? insideColor : '#64748b';
    for (let i = 0; i < near.count; i++) {
      if (inside[i] !== pass) continue;
      toView(p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!, at);
      if (Math.abs(at[2]!) > depthHalf) continue;
      const [x, y] = toPixel(t, at[0]!, at[1]!);
      context.fillRect(x - 1, y - 1, 2, 2);
    }
  }
}

/** The box's 12 edges as pixel segments in the view, and which of them belong to the front face. */
export function boxOutline(t: ViewTransform, box: BoxPoseSize): { segments: number[][]; front: boolean[] } {
  const toView = egoToViewOf(t.kind, t.frame);
  const at = new Float64Array(3);
  const corners = cuboidCorners(box).map(([x, y, z]) => {
    toView(x, y, z, at);
    return toPixel(t, at[0]!, at[1]!);
  });
  const frontCorners = new Set([0, 1, 4, 5]);
  const isFront = ([a, b]: readonly [number, number]) => frontCorners.has(a) && frontCorners.has(b);
  // The front face last, so where a rear edge lies under it (the front view) the front's colour shows.
  const edges = [...CUBOID_EDGES.filter((e) => !isFront(e)), ...CUBOID_EDGES.filter(isFront)];
  return { segments: edges.map(([a, b]) => [...corners[a]!, ...corners[b]!]), front: edges.map(isFront) };
}
