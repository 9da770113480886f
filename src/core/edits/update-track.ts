import type { AttributeValue, Track } from '../model/labels';
import { nextTrackNumber } from '../model/track-names';
import type { LabelDoc, Patch } from './patch';
import { tracksIn } from './track-boxes';

/** Changes a track's class or static attributes: every box of the track follows, since they share it. */
export function updateTrack(
  doc: LabelDoc,
  args: { trackId: string; classId?: string; attributes?: Record<string, AttributeValue> },
): Patch {
  const before = doc.get(args.trackId);
  if (!before || before.type !== 'track') throw new Error(`updateTrack: no track ${args.trackId}`);
  const classId = args.classId ?? before.classId;
  const after: Track = {
    ...before,
    classId,
    attributes: args.attributes ? { ...args.attributes } : before.attributes,
  };
  // A numbered track that changes class takes the next number of its new class ("Car 3" → "Truck 5").
  if (before.number !== undefined && classId !== before.classId) {
    after.number = nextTrackNumber(
      tracksIn(doc).filter((t) => t.id !== before.id),
      classId,
    );
  }
  return { added: [], updated: [[before, after]], removed: [] };
}
