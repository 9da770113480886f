import type { Track } from '../../core/model/labels';

/** One track's row: what its label says and the colour its bars take. */
export interface TrackRow {
  trackId: string;
  classId: string;
  /** Class name and the first characters of the id, enough to tell tracks apart. */
  label: string;
  color: string;
  /** First frame with a stored box (the order of the rows); Infinity for a track with none. */
  first: number;
}

/**
 * The track rows, in order of first appearance (then id, so the order is stable), limited to one class when
 * `classFilter` is not ''. `classOf` names a class and gives its colour in the current language.
 */
export function buildTrackRows(
  tracks: Iterable<Track>,
  firstFrameOf: (trackId: string) => number | undefined,
  classFilter: string,
  classOf: (classId: string) => { name: string; color: string },
): TrackRow[] {
  const rows: TrackRow[] = [];
  for (const t of tracks) {
    if (classFilter !== '' && t.classId !== classFilter) continue;
    const cls = classOf(t.classId);
    rows.push({
      trackId: t.id,
      classId: t.classId,
      label: `${cls.name} ${t.id.slice(0, 6)}`,
      color: cls.color,
      first: firstFrameOf(t.id) ?? Infinity,
    });
  }
  return rows.sort((a, b) => a.first - b.first || (a.trackId < b.trackId ? -1 : a.trackId > b.trackId ? 1 : 0));
}

/** Index of a track's row, or -1 where it is not listed (filtered out). */
export function rowOfTrack(rows: readonly TrackRow[], trackId: string | undefined): number {
  return trackId === undefined ? -1 : rows.findIndex((r) => r.trackId === trackId);
}
