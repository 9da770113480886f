import { issueState, type PinnedIssue, type ReviewTarget, type Severity } from '../model/review';
import { SEVERITIES } from './taxonomy';

export type IssueFilter = { defect?: string; state?: 'open' | 'fixed' | 'verified'; severity?: Severity; person?: string }; // prettier-ignore
export type IssueSort = 'time' | 'frame' | 'severity' | 'state';

const STATE_ORDER = { open: 0, fixed: 1, verified: 2 } as const;

/**
 * The issues a filter lets through (`person`: anyone who opened, fixed, verified or reopened it), sorted: newest
 * first, by frame (`frameOf` says an issue's), most severe first, or open before fixed before verified; ties
 * newest first.
 */
export function filterIssues(
  issues: readonly PinnedIssue[],
  filter: IssueFilter,
  sort: IssueSort,
  frameOf: (target: ReviewTarget) => number | undefined,
): PinnedIssue[] {
  const kept = issues.filter(
    (i) =>
      (filter.defect === undefined || i.defect === filter.defect) &&
      (filter.state === undefined || issueState(i) === filter.state) &&
      (filter.severity === undefined || i.severity === filter.severity) &&
      (filter.person === undefined || i.events.some((e) => e.author === filter.person)),
  );
  const key: Record<IssueSort, (i: PinnedIssue) => number> = {
    time: () => 0,
    frame: (i) => frameOf(i.target) ?? Infinity,
    severity: (i) => -SEVERITIES.indexOf(i.severity),
    state: (i) => STATE_ORDER[issueState(i)],
  };
  return kept.sort((a, b) => key[sort](a) - key[sort](b) || b.time - a.time);
}
