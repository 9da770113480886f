import { editedSource } from './confirm-prelabels';
import { fromPose, transformDirection, type Vec3 } from '../math/mat4';
import { normalizeAngle } from '../math/angle';
import type { Cuboid, Track } from '../model/labels';
import type { CuboidChange } from './update-cuboid';
import type { LabelDoc, Patch } from './patch';
import { trackBoxes } from './track-boxes';

/** The smallest size a box may be left with along any axis, metres. */
const MIN_SIZE = 0.05;

/** One correction for every box of a track, said in the box's own frame so that it fits every frame alike. */
export interface TrackAdjustment {
  trackId: string;
  /** Metres along the box's length, width and height axes (forward, left, up). */
  offset: Vec3;
  /** The size the track takes, [length, width, height] metres. */
  size?: Vec3;
  /**
   * For a track that is not rigid: the size `size` was changed from (the reference box's). Each box then
   * changes by the same amount and keeps its own variation; without it every box takes `size`.
   */
  sizeFrom?: Vec3;
  /** Radians added to every box's yaw. */
  yawDelta?: number;
}

/**
 * Applies one correction to every stored box of a track, each in its own box frame: the centre moves by
 * R_f · offset (R_f the box's rotation), the yaw turns by `yawDelta`, and a rigid track takes the new size.
 * Boxes between the stored ones are derived from them, so they follow. Where pitch and roll are zero (nearly
 * always) this is the box-frame transform it says, so the box-to-box transforms of the track stay the same.
 * Every adjusted box is the annotator's: a keyframe set by hand; a rigid track's new size is marked as set by hand,
 * so no estimate replaces it until the user asks for one.
 */
export function adjustTrack(doc: LabelDoc, args: TrackAdjustment): Patch {
  const track = doc.get(args.trackId);
  if (!track || track.type !== 'track') throw new Error(`adjustTrack: no track ${args.trackId}`);
  if (args.size?.some((s) => !(s > 0))) throw new Error('adjustTrack: size must be positive');
  const patch: Patch = { added: [], updated: [], removed: [] };
  for (const r of trackBoxes(doc, args.trackId)) {
    const d = transformDirection(fromPose([0, 0, 0], r.yaw, r.pitch, r.roll), args.offset);
    const after: Cuboid = {
      ...r,
      position: [r.position[0] + d[0], r.position[1] + d[1], r.position[2] + d[2]],
      size: sizeOf(r.size, args, track.rigid),
      yaw: normalizeAngle(r.yaw + (args.yawDelta ?? 0)),
      keyframe: true,
      source: editedSource(r.source),
    };
    patch.updated.push([r, after]);
  }
  if (args.size && track.rigid && track.sizeSource?.kind !== 'hand') {
    const after: Track = { ...track, sizeSource: { kind: 'hand' } };
    patch.updated.push([track, after]);
  }
  return patch;
}

function sizeOf(size: Vec3, args: TrackAdjustment, rigid: boolean): Vec3 {
  const { size: to, sizeFrom: from } = args;
  if (!to) return size;
  if (rigid || !from) return [...to];
  return size.map((s, i) => Math.max(MIN_SIZE, s + to[i]! - from[i]!)) as unknown as Vec3;
}

/**
 * The track adjustment that does to every box what `change` does to `start` (a drag on one box of the track
 * in a view): the centre's move said in `start`'s box frame, the turn, and the new size.
 */
export function adjustmentOf(trackId: string, start: Cuboid, change: CuboidChange): TrackAdjustment {
  const moved = change.position ?? start.position;
  const delta: Vec3 = [moved[0] - start.position[0], moved[1] - start.position[1], moved[2] - start.position[2]];
  // The rotation's transpose takes an ego-frame step into the box frame.
  const r = fromPose([0, 0, 0], start.yaw, start.pitch, start.roll);
  const offset: Vec3 = [0, 1, 2].map((c) => r[c]! * delta[0] + r[4 + c]! * delta[1] + r[8 + c]! * delta[2]) as [
    number,
    number,
    number,
  ];
  return {
    trackId,
    offset,
    size: change.size ? [...change.size] : undefined,
    sizeFrom: change.size ? [...start.size] : undefined,
    yawDelta: change.yaw === undefined ? 0 : normalizeAngle(change.yaw - start.yaw),
  };
}
