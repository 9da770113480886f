import { issueState, type PinnedIssue } from '../../model/review';
import { reworkRounds } from '../review-status';

/** What a set of issues adds up to: the issue part of `WorkFigures`, less the rates per 100 boxes. */
export interface IssueTally {
  issues: number;
  /** Issues by defect type id / root cause id (issues with no root cause are left out of the latter). */
  issuesByDefect: Record<string, number>;
  issuesByRootCause: Record<string, number>;
  /** Times an issue went back for rework and came back fixed (`reworkRounds`), summed, and per issue. */
  reworkRounds: number;
  reworkPerIssue?: number;
  /** Backlog: issues open (to fix) and fixed but not yet verified (to check). */
  openIssues: number;
  fixedIssues: number;
  /** ms from an issue's opening to its first fix, median over the issues fixed. */
  medianTimeToFixMs?: number;
}

export function tallyIssues(issues: readonly PinnedIssue[]): IssueTally {
  const byDefect: Record<string, number> = {};
  const byCause: Record<string, number> = {};
  const fixTimes: number[] = [];
  let rounds = 0;
  let open = 0;
  let fixed = 0;
  for (const issue of issues) {
    byDefect[issue.defect] = (byDefect[issue.defect] ?? 0) + 1;
    if (issue.rootCause !== undefined) byCause[issue.rootCause] = (byCause[issue.rootCause] ?? 0) + 1;
    rounds += reworkRounds(issue);
    const state = issueState(issue);
    if (state === 'open') open++;
    if (state === 'fixed') fixed++;
    const ms = timeToFixMs(issue);
    if (ms !== undefined) fixTimes.push(ms);
  }
  return {
    issues: issues.length,
    issuesByDefect: byDefect,
    issuesByRootCause: byCause,
    reworkRounds: rounds,
    reworkPerIssue: issues.length > 0 ? rounds / issues.length : undefined,
    openIssues: open,
    fixedIssues: fixed,
    medianTimeToFixMs: median(fixTimes),
  };
}

/**
 * ms from an issue's opening to its first fix; undefined while it was never fixed. The first fix only: the
 * time a reopened issue takes again shows in its rework rounds instead.
 */
export function timeToFixMs(issue: Pick<PinnedIssue, 'events' | 'time'>): number | undefined {
  const opened = issue.events[0]?.time ?? issue.time;
  const fixed = issue.events.find((e) => e.kind === 'fixed');
  return fixed === undefined ? undefined : fixed.time - opened;
}

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
