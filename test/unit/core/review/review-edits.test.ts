import { describe, expect, it } from 'vitest';
import { applyPatch, invertPatch, isEmptyPatch, type LabelDoc, type Patch } from '../../../../src/core/edits/patch';
import { issueState, type PinnedIssue, type ReviewRound, type Verdict } from '../../../../src/core/model/review';
import { closeRound, deleteIssue, editIssue, giveVerdict, pinIssue, startRound, stepIssue, verdictId, withdrawVerdict } from '../../../../src/core/review/review-edits'; // prettier-ignore

const box = { kind: 'box', trackId: 't', frameIndex: 3 } as const;
const verdict = (doc: LabelDoc, decision: 'accept' | 'reject', time = 1, labelDigest = 'aaaaaaaa') =>
  giveVerdict(doc, { sceneId: 's', target: box, decision, author: 'rev', time, labelDigest });
const pin = (doc: LabelDoc, id = 'i1') =>
  pinIssue(doc, { id, sceneId: 's', target: box, defect: 'too-loose', severity: 'major', comment: ' loose at the back ', author: 'rev', time: 10, labelDigest: 'aaaaaaaa' }); // prettier-ignore
const step = (doc: LabelDoc, kind: 'fixed' | 'verified' | 'reopened', time: number, author = 'ann') =>
  stepIssue(doc, { issueId: 'i1', kind, author, time });

/** Applies a patch, checking on the way that its inverse restores the doc exactly (undo, then redo). */
function apply(doc: LabelDoc, patch: Patch): LabelDoc {
  const before = new Map(doc);
  applyPatch(doc, patch);
  const after = new Map(doc);
  applyPatch(doc, invertPatch(patch));
  expect(doc).toEqual(before);
  applyPatch(doc, patch);
  expect(doc).toEqual(after);
  return doc;
}

describe('verdicts', () => {
  it('gives one verdict a target: a second replaces the first, the same again changes nothing', () => {
    const doc = apply(new Map(), verdict(new Map(), 'accept'));
    expect([...doc.keys()]).toEqual([verdictId(box)]);
    expect(verdictId(box)).toBe('verdict:box:t@3');
    apply(doc, verdict(doc, 'reject', 2));
    expect((doc.get(verdictId(box)) as Verdict).decision).toBe('reject');
    expect(isEmptyPatch(verdict(doc, 'reject', 3))).toBe(true);
    // The same decision on changed labels is a new judgement.
    expect(verdict(doc, 'reject', 3, 'bbbbbbbb').updated).toHaveLength(1);
  });

  it('withdraws a verdict, and refuses to withdraw none', () => {
    const doc = apply(new Map(), verdict(new Map(), 'accept'));
    apply(doc, withdrawVerdict(doc, { target: box }));
    expect(doc.size).toBe(0);
    expect(() => withdrawVerdict(doc, { target: box })).toThrow(/no verdict/);
  });
});

describe('issues', () => {
  it('pins an issue opened by its author, comment trimmed; an id is used once', () => {
    const doc = apply(new Map(), pin(new Map()));
    const issue = doc.get('i1') as PinnedIssue;
    expect(issue).toMatchObject({ type: 'issue', comment: 'loose at the back', events: [{ kind: 'opened', author: 'rev', time: 10 }] }); // prettier-ignore
    expect(issue).not.toHaveProperty('rootCause');
    expect(() => pin(doc)).toThrow(/already exists/);
    expect(() => pinIssue(new Map(), { ...(doc.get('i1') as PinnedIssue), severity: 'fatal' as never })).toThrow(/severity/); // prettier-ignore
    const span = { kind: 'span', startFrame: 5, endFrame: 2 } as const;
    expect(() => pinIssue(new Map(), { ...(doc.get('i1') as PinnedIssue), target: span })).toThrow(/span/);
  });

  it('steps open → fixed → verified → reopened → fixed, and refuses steps out of order', () => {
    const doc = apply(new Map(), pin(new Map()));
    expect(() => step(doc, 'verified', 11)).toThrow(/open cannot be verified/);
    expect(() => step(doc, 'reopened', 11)).toThrow(/open cannot be reopened/);
    apply(doc, step(doc, 'fixed', 20));
    expect(() => step(doc, 'fixed', 21)).toThrow(/fixed cannot be fixed/);
    apply(doc, step(doc, 'verified', 30, 'rev'));
    expect(() => step(doc, 'verified', 31)).toThrow();
    apply(doc, step(doc, 'reopened', 40, 'rev'));
    expect(issueState(doc.get('i1') as PinnedIssue)).toBe('open');
    apply(doc, step(doc, 'fixed', 50));
    expect((doc.get('i1') as PinnedIssue).events.map((e) => e.kind)).toEqual(['opened', 'fixed', 'verified', 'reopened', 'fixed']); // prettier-ignore
  });

  it('never dates a step before the last one (a machine whose clock is behind)', () => {
    const doc = apply(new Map(), pin(new Map()));
    apply(doc, stepIssue(doc, { issueId: 'i1', kind: 'fixed', author: 'ann', time: 5, comment: ' done ' }));
    expect((doc.get('i1') as PinnedIssue).events[1]).toEqual({
      kind: 'fixed',
      author: 'ann',
      time: 10,
      comment: 'done',
    });
  });

  it('edits the fields it is given, clears a root cause with an empty one, and deletes', () => {
    const doc = apply(new Map(), pin(new Map()));
    apply(doc, editIssue(doc, { issueId: 'i1', change: { severity: 'critical', rootCause: 'carelessness' } }));
    expect(doc.get('i1')).toMatchObject({ severity: 'critical', rootCause: 'carelessness', defect: 'too-loose' });
    expect(isEmptyPatch(editIssue(doc, { issueId: 'i1', change: { severity: 'critical' } }))).toBe(true);
    apply(doc, editIssue(doc, { issueId: 'i1', change: { rootCause: undefined } }));
    expect(doc.get('i1')).not.toHaveProperty('rootCause');
    expect(() => editIssue(doc, { issueId: 'i1', change: { defect: ' ' } })).toThrow(/defect/);
    apply(doc, deleteIssue(doc, { issueId: 'i1' }));
    expect(() => deleteIssue(doc, { issueId: 'i1' })).toThrow(/not an issue/);
    expect(() => step(doc, 'fixed', 1)).toThrow(/not an issue/);
  });
});

describe('rounds', () => {
  const round: ReviewRound = { type: 'review-round', id: 'r1', sceneId: 's', reviewer: 'rev', startedAt: 100, plan: { kind: 'all' }, unit: 'frame', seed: 7, sample: ['frame:0', 'frame:1'], lotSize: 2 }; // prettier-ignore
  const outcome = { nonconforming: 1, inspected: 2, passed: false };

  it('starts a round once and closes it once', () => {
    const doc = apply(new Map(), startRound(new Map(), round));
    expect(() => startRound(doc, round)).toThrow(/already exists/);
    expect(() => startRound(new Map(), { ...round, closedAt: 5 })).toThrow(/closed/);
    apply(doc, closeRound(doc, { roundId: 'r1', time: 200, outcome }));
    expect(doc.get('r1')).toMatchObject({ closedAt: 200, outcome });
    expect(() => closeRound(doc, { roundId: 'r1', time: 300, outcome })).toThrow(/already closed/);
    expect(() => closeRound(doc, { roundId: 'r2', time: 300, outcome })).toThrow(/not a round/);
  });
});
