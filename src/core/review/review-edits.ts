import { emptyPatch, type LabelDoc, type Patch } from '../edits/patch';
import { reviewTargetKey, issueState, type IssueEvent, type PinnedIssue, type ReviewRound, type ReviewTarget, type Verdict, type VerdictTarget } from '../model/review'; // prettier-ignore
import { SEVERITIES } from './taxonomy';

/** The id of the verdict on a target: one a target, so a second verdict replaces the first. */
export const verdictId = (target: VerdictTarget): string => `verdict:${reviewTargetKey(target)}`;

/**
 * Accepts or rejects a box, a track or a frame, with a digest of what was judged (`labelDigest`). Replaces the
 * target's earlier verdict; giving the same verdict on the same labels again is an empty patch (no undo step
 * that changes nothing but a time).
 */
export function giveVerdict(
  doc: LabelDoc,
  args: { sceneId: string; target: VerdictTarget; decision: Verdict['decision']; author: string; time: number; labelDigest: string; roundId?: string }, // prettier-ignore
): Patch {
  const id = verdictId(args.target);
  const before = doc.get(id);
  const after: Verdict = { type: 'verdict', id, sceneId: args.sceneId, target: args.target, decision: args.decision, author: args.author, time: args.time, labelDigest: args.labelDigest }; // prettier-ignore
  if (args.roundId !== undefined) after.roundId = args.roundId;
  if (!before) return { added: [after], updated: [], removed: [] };
  if (before.type !== 'verdict') throw new Error(`giveVerdict: ${id} is not a verdict`);
  const same =
    before.decision === after.decision &&
    before.labelDigest === after.labelDigest &&
    before.author === after.author &&
    before.roundId === after.roundId;
  return same ? emptyPatch() : { added: [], updated: [[before, after]], removed: [] };
}

/** Takes a target's verdict back: it is unjudged again. */
export function withdrawVerdict(doc: LabelDoc, args: { target: VerdictTarget }): Patch {
  const before = doc.get(verdictId(args.target));
  if (!before || before.type !== 'verdict') {
    throw new Error(`withdrawVerdict: ${reviewTargetKey(args.target)} has no verdict`);
  }
  return { added: [], updated: [], removed: [before] };
}

/** Pins a new issue to a target; its first event says who opened it and when. */
export function pinIssue(doc: LabelDoc, args: Omit<PinnedIssue, 'type' | 'events'>): Patch {
  if (doc.has(args.id)) throw new Error(`pinIssue: ${args.id} already exists`);
  checkTarget(args.target);
  checkSeverity(args.severity);
  if (args.defect.trim() === '') throw new Error('pinIssue: a defect type is needed');
  const issue: PinnedIssue = {
    ...args,
    type: 'issue',
    defect: args.defect.trim(),
    comment: args.comment.trim(),
    events: [{ kind: 'opened', author: args.author, time: args.time }],
  };
  if (issue.rootCause === undefined) delete issue.rootCause;
  if (issue.roundId === undefined) delete issue.roundId;
  return { added: [issue], updated: [], removed: [] };
}

/** Which states each step may leave: a fix needs an open issue; a check or a reopen needs a fix first. */
const STEP_FROM: Record<'fixed' | 'verified' | 'reopened', readonly ('open' | 'fixed' | 'verified')[]> = {
  fixed: ['open'],
  verified: ['fixed'],
  reopened: ['fixed', 'verified'],
};

/**
 * Moves an issue on: fixed (by whoever corrected the labels), verified or reopened (by a reviewer). A step's
 * time is never before the last event's, so that two machines whose clocks disagree still keep the events in
 * the order they happened, which the issue's state and a merge's sorting by time rely on.
 */
export function stepIssue(
  doc: LabelDoc,
  args: { issueId: string; kind: 'fixed' | 'verified' | 'reopened'; author: string; time: number; comment?: string },
): Patch {
  const before = issueOf(doc, args.issueId, 'stepIssue');
  const state = issueState(before);
  if (!STEP_FROM[args.kind].includes(state)) {
    throw new Error(`stepIssue: an issue that is ${state} cannot be ${args.kind}`);
  }
  const last = before.events[before.events.length - 1];
  const event: IssueEvent = { kind: args.kind, author: args.author, time: Math.max(args.time, last?.time ?? 0) };
  const comment = args.comment?.trim();
  if (comment) event.comment = comment;
  return { added: [], updated: [[before, { ...before, events: [...before.events, event] }]], removed: [] };
}

/** Changes an issue's defect type, severity, comment or root cause; no change is an empty patch. */
export function editIssue(
  doc: LabelDoc,
  args: { issueId: string; change: Partial<Pick<PinnedIssue, 'defect' | 'severity' | 'comment' | 'rootCause'>> },
): Patch {
  const before = issueOf(doc, args.issueId, 'editIssue');
  const { change } = args;
  if (change.severity !== undefined) checkSeverity(change.severity);
  if (change.defect !== undefined && change.defect.trim() === '') throw new Error('editIssue: a defect type is needed');
  const after: PinnedIssue = { ...before };
  if (change.defect !== undefined) after.defect = change.defect.trim();
  if (change.severity !== undefined) after.severity = change.severity;
  if (change.comment !== undefined) after.comment = change.comment.trim();
  // An empty root cause clears it: the field is optional.
  if ('rootCause' in change) {
    if (change.rootCause) after.rootCause = change.rootCause;
    else delete after.rootCause;
  }
  const same = (['defect', 'severity', 'comment', 'rootCause'] as const).every((k) => before[k] === after[k]);
  return same ? emptyPatch() : { added: [], updated: [[before, after]], removed: [] };
}

export function deleteIssue(doc: LabelDoc, args: { issueId: string }): Patch {
  return { added: [], updated: [], removed: [issueOf(doc, args.issueId, 'deleteIssue')] };
}

/** Keeps a new round (its plan, seed and sample are drawn by the caller, see `sampling/`). */
export function startRound(doc: LabelDoc, round: ReviewRound): Patch {
  if (doc.has(round.id)) throw new Error(`startRound: ${round.id} already exists`);
  if (round.closedAt !== undefined || round.outcome) throw new Error(`startRound: ${round.id} is already closed`);
  return { added: [round], updated: [], removed: [] };
}

/** Closes a round with what its inspection found; a closed round is not closed again. */
export function closeRound(
  doc: LabelDoc,
  args: { roundId: string; time: number; outcome: NonNullable<ReviewRound['outcome']> },
): Patch {
  const before = doc.get(args.roundId);
  if (!before || before.type !== 'review-round') throw new Error(`closeRound: ${args.roundId} is not a round`);
  if (before.closedAt !== undefined) throw new Error(`closeRound: ${args.roundId} is already closed`);
  const after: ReviewRound = { ...before, closedAt: Math.max(args.time, before.startedAt), outcome: { ...args.outcome } }; // prettier-ignore
  return { added: [], updated: [[before, after]], removed: [] };
}

function issueOf(doc: LabelDoc, issueId: string, edit: string): PinnedIssue {
  const issue = doc.get(issueId);
  if (!issue || issue.type !== 'issue') throw new Error(`${edit}: ${issueId} is not an issue`);
  return issue;
}

function checkSeverity(severity: string): void {
  if (!(SEVERITIES as readonly string[]).includes(severity)) throw new Error(`unknown severity ${severity}`);
}

function checkTarget(target: ReviewTarget): void {
  if (target.kind === 'span' && target.startFrame > target.endFrame) {
    throw new Error(`a span cannot end (${target.endFrame}) before it starts (${target.startFrame})`);
  }
}
