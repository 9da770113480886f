import type { Vec3 } from '../math/mat4';
import type { ReviewRecord } from './review';

/**
 * Where a box came from. Derived boxes are not stored; this names stored ones. A pre-label stays one until a
 * person confirms it (`confirmed`) or edits it: the edited box is `manual` and keeps the engine as `from`, so
 * lineage and the dashboard can count what the engine produced and what people corrected.
 */
export type CuboidSource =
  | { kind: 'manual'; from?: PrelabelOrigin }
  | { kind: 'interpolated' }
  | { kind: 'propagated' }
  | { kind: 'prelabel'; model: string; version: string; score: number; confirmed?: boolean };

/** The engine a box was first produced by. */
export interface PrelabelOrigin {
  model: string;
  version: string;
}

export type AttributeValue = string | number | boolean;

/** An object followed through the scene. */
export interface Track extends Authorship {
  type: 'track';
  id: string;
  sceneId: string;
  classId: string;
  attributes: Record<string, AttributeValue>;
  /** One size for the whole track. */
  rigid: boolean;
  /**
   * Where a rigid track's one size came from, so that only better evidence replaces it (see
   * `src/core/fit/README.md`). Absent in labels stored or imported before sources were recorded.
   */
  sizeSource?: TrackSizeSource;
  /** The name the user gave the track, or the dataset's own name for it; shown as it is (`trackDisplayNames`). */
  name?: string;
  /**
   * The dataset's own id of the object (a manifest `trackId`, KITTI `track_id`, nuScenes instance token,
   * OpenLABEL object uid, SUSTechPOINTS `obj_id`), kept so that exported labels join back to the dataset.
   */
  externalId?: string;
  /** The track's number among the tracks of its class ("Car 12"), given when the app makes the track. */
  number?: number;
}

/**
 * The evidence behind a rigid track's size: set by hand (it wins until the user asks for an estimate), the
 * class's typical size (no points were found), one frame's fit, or the points of several of its frames gathered
 * in the track's own frame. `points` counts the object's LiDAR returns the estimate rests on.
 */
export type TrackSizeSource =
  | { kind: 'hand' }
  | { kind: 'default' }
  | { kind: 'fit'; frameIndex: number; points: number }
  | { kind: 'points'; frames: number; points: number };

/**
 * A 3D box on one frame, in that frame's ego coordinates (metres). `position` is the geometric centre; `size` is
 * [length along the box's x, width along y, height along z]; yaw about z in (−π, π], pitch and roll intrinsic
 * Z-Y-X, radians.
 */
export interface Cuboid extends Authorship {
  type: 'cuboid';
  id: string;
  sceneId: string;
  trackId: string;
  frameIndex: number;
  position: Vec3;
  size: Vec3;
  yaw: number;
  pitch: number;
  roll: number;
  attributes: Record<string, AttributeValue>;
  keyframe: boolean;
  source: CuboidSource;
  /** The dataset's own id of this box (a nuScenes sample_annotation token), kept so that an export joins back. */
  externalId?: string;
}

/**
 * A span of frames with a kind and attributes ("lane change", "occluded", "braking"), on one track or, with no
 * `trackId`, on the whole scene. DESIGN.md calls it `Event`; the code says `TimeSegment` because `Event` is the
 * DOM's own global type and would be shadowed wherever both are used. Frames are frame indices, both ends
 * included, `startFrame ≤ endFrame`; `kind` is a segment-kind id of the ontology (kept when the ontology lacks it).
 */
export interface TimeSegment extends Authorship {
  type: 'segment';
  id: string;
  sceneId: string;
  /** The track the segment describes; absent for a segment of the whole scene. */
  trackId?: string;
  kind: string;
  startFrame: number;
  endFrame: number;
  attributes: Record<string, AttributeValue>;
}

/**
 * A person's decision that an automatic check's finding is not a problem, with why. It names the finding by its
 * id (check, track, frames: `core/lint`), so it holds while a re-run finds the same problem and lapses when the
 * problem changes. A label record like the others, so that it is journaled, undone and carried in bundles as an
 * edit is. The id is `dismissal:<findingId>`: one dismissal a finding.
 */
export interface Dismissal {
  type: 'dismissal';
  id: string;
  sceneId: string;
  findingId: string;
  reason: string;
  /** The local name of who dismissed it. */
  author: string;
  /** ms since the epoch. */
  time: number;
}

/**
 * Who made a track, box or segment and who changed it last, stamped by the app when an edit is applied (absent
 * in labels made before people were named, and in labels read from other formats). A bundle merge keeps the
 * copy changed last.
 */
export interface Authorship {
  madeBy?: string;
  changedBy?: string;
  /** ms since the epoch. */
  changedAt?: number;
}

/** The label records a scene holds, by id. Patches add, update and remove these. */
export type LabelRecord = Track | Cuboid | TimeSegment | Dismissal | ReviewRecord;

/** The records that describe objects in the scene (what review judges), as opposed to review records. */
export type ObjectRecord = Track | Cuboid | TimeSegment;
