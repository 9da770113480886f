import type { Track } from '../../core/model/labels';
import { trackDisplayNames } from '../../core/model/track-names';

/** One track's row: what its label says and the colour its bars take. */
export interface TrackRow {
  trackId: string;
  classId: string;
  /** The name the track is shown by (`trackDisplayNames`): different for every track. */
  label: string;
  color: string;
  /** First frame with a stored box (the order of the rows); Infinity for a track with none. */
  first: number;
}

/**
 * The track rows, in order of first appearance (then id, so the order is stable), limited to one class when
 * `classFilter` is not '' and to the tracks `query` finds (`matchesTrack`) when it is not blank. `classOf` names
 * a class and gives its colour in the current language; `names` are the tracks' shown names where the caller
 * has them already (else they are made here, from every track given).
 */
export function buildTrackRows(
  tracks: Iterable<Track>,
  firstFrameOf: (trackId: string) => number | undefined,
  classFilter: string,
  classOf: (classId: string) => { name: string; color: string },
  query = '',
  names?: ReadonlyMap<string, string>,
): TrackRow[] {
  const all = [...tracks];
  const shown = names ?? trackDisplayNames(all, (c) => classOf(c).name);
  const rows: TrackRow[] = [];
  for (const t of all) {
    if (classFilter !== '' && t.classId !== classFilter) continue;
    const label = shown.get(t.id) ?? t.id;
    if (!matchesTrack(query, label, t)) continue;
    const cls = classOf(t.classId);
    rows.push({
      trackId: t.id,
      classId: t.classId,
      label,
      color: cls.color,
      first: firstFrameOf(t.id) ?? Infinity,
    });
  }
  return rows.sort((a, b) => a.first - b.first || (a.trackId < b.trackId ? -1 : a.trackId > b.trackId ? 1 : 0));
}

/**
 * Whether a search finds a track: every word of `query` (any case) is in its shown name, its own name or the
 * dataset's id, so that a pasted dataset id finds its track too. A blank query finds every track.
 */
export function matchesTrack(query: string, shownName: string, track: Pick<Track, 'name' | 'externalId'>): boolean {
  const text = [shownName, track.name ?? '', track.externalId ?? ''].join('\n').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

/** Index of a track's row, or -1 where it is not listed (filtered out). */
export function rowOfTrack(rows: readonly TrackRow[], trackId: string | undefined): number {
  return trackId === undefined ? -1 : rows.findIndex((r) => r.trackId === trackId);
}
