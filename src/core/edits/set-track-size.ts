import { fromPose, transformDirection, type Vec3 } from '../math/mat4';
import type { Cuboid, Track, TrackSizeSource } from '../model/labels';
import type { LabelDoc, Patch } from './patch';
import { trackBoxes } from './track-boxes';

/** A rigid track's new size, where its object's centre lies in each box, and the evidence behind it. */
export interface TrackSizeChange {
  trackId: string;
  /** [length, width, height], metres. */
  size: Vec3;
  /** Metres along each box's length, width and height axes: where the centre moves in the box's own frame. */
  offset: Vec3;
  sizeSource: TrackSizeSource;
}

/**
 * Gives a rigid track a size estimated for all of it (from its accumulated points): every stored box takes the
 * size, its centre moves by `offset` said in its own frame (the estimate's centre, like a track-view drag), and
 * the track records where the size came from. Boxes keep their keyframe flag and source: an estimate is not the
 * annotator placing them. Boxes between stored ones are derived, so they follow. Empty when nothing changes.
 */
export function setTrackSize(doc: LabelDoc, args: TrackSizeChange): Patch {
  const track = doc.get(args.trackId);
  if (!track || track.type !== 'track') throw new Error(`setTrackSize: no track ${args.trackId}`);
  if (!track.rigid) throw new Error('setTrackSize: the track is not rigid, its boxes keep sizes of their own');
  if (args.size.some((s) => !(s > 0))) throw new Error('setTrackSize: size must be positive');
  const patch: Patch = { added: [], updated: [], removed: [] };
  for (const box of trackBoxes(doc, args.trackId)) {
    const d = transformDirection(fromPose([0, 0, 0], box.yaw, box.pitch, box.roll), args.offset);
    const after: Cuboid = {
      ...box,
      position: [box.position[0] + d[0], box.position[1] + d[1], box.position[2] + d[2]],
      size: [...args.size],
    };
    if (after.size.some((v, i) => v !== box.size[i]) || d.some((v) => v !== 0)) patch.updated.push([box, after]);
  }
  if (JSON.stringify(track.sizeSource) !== JSON.stringify(args.sizeSource)) {
    const after: Track = { ...track, sizeSource: { ...args.sizeSource } };
    patch.updated.push([track, after]);
  }
  return patch;
}
