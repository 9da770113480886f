import type { LabelVersion } from '../core/model/label-version';
import type { Cuboid, LabelRecord, TimeSegment } from '../core/model/labels';
import { restoreVersion } from '../core/edits/restore-version';
import {
  diffRecords,
  type BoxChange,
  type RecordsDiff,
  type SegmentChange,
  type TrackChange,
} from '../core/tracks/diff-records';
import { DIFFERENCE_COLORS } from './compare.svelte';
import type { LabelsState } from './labels.svelte';

/** The diff's colours in the 3D view: those the comparison gives what one side has and the other lacks. */
export const VERSION_DIFF_COLORS = {
  removed: DIFFERENCE_COLORS.missed,
  added: DIFFERENCE_COLORS.matched,
  changed: DIFFERENCE_COLORS.extra,
} as const;

export type DiffChange = 'added' | 'removed' | 'changed';

/** One line of the list of differences; `frame` is where a click goes. */
export type DiffRow =
  | { kind: 'track'; change: DiffChange; trackId: string; frame?: number; changes: TrackChange[] }
  | { kind: 'box'; change: DiffChange; trackId: string; frame: number; changes: BoxChange[] }
  | { kind: 'segment'; change: DiffChange; segment: TimeSegment; frame: number; changes: SegmentChange[] };

/** What the diff adds to the 3D view on a frame: boxes of the version, and colours for some of the labels'. */
export interface DrawnDiff {
  boxes: Cuboid[];
  colorOf: Record<string, string>;
}

/** The part of the session the diff reads and moves. */
export interface DiffSession {
  readonly labels: LabelsState;
  readonly frameIndex: number;
  goToFrame(index: number): Promise<void>;
  selectTrack(trackId: string | undefined): void;
}

/**
 * A label version compared with the current labels, kept up to date as they change (so an edit, a restore or
 * its undo shows at once), and the restore of a version as one undoable edit. Kept by the session, not by the
 * dialog that opened it: the 3D view goes on drawing the differences after the dialog is closed.
 */
export class VersionDiffState {
  /** The version compared with the labels; none: nothing is compared. */
  version = $state.raw<LabelVersion | undefined>(undefined);
  #made: { labels: number; version: LabelVersion; diff: RecordsDiff } | undefined;

  constructor(private readonly session: DiffSession) {}

  open(version: LabelVersion): void {
    this.version = version;
  }

  close(): void {
    this.version = undefined;
    this.#made = undefined;
  }

  /** From the version to the labels: "added" is what the labels have that the version lacks. */
  get diff(): RecordsDiff | undefined {
    const version = this.version;
    const labels = this.session.labels.version;
    if (!version) return undefined;
    const made = this.#made;
    if (made?.version === version && made.labels === labels) return made.diff;
    const diff = diffRecords(version.records, this.session.labels.doc.values());
    this.#made = { labels, version, diff };
    return diff;
  }

  /** The differences as a list: tracks, then boxes by frame, then segments. */
  get rows(): DiffRow[] {
    const diff = this.diff;
    if (!diff) return [];
    const rows: DiffRow[] = [];
    const records = this.version?.records ?? [];
    const { tracks, boxes, segments } = diff;
    const trackRow = (id: string, change: DiffChange, changes: TrackChange[]): DiffRow => ({ kind: 'track', change, trackId: id, frame: this.#firstFrameOf(id, change === 'removed' ? records : undefined), changes }); // prettier-ignore
    for (const t of tracks.added) rows.push(trackRow(t.id, 'added', []));
    for (const t of tracks.removed) rows.push(trackRow(t.id, 'removed', []));
    for (const c of tracks.changed) rows.push(trackRow(c.after.id, 'changed', c.changes));
    const boxRows: DiffRow[] = [];
    const boxRow = (c: Cuboid, change: DiffChange, changes: BoxChange[]): DiffRow => ({ kind: 'box', change, trackId: c.trackId, frame: c.frameIndex, changes }); // prettier-ignore
    for (const c of boxes.added) boxRows.push(boxRow(c, 'added', []));
    for (const c of boxes.removed) boxRows.push(boxRow(c, 'removed', []));
    for (const c of boxes.changed) boxRows.push(boxRow(c.after, 'changed', c.changes));
    // Stable: within a frame, added, removed, changed, each by track.
    rows.push(...boxRows.sort((a, b) => (a.frame ?? 0) - (b.frame ?? 0)));
    const segmentRow = (s: TimeSegment, change: DiffChange, changes: SegmentChange[]): DiffRow => ({ kind: 'segment', change, segment: s, frame: s.startFrame, changes }); // prettier-ignore
    for (const s of segments.added) rows.push(segmentRow(s, 'added', []));
    for (const s of segments.removed) rows.push(segmentRow(s, 'removed', []));
    for (const c of segments.changed) rows.push(segmentRow(c.after, 'changed', c.changes));
    return rows;
  }

  /**
   * What the 3D view adds on a frame: the version's boxes the labels no longer have (red), the version's pose of
   * a box changed since (orange), and the labels' boxes the version lacked, in green (derived boxes of a track
   * the version lacked too). The version's boxes go by ids of their own: they share ids with the labels' boxes.
   */
  drawnOn(frame: number): DrawnDiff | undefined {
    const diff = this.diff;
    if (!diff) return undefined;
    const boxes: Cuboid[] = [];
    const colorOf: Record<string, string> = {};
    const fromVersion = (c: Cuboid, color: string) => {
      if (c.frameIndex !== frame) return;
      boxes.push({ ...c, id: `version:${c.id}` });
      colorOf[`version:${c.id}`] = color;
    };
    for (const c of diff.boxes.removed) fromVersion(c, VERSION_DIFF_COLORS.removed);
    for (const c of diff.boxes.changed) fromVersion(c.before, VERSION_DIFF_COLORS.changed);
    for (const c of diff.boxes.added) if (c.frameIndex === frame) colorOf[c.id] = VERSION_DIFF_COLORS.added;
    const added = diff.tracks.added;
    if (added.length > 0) {
      for (const c of this.session.labels.cuboidsOn(frame))
        if (added.some((t) => t.id === c.trackId)) colorOf[c.id] = VERSION_DIFF_COLORS.added;
    }
    return { boxes, colorOf };
  }

  /** Shows a row's frame with its track's box there selected, where the labels still have the track. */
  async show(row: DiffRow): Promise<void> {
    if (row.frame !== undefined) await this.session.goToFrame(row.frame);
    const trackId = row.kind === 'segment' ? row.segment.trackId : row.trackId;
    this.session.selectTrack(trackId && this.session.labels.tracks.track(trackId) ? trackId : undefined);
  }

  /**
   * Makes the labels the version's tracks, boxes and segments as one edit (`restoreVersion`), which Undo takes
   * back; reviews and dismissals stay. Says whether anything was restored (nothing: the labels already are the
   * version, or this tab is read-only). Throws when the version cannot be restored onto these labels.
   */
  restore(version: LabelVersion): boolean {
    const { labels } = this.session;
    return labels.commit('restoreVersion', restoreVersion(labels.doc, version));
  }

  /** The first frame with a stored box of the track: in the labels, or in `records` for a track they lack. */
  #firstFrameOf(trackId: string, records?: readonly LabelRecord[]): number | undefined {
    if (!records) return this.session.labels.tracks.boxesOf(trackId)[0]?.frameIndex;
    let first: number | undefined;
    for (const r of records)
      if (r.type === 'cuboid' && r.trackId === trackId && (first === undefined || r.frameIndex < first))
        first = r.frameIndex;
    return first;
  }
}
