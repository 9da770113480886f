import type { Dismissal, LabelRecord } from '../model/labels';
import { emptyPatch, type LabelDoc, type Patch } from './patch';

/** The id of the dismissal of a finding: one a finding, so a second dismissal replaces the first's reason. */
export const dismissalId = (findingId: string): string => `dismissal:${findingId}`;

/**
 * Sets a finding of the automatic checks aside with a reason (spaces at either end dropped): one undo step,
 * journaled like any edit, so a reload, an undo and a bundle keep it. A reason is required (a reviewer reads it
 * later); the same reason again is an empty patch.
 */
export function dismissFinding(
  doc: LabelDoc,
  args: { sceneId: string; findingId: string; reason: string; author: string; time: number },
): Patch {
  const reason = args.reason.trim();
  if (reason === '') throw new Error(`dismissFinding: a reason is needed to dismiss ${args.findingId}`);
  const id = dismissalId(args.findingId);
  const before = doc.get(id);
  const after: Dismissal = { type: 'dismissal', id, sceneId: args.sceneId, findingId: args.findingId, reason, author: args.author, time: args.time }; // prettier-ignore
  if (!before) return { added: [after], updated: [], removed: [] };
  if (before.type !== 'dismissal') throw new Error(`dismissFinding: ${id} is not a dismissal`);
  if (before.reason === reason) return emptyPatch();
  return { added: [], updated: [[before, after]], removed: [] };
}

/** Takes a dismissal back: the finding is open again (where a re-run still finds it). */
export function restoreFinding(doc: LabelDoc, args: { findingId: string }): Patch {
  const before = doc.get(dismissalId(args.findingId));
  if (!before || before.type !== 'dismissal') throw new Error(`restoreFinding: ${args.findingId} is not dismissed`);
  return { added: [], updated: [], removed: [before] };
}

/** The dismissals among a scene's records, as the checks honour them. */
export function dismissalsOf(records: Iterable<LabelRecord>): Dismissal[] {
  const out: Dismissal[] = [];
  for (const r of records) if (r.type === 'dismissal') out.push(r);
  return out;
}
