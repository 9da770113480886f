import type { Vec3 } from '../math/mat4';
import { normalizeAngle } from '../math/angle';
import type { Cuboid } from '../model/labels';
import type { LabelDoc, Patch } from './patch';
import { derivedId } from '../tracks/interpolate';
import { editedSource } from './confirm-prelabels';

/** The pose and size fields an edit may change. */
export type CuboidChange = Partial<Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll' | 'attributes'>>;

/**
 * Changes a cuboid's pose or size. The result is a keyframe set by hand (editing a derived box makes it a
 * keyframe: pass the derived box, which the doc does not hold); yaw is normalised to (−π, π]; sizes must stay
 * positive.
 */
export function updateCuboid(doc: LabelDoc, args: { cuboidId: string; change: CuboidChange; derived?: Cuboid }): Patch {
  const stored = doc.get(args.cuboidId);
  // A derived (interpolated) box is not in the doc: editing it stores it, as a keyframe, under its own id. Only
  // a box that is derived and whose track still exists: a box deleted while it was being dragged stays deleted.
  const derived = args.derived;
  const live =
    derived?.id === args.cuboidId &&
    derived.source.kind === 'interpolated' &&
    doc.get(derived.trackId)?.type === 'track' &&
    derived.id === derivedId(derived.trackId, derived.frameIndex);
  const before = stored ?? (live ? derived : undefined);
  if (!before || before.type !== 'cuboid') throw new Error(`updateCuboid: no cuboid ${args.cuboidId}`);
  const { change } = args;
  if (change.size && change.size.some((s) => !(s > 0))) throw new Error('updateCuboid: size must be positive');
  const after: Cuboid = {
    ...before,
    ...change,
    position: change.position ? [...change.position] : before.position,
    size: change.size ? [...change.size] : before.size,
    yaw: normalizeAngle(change.yaw ?? before.yaw),
    keyframe: true,
    source: editedSource(before.source),
  };
  return stored ? { added: [], updated: [[before, after]], removed: [] } : { added: [after], updated: [], removed: [] };
}

/** A step in the box's own frame: forward/left along its heading, up along ego z; metres. */
export function offsetInBoxFrame(c: Pick<Cuboid, 'position' | 'yaw'>, forward: number, left: number, up: number): Vec3 {
  const cos = Math.cos(c.yaw),
    sin = Math.sin(c.yaw);
  return [c.position[0] + forward * cos - left * sin, c.position[1] + forward * sin + left * cos, c.position[2] + up];
}
