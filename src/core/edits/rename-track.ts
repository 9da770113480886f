import type { Track } from '../model/labels';
import { emptyPatch, type LabelDoc, type Patch } from './patch';

/** A name another track already shows: the rename is refused and nothing changes. */
export class TrackNameTakenError extends Error {
  override name = 'TrackNameTakenError';

  constructor(
    readonly trackName: string,
    readonly otherTrackId: string,
  ) {
    super(`the name ${trackName} is taken by track ${otherTrackId}`);
  }
}

/**
 * Gives a track the name it is shown by (spaces at either end dropped), or, with an empty name, takes its own
 * name away so that the naming rule (`trackDisplayNames`) names it again. Refused with `TrackNameTakenError`
 * where another track has that name or shows it (`shown`: every track's shown name, as the UI has them);
 * the name it already has is an empty patch.
 */
export function renameTrack(
  doc: LabelDoc,
  args: { trackId: string; name: string; shown?: ReadonlyMap<string, string> },
): Patch {
  const before = doc.get(args.trackId);
  if (!before || before.type !== 'track') throw new Error(`renameTrack: no track ${args.trackId}`);
  const name = args.name.trim();
  if (name === (before.name?.trim() ?? '')) return emptyPatch();
  if (name !== '') {
    for (const [id, shown] of args.shown ?? []) {
      if (id !== before.id && shown === name) throw new TrackNameTakenError(name, id);
    }
    for (const r of doc.values()) {
      if (r.type === 'track' && r.id !== before.id && r.name?.trim() === name)
        throw new TrackNameTakenError(name, r.id);
    }
  }
  const { name: _, ...rest } = before;
  const after: Track = name === '' ? rest : { ...rest, name };
  return { added: [], updated: [[before, after]], removed: [] };
}
