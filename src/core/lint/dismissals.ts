import type { Finding } from './finding';

/** A user's decision that a finding is not a problem, with why; it holds for as long as the finding's id does. */
export interface Dismissal {
  findingId: string;
  reason: string;
}

/** Findings split by whether a dismissal names them; dismissed ones carry its reason. */
export interface DismissedFindings {
  open: Finding[];
  dismissed: (Finding & { reason: string })[];
}

/**
 * Honours dismissals: a finding whose id a dismissal names is set aside with its reason. A dismissal whose
 * finding no longer turns up is simply unused (its problem is gone, or its frames changed, which makes it a
 * new finding to judge again).
 */
export function applyDismissals(findings: readonly Finding[], dismissals: readonly Dismissal[]): DismissedFindings {
  const reasons = new Map(dismissals.map((d) => [d.findingId, d.reason]));
  const out: DismissedFindings = { open: [], dismissed: [] };
  for (const f of findings) {
    const reason = reasons.get(f.id);
    if (reason === undefined) out.open.push(f);
    else out.dismissed.push({ ...f, reason });
  }
  return out;
}

/** How a re-run's findings relate to the last run's, by id: kept as they were, updated, new, or closed. */
export interface FindingChanges {
  kept: Finding[];
  updated: Finding[];
  opened: Finding[];
  closed: Finding[];
}

/**
 * Matches a re-run against the findings kept from the last: same id and the same contents is kept, same id
 * with a new value or worst frame is updated, a new id is opened, and an old id not found again is closed.
 */
export function compareFindings(previous: readonly Finding[], current: readonly Finding[]): FindingChanges {
  const before = new Map(previous.map((f) => [f.id, f]));
  const out: FindingChanges = { kept: [], updated: [], opened: [], closed: [] };
  for (const f of current) {
    const old = before.get(f.id);
    before.delete(f.id);
    if (!old) out.opened.push(f);
    else if (JSON.stringify(old) === JSON.stringify(f)) out.kept.push(f);
    else out.updated.push(f);
  }
  out.closed.push(...before.values());
  return out;
}
