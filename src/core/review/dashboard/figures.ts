import type { Patch } from '../../edits/patch';
import type { IssueTally } from './issue-tally';
import type { PrelabelTally } from '../../model/prelabel-tally';

/** One line of a scene's journal, as the dashboard reads it. Lines of one drag share `gesture`. */
export interface DashboardJournalLine {
  /** ms since the epoch. */
  time: number;
  author: string;
  /** The edit's name, or `undo` / `redo`. */
  name: string;
  patch: Patch;
  gesture?: string;
}

/**
 * What a person's (or the whole scene's) work and its review add up to. Rates are undefined where their
 * denominator is zero, so that "no data" never reads as 0 %.
 */
export interface WorkFigures extends IssueTally {
  /** ms of active time (see `activeTimeMs`). */
  activeMs: number;
  boxesCreated: number;
  boxesEdited: number;
  /** Boxes a hour of active time. */
  createdPerHour?: number;
  editedPerHour?: number;
  /** Verdicts on boxes and tracks that are theirs. */
  accepted: number;
  rejected: number;
  /** 0..1 of the verdicts above. */
  acceptanceRate?: number;
  rejectionRate?: number;
  /** Stored boxes that are theirs now: what issues are counted per 100 of. */
  boxes: number;
  /** Issues against them per 100 of those boxes; the rest of their issues' figures come from `IssueTally`. */
  issuesPer100Boxes?: number;
}

export interface PersonFigures extends WorkFigures {
  person: string;
  /** What they did as a reviewer: verdicts given and issues pinned, on anyone's labels. */
  verdictsGiven: number;
  issuesPinned: number;
}

export interface SceneFigures extends WorkFigures {
  sceneId: string;
  sceneName: string;
  frameCount: number;
  /** Frames in any round's sample or under a verdict. */
  reviewedFrames: number;
  /** reviewedFrames / frameCount, 0..1. */
  coverage?: number;
  unreviewedFrames: number;
}

export interface DashboardFigures {
  scene: SceneFigures;
  /** Everyone who wrote to the journal or whose labels are judged, by name. */
  people: PersonFigures[];
  /** Each pre-labelling engine among the boxes: how many of its boxes wait, were confirmed, were corrected. */
  prelabels: PrelabelTally[];
}

/** Issues per 100 stored boxes; undefined where there are no boxes to count them against. */
export function per100Boxes(issues: number, boxes: number): number | undefined {
  return boxes > 0 ? (issues * 100) / boxes : undefined;
}

/**
 * The defect type or root cause ids counted in any of `counts`: the shipped ones (`known`) in the taxonomy's
 * order, then a team's own by name, so that columns and chart series come in one order everywhere.
 */
export function countedIds(counts: readonly Record<string, number>[], known: readonly string[]): string[] {
  const seen = new Set(counts.flatMap((c) => Object.keys(c)));
  return [...known.filter((id) => seen.has(id)), ...[...seen].filter((id) => !known.includes(id)).sort()];
}
