import type { Vec3 } from '../math/mat4';
import type { Cuboid } from '../model/labels';
import { blendAngle, carryPose, fractionBetween, type FrameTiming } from '../tracks/frame-motion';
import type { LabelDoc, Patch } from './patch';
import { trackBoxes } from './track-boxes';

/**
 * Puts `box` on frame `toFrame` as a stored keyframe of its track with the given pose (ego frame of `toFrame`),
 * replacing the track's box there if it has one. `id` names a new record.
 */
function placeOnFrame(
  doc: LabelDoc,
  box: Cuboid,
  toFrame: number,
  pose: Pick<Cuboid, 'position' | 'yaw'>,
  id: string,
): Patch {
  const existing = trackBoxes(doc, box.trackId).find((c) => c.frameIndex === toFrame);
  const after: Cuboid = {
    ...box,
    id: existing?.id ?? id,
    frameIndex: toFrame,
    position: [...pose.position],
    yaw: pose.yaw,
    attributes: { ...box.attributes },
    keyframe: true,
    source: { kind: 'propagated' },
  };
  if (existing) return { added: [], updated: [[existing, after]], removed: [] };
  if (doc.has(id)) throw new Error(`propagate: id ${id} already in use`);
  return { added: [after], updated: [], removed: [] };
}

/**
 * Copies a box to another frame where it stays put in the world (the ego's motion between the frames taken out;
 * in ego coordinates where the scene has no poses): propagation, for objects that do not move.
 */
export function propagateCuboid(
  doc: LabelDoc,
  args: { box: Cuboid; toFrame: number; frames: readonly FrameTiming[]; id: string },
): Patch {
  const pose = carryPose(args.box, args.frames, args.toFrame, args.box.frameIndex);
  return placeOnFrame(doc, args.box, args.toFrame, pose, args.id);
}

/**
 * Predicts a track's box on `toFrame` at constant velocity and turn rate from its two stored boxes nearest
 * before it (or after it, predicting backwards), in world coordinates where poses exist. Undefined when the
 * track has fewer than two boxes on that side.
 */
export function predictCuboid(
  doc: LabelDoc,
  args: { trackId: string; toFrame: number; frames: readonly FrameTiming[]; id: string },
): Patch | undefined {
  const boxes = trackBoxes(doc, args.trackId);
  const before = boxes.filter((c) => c.frameIndex < args.toFrame);
  const after = boxes.filter((c) => c.frameIndex > args.toFrame);
  const [a, b] =
    before.length >= 2 ? [before.at(-2)!, before.at(-1)!] : after.length >= 2 ? [after[1]!, after[0]!] : [];
  if (!a || !b) return undefined;
  // Seen from b's frame: a carried there, then the step from a to b continued to the frame asked for.
  const from = carryPose(a, args.frames, b.frameIndex, a.frameIndex);
  const t = fractionBetween(args.frames, a.frameIndex, b.frameIndex, args.toFrame);
  const position = from.position.map((v, i) => v + t * (b.position[i]! - v)) as unknown as Vec3;
  const pose = carryPose({ position, yaw: blendAngle(from.yaw, b.yaw, t) }, args.frames, args.toFrame, b.frameIndex);
  return placeOnFrame(doc, b, args.toFrame, pose, args.id);
}
