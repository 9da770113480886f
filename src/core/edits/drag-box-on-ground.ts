import type { Cuboid } from '../model/labels';
import { dragBoxInView, pickViewHandle, type BoxViewHandle } from './drag-box-in-view';
import type { CuboidChange } from './update-cuboid';

type Footprint = Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>;

/**
 * A ground point (ego x, y, metres) in the box's top-view coordinates: h to the right of its heading, k along
 * it, from its centre. The 3D view's drags are the top view's drags, taken on the ground.
 */
function toTopView(box: Footprint, x: number, y: number): [number, number] {
  const dx = x - box.position[0],
    dy = y - box.position[1];
  const c = Math.cos(box.yaw),
    s = Math.sin(box.yaw);
  return [-(-s * dx + c * dy), c * dx + s * dy];
}

/**
 * What a press at a ground point grabs of the selected box in the 3D view: a face or a corner of its footprint
 * within `tolerance` metres (resize), or its inside (move); undefined elsewhere.
 */
export function footprintHandleAt(box: Footprint, x: number, y: number, tolerance: number): BoxViewHandle | undefined {
  const [h, k] = toTopView(box, x, y);
  // Zoomed out, a few pixels span more than half a small box: the faces then keep to its outer quarters, so
  // that its middle still moves it.
  const near = Math.min(tolerance, Math.min(box.size[0], box.size[1]) / 4);
  return pickViewHandle('top', box.size, h, k, near, Infinity);
}

/**
 * The change a drag on the ground makes, from the box as the press found it and the press and current ground
 * points: a face or corner resizes with the opposite side kept, the body moves, and `turn` turns the heading
 * by the angle the pointer swept round the centre.
 */
export function dragBoxOnGround(
  start: Footprint,
  grab: BoxViewHandle | 'turn',
  from: readonly [number, number],
  at: readonly [number, number],
): CuboidChange {
  const [cx, cy] = start.position;
  if (grab === 'turn') {
    return { yaw: start.yaw + Math.atan2(at[1] - cy, at[0] - cx) - Math.atan2(from[1] - cy, from[0] - cx) };
  }
  const [h0, k0] = toTopView(start, from[0], from[1]);
  const [h, k] = toTopView(start, at[0], at[1]);
  return dragBoxInView('top', start, grab, { dh: h - h0, dk: k - k0, h, k });
}
