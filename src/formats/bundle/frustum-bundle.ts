import type { Patch } from '../../core/edits/patch';
import type { ExportLineage } from '../../core/model/export-lineage';
import type { ExportRecord } from '../../core/model/export-record';
import type { LabelVersion } from '../../core/model/label-version';
import type { LabelRecord } from '../../core/model/labels';
import type { Ontology } from '../../core/model/ontology';
import type { ReviewIssue } from '../../core/model/review-issue';
import type { Scene } from '../../core/model/scene';

/** The bundle format's name and version in `bundle.json`; a reader refuses versions newer than its own. */
export const BUNDLE_FORMAT = 'frustum-bundle';
// 2: the ontology may carry descriptions and guidelines by locale, which version 1's ontology check refuses;
// tracks may carry a name, the dataset's id, a number and where their size came from. 3: the labels may hold
// dismissals of findings (a record type version 2 refuses) and `reviews.json` holds the automatic checks'
// findings. 4: the labels may hold review records (verdicts, pinned issues, review rounds) and tracks, boxes and
// segments may say who made and changed them (a record type version 3 refuses), and `labels/work-log.jsonl`
// keeps the work the journal no longer holds. 5: frames may say they are sweeps between keyframes and carry the
// dataset's id of the frame, in `scene.json` and in `manifest.json` (whose frames version 4's schema refuses),
// and boxes the dataset's id. 6: a pre-label box may say a person confirmed it, a manual box the engine it was
// edited from, and the lineage how many of each engine's boxes are pending, confirmed and edited (older readers
// would lose the first two silently). Versions 1 to 5 still read.
export const BUNDLE_VERSION = 6;

/** One line of the label journal as a bundle keeps it: an applied patch, in the order it was applied. */
export interface BundleJournalLine {
  /** ms since the epoch. */
  time: number;
  author: string;
  /** The edit's name, or `undo` / `redo`. */
  name: string;
  patch: Patch;
  /** Steps of one drag share it, so that they stay one undo entry after a re-import. */
  gesture?: string;
}

/** A file of the scene carried inside the bundle, under its path in the scene (`data/<path>` in the zip). */
export interface BundleFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * Everything a bundle holds: one scene, its labels as they stand, every label version, the journal its undo
 * history is rebuilt from, review records, the exports made of it, the lineage of this bundle, the ontology,
 * and (optionally) the scene's own files.
 */
export interface FrustumBundle {
  /** The scene record exactly as Frustum keeps it (id, source, sensors, frames, ontology id, provenance). */
  scene: Scene;
  /** The scene's ontology; absent only where it is neither shipped nor known to the writer (the CLI). */
  ontology?: Ontology;
  /** The stored label records (tracks, keyframe boxes, time segments) in the order the app holds them. */
  records: LabelRecord[];
  /** Oldest first. */
  versions: LabelVersion[];
  /** Oldest first. Entries folded into a snapshot long ago may be gone; `records` is what counts. */
  journal: BundleJournalLine[];
  /**
   * Work not in the journal, oldest first: lines snapshots folded away and lines of other browsers' journals,
   * for the dashboard's figures; never replayed. Empty before version 4.
   */
  workLog: BundleJournalLine[];
  /**
   * The automatic checks' findings kept with the scene (an empty list before v3). A person's review records
   * (verdicts, issues, rounds) are label records, in `records`, so that they merge and undo like labels.
   */
  reviews: ReviewIssue[];
  /** The exports made of this scene, oldest first. */
  exports: ExportRecord[];
  lineage: ExportLineage;
  /** The scene's sensor files where they were embedded; empty when they are only referenced. */
  data: BundleFile[];
}
