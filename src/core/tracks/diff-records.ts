import type { Authorship, Cuboid, LabelRecord, ObjectRecord, TimeSegment, Track } from '../model/labels';
import { canonicalJson } from '../model/canonical-json';

/** What differs between two copies of a track. `other`: its size source, dataset id or number. */
export type TrackChange = 'class' | 'attributes' | 'name' | 'rigid' | 'other';
/** What differs between two stored boxes of one track on one frame. `heading`: yaw, pitch or roll. */
export type BoxChange = 'position' | 'size' | 'heading' | 'attributes' | 'keyframe' | 'source';
/** What differs between two copies of a time segment. */
export type SegmentChange = 'kind' | 'frames' | 'attributes' | 'track';

export interface Changed<T, C> {
  /** The record in the records compared from (a version's). */
  before: T;
  /** The record in the records compared to (the current labels). */
  after: T;
  changes: C[];
}

export interface KindDiff<T, C> {
  added: T[];
  removed: T[];
  changed: Changed<T, C>[];
}

/** How the object records went from one set (`from`, a version) to another (`to`, a later version or the labels). */
export interface RecordsDiff {
  tracks: KindDiff<Track, TrackChange>;
  /** Stored boxes only: the boxes derived between them follow from these. */
  boxes: KindDiff<Cuboid, BoxChange>;
  segments: KindDiff<TimeSegment, SegmentChange>;
}

/** Nothing to say: the two sets describe the same objects. */
export function isSameRecords(diff: RecordsDiff): boolean {
  return [diff.tracks, diff.boxes, diff.segments].every(
    (d) => d.added.length + d.removed.length + d.changed.length === 0,
  );
}

/**
 * The differences between two sets of label records, object by object. Review records (verdicts, issues, rounds)
 * and dismissals are not labels of objects and are left out, as is who made or changed a record and when: two
 * people making the same box agree. Tracks and segments pair up by id; stored boxes by their track and frame (a
 * box deleted and drawn again is the same box changed), so a slot holds one box on each side.
 */
export function diffRecords(from: Iterable<LabelRecord>, to: Iterable<LabelRecord>): RecordsDiff {
  const a = objectsOf(from);
  const b = objectsOf(to);
  return {
    tracks: diffKind(a.tracks, b.tracks, (t) => t.id, trackChanges),
    boxes: diffKind(a.boxes, b.boxes, slotOf, boxChanges),
    segments: diffKind(a.segments, b.segments, (s) => s.id, segmentChanges),
  };
}

/** The record without who made or changed it: what the labels say, compared as canonical JSON. */
export function withoutAuthorship<T extends Authorship>(record: T): Omit<T, keyof Authorship> {
  const { madeBy: _m, changedBy: _c, changedAt: _t, ...rest } = record;
  return rest;
}

/** Whether two object records say the same, whoever made them. */
export function sameObject(a: ObjectRecord, b: ObjectRecord): boolean {
  return canonicalJson(withoutAuthorship(a)) === canonicalJson(withoutAuthorship(b));
}

function objectsOf(records: Iterable<LabelRecord>) {
  const tracks: Track[] = [];
  const boxes: Cuboid[] = [];
  const segments: TimeSegment[] = [];
  for (const r of records) {
    if (r.type === 'track') tracks.push(r);
    else if (r.type === 'cuboid') boxes.push(r);
    else if (r.type === 'segment') segments.push(r);
  }
  return { tracks, boxes, segments };
}

const slotOf = (c: Cuboid) => `${c.trackId}\n${c.frameIndex}`;

function diffKind<T extends ObjectRecord, C>(
  from: readonly T[],
  to: readonly T[],
  keyOf: (r: T) => string,
  changesOf: (before: T, after: T) => C[],
): KindDiff<T, C> {
  const before = new Map(from.map((r) => [keyOf(r), r]));
  const after = new Map(to.map((r) => [keyOf(r), r]));
  const out: KindDiff<T, C> = { added: [], removed: [], changed: [] };
  for (const [key, r] of before) {
    const other = after.get(key);
    if (!other) out.removed.push(r);
    else if (!sameObject(r, other)) {
      const changes = changesOf(r, other);
      // Only the record's id differs (a box deleted and drawn again exactly): the labels say the same.
      if (changes.length > 0) out.changed.push({ before: r, after: other, changes });
    }
  }
  for (const [key, r] of after) if (!before.has(key)) out.added.push(r);
  const order = (x: T, y: T) => compareRecords(x, y);
  out.added.sort(order);
  out.removed.sort(order);
  out.changed.sort((x, y) => order(x.after, y.after));
  return out;
}

/** Boxes by frame, then everything by track and id: the order a person reads the list in. */
function compareRecords(a: ObjectRecord, b: ObjectRecord): number {
  const frame = (r: ObjectRecord) => (r.type === 'cuboid' ? r.frameIndex : r.type === 'segment' ? r.startFrame : 0);
  const track = (r: ObjectRecord) => (r.type === 'track' ? r.id : (r.trackId ?? ''));
  return frame(a) - frame(b) || cmp(track(a), track(b)) || cmp(a.id, b.id);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function trackChanges(a: Track, b: Track): TrackChange[] {
  const out: TrackChange[] = [];
  if (a.classId !== b.classId) out.push('class');
  if (!same(a.attributes, b.attributes)) out.push('attributes');
  if ((a.name ?? '') !== (b.name ?? '')) out.push('name');
  if (a.rigid !== b.rigid) out.push('rigid');
  const rest = (t: Track) => [t.sizeSource, t.externalId, t.number, t.sceneId];
  if (!same(rest(a), rest(b))) out.push('other');
  return out;
}

function boxChanges(a: Cuboid, b: Cuboid): BoxChange[] {
  const out: BoxChange[] = [];
  if (!same(a.position, b.position)) out.push('position');
  if (!same(a.size, b.size)) out.push('size');
  if (a.yaw !== b.yaw || a.pitch !== b.pitch || a.roll !== b.roll) out.push('heading');
  if (!same(a.attributes, b.attributes)) out.push('attributes');
  if (a.keyframe !== b.keyframe) out.push('keyframe');
  if (!same(a.source, b.source)) out.push('source');
  return out;
}

function segmentChanges(a: TimeSegment, b: TimeSegment): SegmentChange[] {
  const out: SegmentChange[] = [];
  if (a.kind !== b.kind) out.push('kind');
  if (a.startFrame !== b.startFrame || a.endFrame !== b.endFrame) out.push('frames');
  if (!same(a.attributes, b.attributes)) out.push('attributes');
  if (a.trackId !== b.trackId) out.push('track');
  return out;
}
