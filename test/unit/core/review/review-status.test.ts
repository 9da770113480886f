import { describe, expect, it } from 'vitest';
import { reviewTargetKey, type IssueEvent, type PinnedIssue, type Verdict } from '../../../../src/core/model/review'; // prettier-ignore
import { issuesAgainstRound, reworkRounds, unitKeyTarget, verdictStatus } from '../../../../src/core/review/review-status'; // prettier-ignore

const events = (...kinds: IssueEvent['kind'][]) => ({ events: kinds.map((kind, time) => ({ kind, author: 'a', time })) }); // prettier-ignore

describe('verdictStatus', () => {
  const v = { decision: 'accept', labelDigest: 'd1' } as Verdict;
  it('says the decision while the labels are as judged, stale once they changed', () => {
    expect(verdictStatus(v, 'd1')).toBe('accepted');
    expect(verdictStatus({ ...v, decision: 'reject' }, 'd1')).toBe('rejected');
    expect(verdictStatus(v, 'd2')).toBe('stale');
  });
});

describe('reworkRounds', () => {
  it('counts each open-then-fixed once', () => {
    expect(reworkRounds(events('opened'))).toBe(0);
    expect(reworkRounds(events('opened', 'fixed'))).toBe(1);
    expect(reworkRounds(events('opened', 'fixed', 'verified'))).toBe(1);
    expect(reworkRounds(events('opened', 'fixed', 'reopened'))).toBe(1);
    expect(reworkRounds(events('opened', 'fixed', 'reopened', 'fixed', 'verified'))).toBe(2);
    expect(reworkRounds(events('opened', 'fixed', 'verified', 'reopened', 'fixed', 'reopened', 'fixed'))).toBe(3);
    // Two machines' fixes joined by a merge are one round.
    expect(reworkRounds(events('opened', 'fixed', 'fixed'))).toBe(1);
  });
});

describe('unitKeyTarget', () => {
  it('reads back the keys reviewTargetKey writes for units', () => {
    const targets = [
      { kind: 'box', trackId: 't@odd', frameIndex: 12 },
      { kind: 'track', trackId: 'abc:def' },
      { kind: 'frame', frameIndex: 0 },
    ] as const;
    for (const t of targets) expect(unitKeyTarget(reviewTargetKey(t))).toEqual(t);
    for (const bad of ['', 'frame:', 'frame:x', 'box:t', 'box:@3', 'span:@1-2', 'nothing']) {
      expect(unitKeyTarget(bad)).toBeUndefined();
    }
  });
});

describe('issuesAgainstRound', () => {
  it('counts against a round the issues pinned in it and those still open from before', () => {
    const issue = (id: string, roundId: string | undefined, ...kinds: IssueEvent['kind'][]) => ({ id, roundId, ...events(...kinds) }) as PinnedIssue; // prettier-ignore
    const issues = [issue('in-fixed', 'r', 'opened', 'fixed'), issue('old-open', 'q', 'opened'), issue('old-fixed', undefined, 'opened', 'fixed')]; // prettier-ignore
    expect(issuesAgainstRound(issues, { id: 'r' }).map((i) => i.id)).toEqual(['in-fixed', 'old-open']);
  });
});
