import type { Track } from '../model/labels';
import { composePatches, type LabelDoc, type Patch } from './patch';
import { segmentsAfterDelete, segmentsAfterReassign } from './segments-of-track';
import { derivedId } from '../tracks/interpolate';
import { trackBoxes, tracksIn } from './track-boxes';
import { nextTrackNumber } from '../model/track-names';

/**
 * Track operations: each a pure edit over the doc returning one patch, so each is one undo entry. Frames are
 * frame indices; "from a frame on" includes that frame.
 */

/** A change of identity refused because both tracks have a box on `frames` (1-based), which the UI names. */
export class TracksOverlapError extends Error {
  override name = 'TracksOverlapError';

  constructor(readonly frames: readonly number[]) {
    super(`both tracks have a box on frame ${frames.join(', ')}`);
  }
}

function trackOf(doc: LabelDoc, id: string, edit: string): Track {
  const t = doc.get(id);
  if (!t || t.type !== 'track') throw new Error(`${edit}: no track ${id}`);
  return t;
}

/**
 * Moves a track's boxes from `fromFrame` on into another track: "change identity from here" (the other track
 * exists) or "split here" (it does not, and is made with the class, attributes and rigidity of the first).
 * Refused where both tracks have a box on the same frame, naming those frames. A track left with no box is
 * removed. Time segments follow the boxes (`segmentsAfterReassign`).
 */
export function reassignFrom(doc: LabelDoc, args: { trackId: string; fromFrame: number; toTrackId: string }): Patch {
  const source = trackOf(doc, args.trackId, 'reassignFrom');
  if (args.toTrackId === args.trackId) throw new Error('reassignFrom: a track cannot take its own boxes');
  const target = doc.get(args.toTrackId);
  if (target && target.type !== 'track') throw new Error(`reassignFrom: ${args.toTrackId} is not a track`);
  const moving = trackBoxes(doc, args.trackId).filter((c) => c.frameIndex >= args.fromFrame);
  if (moving.length === 0)
    throw new Error(`reassignFrom: track ${args.trackId} has no box from frame ${args.fromFrame} on`);
  const taken = new Set(target ? trackBoxes(doc, target.id).map((c) => c.frameIndex) : []);
  const clashes = moving.filter((c) => taken.has(c.frameIndex)).map((c) => c.frameIndex + 1);
  if (clashes.length > 0) throw new TracksOverlapError(clashes);
  const patch: Patch = { added: [], updated: [], removed: [] };
  const trackGone = moving.length === trackBoxes(doc, args.trackId).length;
  if (!target) patch.added.push(splitOff(doc, source, args.toTrackId, trackGone));
  for (const c of moving) {
    // A box stored from a derived one is named after its track and frame (`T@7`); moved to another track it
    // takes that track's name, or the old track could later derive a second box of the same id on that frame.
    if (c.id === derivedId(c.trackId, c.frameIndex)) {
      patch.removed.push(c);
      patch.added.push({ ...c, id: derivedId(args.toTrackId, c.frameIndex), trackId: args.toTrackId });
    } else {
      patch.updated.push([c, { ...c, trackId: args.toTrackId }]);
    }
  }
  if (trackGone) patch.removed.push(source);
  const { trackId, fromFrame, toTrackId } = args;
  return composePatches(patch, segmentsAfterReassign(doc, { trackId, fromFrame, toTrackId, trackGone }));
}

/**
 * The new track a split makes: the class, attributes and rigidity of the first, but not its identity (the
 * dataset's id and the name stay with the first part; it takes the next number of its class), unless every box
 * moves, when it is the same object under a new id.
 */
function splitOff(doc: LabelDoc, source: Track, id: string, whole: boolean): Track {
  if (whole) return { ...source, id, attributes: { ...source.attributes } };
  const { name: _n, externalId: _e, number: _k, ...rest } = source;
  return { ...rest, id, attributes: { ...source.attributes }, number: nextTrackNumber(tracksIn(doc), source.classId) };
}

/** Splits a track at a frame: its boxes from there on become a new track `newTrackId`. */
export function splitTrack(doc: LabelDoc, args: { trackId: string; atFrame: number; newTrackId: string }): Patch {
  if (doc.has(args.newTrackId)) throw new Error(`splitTrack: id ${args.newTrackId} already in use`);
  const first = trackBoxes(doc, args.trackId)[0];
  if (first && first.frameIndex >= args.atFrame)
    throw new Error('splitTrack: nothing of the track lies before that frame');
  return reassignFrom(doc, { trackId: args.trackId, fromFrame: args.atFrame, toTrackId: args.newTrackId });
}

/** Merges track `mergeId` into `keepId`: all its boxes, then the track itself goes. */
export function mergeTracks(doc: LabelDoc, args: { keepId: string; mergeId: string }): Patch {
  trackOf(doc, args.keepId, 'mergeTracks');
  trackOf(doc, args.mergeId, 'mergeTracks');
  return reassignFrom(doc, { trackId: args.mergeId, fromFrame: 0, toTrackId: args.keepId });
}

/**
 * Deletes a track's boxes from a frame on (the whole track, with its record, from its first frame). Its time
 * segments are cut at that frame, or all removed with the track.
 */
export function deleteTrackFrom(doc: LabelDoc, args: { trackId: string; fromFrame: number }): Patch {
  const track = trackOf(doc, args.trackId, 'deleteTrackFrom');
  const all = trackBoxes(doc, args.trackId);
  const removed: Patch['removed'] = all.filter((c) => c.frameIndex >= args.fromFrame);
  const trackGone = removed.length === all.length;
  if (trackGone) removed.push(track);
  return composePatches(
    { added: [], updated: [], removed },
    segmentsAfterDelete(doc, args.trackId, args.fromFrame, trackGone),
  );
}
