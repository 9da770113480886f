import type { TimeSegment } from '../model/labels';
import { emptyPatch, type LabelDoc, type Patch } from './patch';

/**
 * What a track's time segments do when the track loses or hands over frames, so that no segment is left on a
 * track that no longer exists. The track edits (`deleteTrackFrom`, `reassignFrom` and so `splitTrack` and
 * `mergeTracks`, `deleteCuboid`) add these changes to their own patch, so each stays one undo entry.
 */

export function segmentsOf(doc: LabelDoc, trackId: string): TimeSegment[] {
  const out: TimeSegment[] = [];
  for (const r of doc.values()) if (r.type === 'segment' && r.trackId === trackId) out.push(r);
  return out.sort((a, b) => a.startFrame - b.startFrame || a.id.localeCompare(b.id));
}

/**
 * The track's frames from `fromFrame` on are deleted: segments starting there or later go, one spanning
 * `fromFrame` ends just before it. With `trackGone` (its record is removed too) every segment of it goes.
 */
export function segmentsAfterDelete(doc: LabelDoc, trackId: string, fromFrame: number, trackGone: boolean): Patch {
  const patch = emptyPatch();
  for (const s of segmentsOf(doc, trackId)) {
    if (trackGone || s.startFrame >= fromFrame) patch.removed.push(s);
    else if (s.endFrame >= fromFrame) patch.updated.push([s, { ...s, endFrame: fromFrame - 1 }]);
  }
  return patch;
}

/**
 * The track's frames from `fromFrame` on now belong to `toTrackId` (a split, a change of identity, a merge):
 * segments starting there or later move with them; one spanning `fromFrame` is cut in two, its later part a new
 * segment of `toTrackId` with the id `<id>~<toTrackId>`. With `trackGone` every segment moves, since the track
 * it described is now the other one.
 */
export function segmentsAfterReassign(
  doc: LabelDoc,
  args: { trackId: string; fromFrame: number; toTrackId: string; trackGone: boolean },
): Patch {
  const patch = emptyPatch();
  const { fromFrame, toTrackId } = args;
  for (const s of segmentsOf(doc, args.trackId)) {
    if (args.trackGone || s.startFrame >= fromFrame) {
      patch.updated.push([s, { ...s, trackId: toTrackId }]);
    } else if (s.endFrame >= fromFrame) {
      const id = `${s.id}~${toTrackId}`;
      if (doc.has(id)) throw new Error(`segment id ${id} already in use`);
      patch.updated.push([s, { ...s, endFrame: fromFrame - 1 }]);
      patch.added.push({ ...s, id, trackId: toTrackId, startFrame: fromFrame, attributes: { ...s.attributes } });
    }
  }
  return patch;
}
