import { fromPose, transformDirection, type Vec3 } from '../math/mat4';
import { sizeAxisOf, viewHalfExtents, viewToBox, type BoxPoseSize, type BoxViewKind } from '../geometry/box-view';
import type { CuboidChange } from './update-cuboid';

/**
 * What a press in a box view grabbed: the body (move), a face or a corner (`h`, `k` say which side of each
 * view axis, 0 for neither), or the heading handle (rotate, top view only).
 */
export type BoxViewHandle = { kind: 'move' } | { kind: 'resize'; h: -1 | 0 | 1; k: -1 | 0 | 1 } | { kind: 'rotate' };

/** The smallest size a drag may leave along any axis, metres. */
export const MIN_SIZE = 0.05;

/**
 * The handle under a view point (h, k metres from the box centre). `tolerance` is how near an edge counts as on
 * it and `handleOffset` how far above the box's front the heading handle sits (both metres: pixels / scale).
 */
export function pickViewHandle(
  kind: BoxViewKind,
  size: Vec3,
  h: number,
  k: number,
  tolerance: number,
  handleOffset: number,
): BoxViewHandle | undefined {
  const [hh, hk] = viewHalfExtents(kind, size);
  if (kind === 'top' && Math.hypot(h, k - (hk + handleOffset)) <= tolerance * 1.5) return { kind: 'rotate' };
  const nearH = Math.abs(Math.abs(h) - hh) <= tolerance && Math.abs(k) <= hk + tolerance;
  const nearK = Math.abs(Math.abs(k) - hk) <= tolerance && Math.abs(h) <= hh + tolerance;
  if (nearH || nearK) {
    return { kind: 'resize', h: nearH ? (h > 0 ? 1 : -1) : 0, k: nearK ? (k > 0 ? 1 : -1) : 0 };
  }
  if (Math.abs(h) < hh && Math.abs(k) < hk) return { kind: 'move' };
  return undefined;
}

/**
 * The change a drag makes to a box, from the box as it was when the press began (`start`) and the pointer's
 * travel in view metres (dh, dk) or, for rotate, its position (h, k) relative to the start centre. Resizing
 * moves the grabbed face and keeps the opposite one where it was; rotating turns the heading towards the
 * pointer. Directions are taken in the box's own frame, so pitch and roll are honoured.
 */
export function dragBoxInView(
  kind: BoxViewKind,
  start: BoxPoseSize,
  handle: BoxViewHandle,
  pointer: { dh: number; dk: number; h: number; k: number },
): CuboidChange {
  const rotation = fromPose([0, 0, 0], start.yaw, start.pitch, start.roll);
  const shifted = (dh: number, dk: number): Vec3 => {
    const d = transformDirection(rotation, viewToBox(kind, dh, dk));
    return [start.position[0] + d[0], start.position[1] + d[1], start.position[2] + d[2]];
  };
  switch (handle.kind) {
    case 'move':
      return { position: shifted(pointer.dh, pointer.dk) };
    case 'rotate':
      // The heading points up the top view (+k); the pointer's angle from there, counter-clockwise from above.
      return { yaw: start.yaw + Math.atan2(-pointer.h, pointer.k) };
    case 'resize': {
      const size: [number, number, number] = [...start.size];
      const shift = [0, 0];
      (['h', 'k'] as const).forEach((axis, i) => {
        const side = handle[axis];
        if (side === 0) return;
        const at = sizeAxisOf(kind, axis);
        const travel = i === 0 ? pointer.dh : pointer.dk;
        const grown = Math.max(MIN_SIZE, start.size[at] + side * travel);
        shift[i] = (side * (grown - start.size[at])) / 2;
        size[at] = grown;
      });
      return { size, position: shifted(shift[0]!, shift[1]!) };
    }
  }
}
