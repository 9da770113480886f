import { issueState, type PinnedIssue, type ReviewRound, type Verdict, type VerdictTarget } from '../model/review';

/**
 * What a verdict says now: its decision while the labels it judged are as they were, `stale` once they changed
 * (`currentDigest` is `labelDigest` of its target today), so that an edit after an acceptance is looked at again.
 */
export function verdictStatus(v: Verdict, currentDigest: string): 'accepted' | 'rejected' | 'stale' {
  if (v.labelDigest !== currentDigest) return 'stale';
  return v.decision === 'accept' ? 'accepted' : 'rejected';
}

/**
 * How many times an issue went round between reviewer and annotator: each time it was open (opened or
 * reopened) and then fixed is one round. Opened, fixed, verified is 1; every further reopen followed by a fix
 * adds 1; an issue not fixed yet has gone round 0 times. A second `fixed` with no reopen between (two copies
 * of an issue fixed on two machines, joined by a merge) is the same round.
 */
export function reworkRounds(issue: Pick<PinnedIssue, 'events'>): number {
  let rounds = 0;
  let open = false;
  for (const e of issue.events) {
    if (e.kind === 'opened' || e.kind === 'reopened') open = true;
    else if (e.kind === 'fixed' && open) {
      rounds++;
      open = false;
    }
  }
  return rounds;
}

/**
 * The target a unit key of a round's sample names (`box:<track>@<frame>`, `track:<id>`, `frame:<index>`, as
 * `reviewTargetKey` writes them); undefined for a key of another kind or a damaged one. A track id may itself
 * hold `@`: a box key's frame is after the last one.
 */
export function unitKeyTarget(key: string): VerdictTarget | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  if (colon < 0 || rest === '') return undefined;
  if (kind === 'track') return { kind: 'track', trackId: rest };
  if (kind === 'frame') {
    const frameIndex = frameNumber(rest);
    return frameIndex === undefined ? undefined : { kind: 'frame', frameIndex };
  }
  if (kind !== 'box') return undefined;
  const at = rest.lastIndexOf('@');
  const frameIndex = at > 0 ? frameNumber(rest.slice(at + 1)) : undefined;
  return frameIndex === undefined ? undefined : { kind: 'box', trackId: rest.slice(0, at), frameIndex };
}

function frameNumber(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * The issues that count against a round's lot: those pinned in the round (whatever became of them since: the
 * inspection found them), and those pinned before it that are still open (defects the lot still holds). Issues
 * fixed before the round began are not the lot's.
 */
export function issuesAgainstRound(issues: readonly PinnedIssue[], round: Pick<ReviewRound, 'id'>): PinnedIssue[] {
  return issues.filter((i) => i.roundId === round.id || issueState(i) === 'open');
}
