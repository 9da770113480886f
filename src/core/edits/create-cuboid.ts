import type { Vec3 } from '../math/mat4';
import { normalizeAngle } from '../math/angle';
import type { Cuboid, Track, TrackSizeSource } from '../model/labels';
import { nextTrackNumber } from '../model/track-names';
import { tracksIn } from './track-boxes';
import type { LabelDoc, Patch } from './patch';

export interface CreateCuboidArgs {
  sceneId: string;
  frameIndex: number;
  classId: string;
  /** Centre, metres, ego frame of the frame. */
  position: Vec3;
  size: Vec3;
  yaw: number;
  /** Ids chosen by the caller so that the edit stays a pure function. */
  trackId: string;
  cuboidId: string;
  /** Where the box's size came from (a fit, the class's default, the user's drag), for the track to keep. */
  sizeSource?: TrackSizeSource;
}

/** A new track with one keyframe cuboid: what placing a box does. The track takes the next number of its class. */
export function createCuboid(doc: LabelDoc, args: CreateCuboidArgs): Patch {
  if (doc.has(args.trackId) || doc.has(args.cuboidId)) throw new Error('createCuboid: id already in use');
  if (args.size.some((s) => !(s > 0))) throw new Error('createCuboid: size must be positive');
  const track: Track = {
    type: 'track',
    id: args.trackId,
    sceneId: args.sceneId,
    classId: args.classId,
    attributes: {},
    rigid: true,
    ...(args.sizeSource ? { sizeSource: { ...args.sizeSource } } : {}),
    // Stored, so that the track keeps its number ("Car 7") while others come and go.
    number: nextTrackNumber(tracksIn(doc), args.classId),
  };
  const cuboid: Cuboid = {
    type: 'cuboid',
    id: args.cuboidId,
    sceneId: args.sceneId,
    trackId: args.trackId,
    frameIndex: args.frameIndex,
    position: [...args.position],
    size: [...args.size],
    yaw: normalizeAngle(args.yaw),
    pitch: 0,
    roll: 0,
    attributes: {},
    keyframe: true,
    source: { kind: 'manual' },
  };
  return { added: [track, cuboid], updated: [], removed: [] };
}
