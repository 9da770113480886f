import type { AttributeValue, Track } from '../model/labels';
import type { LabelDoc, Patch } from './patch';

/** Changes a track's class or static attributes: every box of the track follows, since they share it. */
export function updateTrack(
  doc: LabelDoc,
  args: { trackId: string; classId?: string; attributes?: Record<string, AttributeValue> },
): Patch {
  const before = doc.get(args.trackId);
  if (!before || before.type !== 'track') throw new Error(`updateTrack: no track ${args.trackId}`);
  const after: Track = {
    ...before,
    classId: args.classId ?? before.classId,
    attributes: args.attributes ? { ...args.attributes } : before.attributes,
  };
  return { added: [], updated: [[before, after]], removed: [] };
}
