import type { Finding } from '../lint/finding';

/**
 * A review issue, as the review panel will list them (DESIGN.md's `ReviewIssue`). So far one kind exists:
 * `auto`, a finding of the automatic checks, kept with the scene so that a re-run can say what is new, what
 * changed and what was fixed. It stays under the finding's id (check, track, frames): a re-run that finds it
 * again updates it, one that no longer finds it closes it (`closedAt`), and a dismissal (a label record, see
 * `Dismissal`) sets it aside without closing it.
 */
export interface AutoIssue extends Finding {
  kind: 'auto';
  sceneId: string;
  status: 'open' | 'closed';
  /** ms since the epoch: the run that first found it, and the last run that found it. */
  firstSeen: number;
  lastSeen: number;
  /** ms since the epoch: the run that no longer found it. */
  closedAt?: number;
}

export type ReviewIssue = AutoIssue;
