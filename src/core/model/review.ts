import type { Vec3 } from '../math/mat4';

/**
 * What a reviewer judges or pins an issue to. A box is named by its track and frame, not by a record id, so that
 * a verdict or an issue on an interpolated box (which has no stored record) stays where it was put when the box
 * later becomes a keyframe. A point is in the ego frame of its frame.
 */
export type ReviewTarget =
  | { kind: 'box'; trackId: string; frameIndex: number }
  | { kind: 'track'; trackId: string }
  | { kind: 'frame'; frameIndex: number }
  | { kind: 'span'; startFrame: number; endFrame: number; trackId?: string }
  | { kind: 'point'; frameIndex: number; position: Vec3 };

/** What a verdict may be given to: a box, a whole track, or a whole frame. */
export type VerdictTarget = Extract<ReviewTarget, { kind: 'box' | 'track' | 'frame' }>;

/** A unit is nonconforming when it carries an issue of severity major or above. */
export type Severity = 'minor' | 'major' | 'critical';

/**
 * A reviewer's accept or reject of a box, a track or a frame. One verdict a target (the id says which), the
 * latest replaces the one before. `labelDigest` fingerprints what was judged (see `core/review/label-digest`):
 * when the labels there change afterwards the verdict is stale, so a box edited after it was accepted has lost
 * its acceptance.
 */
export interface Verdict {
  type: 'verdict';
  /** `verdict:<target key>` (`reviewTargetKey`). */
  id: string;
  sceneId: string;
  target: VerdictTarget;
  decision: 'accept' | 'reject';
  author: string;
  /** ms since the epoch. */
  time: number;
  labelDigest: string;
  /** The review round it was given in, if any. */
  roundId?: string;
}

/** One step of an issue's life. The issue's state is its last step's. */
export interface IssueEvent {
  kind: 'opened' | 'fixed' | 'verified' | 'reopened';
  author: string;
  /** ms since the epoch. */
  time: number;
  comment?: string;
}

/**
 * A problem a person pinned to a box, a track, a frame, a span of frames or a 3D point, with a defect type from
 * the taxonomy, a severity, a comment and optionally a root cause. Its `events` say who opened, fixed, verified
 * and reopened it, and when: they only ever grow, so that two copies of an issue merge by joining their events.
 */
export interface PinnedIssue {
  type: 'issue';
  id: string;
  sceneId: string;
  target: ReviewTarget;
  /** A defect type id of the taxonomy (`missing-object`, …); kept when the taxonomy lacks it. */
  defect: string;
  severity: Severity;
  comment: string;
  /** A root cause id (`guideline-unclear`, …). */
  rootCause?: string;
  /** Who pinned it; the first event says the same. */
  author: string;
  /** ms since the epoch. */
  time: number;
  /** The labels at the target when it was pinned (`core/review/label-digest`): a later change there is shown. */
  labelDigest: string;
  roundId?: string;
  /** Oldest first; the first is `opened`. */
  events: IssueEvent[];
}

/** How the units of a round are chosen. `percent` is 0..100. */
export type SamplingPlan =
  | { kind: 'all' }
  | { kind: 'random-frames'; percent: number }
  | { kind: 'every-kth-frame'; k: number }
  | { kind: 'tracks'; percent: number }
  | { kind: 'stratified'; percent: number }
  | { kind: 'acceptance'; aql: number; level: InspectionLevel };

export type InspectionUnit = 'box' | 'track' | 'frame';
/** MIL-STD-105E's general (I, II, III) and special (S-1..S-4) inspection levels. */
export type InspectionLevel = 'I' | 'II' | 'III' | 'S-1' | 'S-2' | 'S-3' | 'S-4';
export type InspectionSeverity = 'normal' | 'tightened' | 'reduced';

/**
 * A review round: a reviewer's pass over a sample of a scene's labels, at one label version. The plan, its seed
 * and the sampled units are kept, so that a second reviewer repeats exactly the same sample. For acceptance
 * sampling it records the table's plan (code letter, sample size, accept and reject numbers), the inspection
 * severity the switching rules gave, and, once closed, whether the lot passed.
 */
export interface ReviewRound {
  type: 'review-round';
  id: string;
  sceneId: string;
  reviewer: string;
  /** ms since the epoch. */
  startedAt: number;
  closedAt?: number;
  /** The label version reviewed. */
  versionId?: string;
  plan: SamplingPlan;
  unit: InspectionUnit;
  seed: number;
  /** Unit keys (`box:<track>@<frame>`, `track:<id>`, `frame:<index>`), in the order drawn. */
  sample: string[];
  /** How many units the lot held when the sample was drawn. */
  lotSize: number;
  acceptance?: {
    severity: InspectionSeverity;
    codeLetter: string;
    sampleSize: number;
    accept: number;
    reject: number;
  };
  /** Set when the round is closed. */
  outcome?: { nonconforming: number; inspected: number; passed: boolean };
  /** The round whose sample this one repeats (a second reviewer's calibration pass). */
  repeats?: string;
}

/** The record a review action makes; label records like tracks and boxes, journaled and undone like them. */
export type ReviewRecord = Verdict | PinnedIssue | ReviewRound;

/** The key a target is known by: in verdict ids and in a round's sample. */
export function reviewTargetKey(target: ReviewTarget): string {
  switch (target.kind) {
    case 'box':
      return `box:${target.trackId}@${target.frameIndex}`;
    case 'track':
      return `track:${target.trackId}`;
    case 'frame':
      return `frame:${target.frameIndex}`;
    case 'span':
      return `span:${target.trackId ?? ''}@${target.startFrame}-${target.endFrame}`;
    case 'point':
      return `point:${target.frameIndex}@${target.position.map((v) => v.toFixed(3)).join(',')}`;
  }
}

/** An issue's state: that of its last event. */
export function issueState(issue: Pick<PinnedIssue, 'events'>): 'open' | 'fixed' | 'verified' {
  const last = issue.events[issue.events.length - 1];
  if (!last || last.kind === 'opened' || last.kind === 'reopened') return 'open';
  return last.kind;
}
