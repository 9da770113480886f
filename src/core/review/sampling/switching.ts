import type { InspectionSeverity, ReviewRound } from '../../model/review';

/** One closed acceptance round as the switching rules read it. */
export interface InspectedLot {
  /** The severity the lot was inspected under. */
  severity: InspectionSeverity;
  passed: boolean;
  /** Accepted with more nonconforming units than Ac but fewer than Re (possible only under reduced inspection). */
  acceptedButAboveAc?: boolean;
}

/**
 * MIL-STD-105E's switching rules (4.7) over a scene's closed acceptance rounds, oldest first; the severity the
 * next round is inspected under. Start: normal.
 * - normal → tightened: 2 lots rejected among 5 or fewer consecutive lots on normal inspection;
 * - tightened → normal: 5 consecutive lots accepted on tightened inspection;
 * - normal → reduced: the preceding 10 lots on normal inspection all accepted;
 * - reduced → normal: a lot rejected, or accepted with a count between Ac and Re.
 * Of normal → reduced's further conditions none is applied: the limit numbers (Table VIII) count nonconforming
 * units over ten lots sampled alike, which rounds with different plans and units are not; steady production has
 * no meaning for labelling; the responsible authority's approval is the reviewer's choice of an acceptance plan.
 * Nor is inspection discontinued after a long stay on tightened inspection: rounds go on, under tightened.
 * When a lot was inspected under another severity than the replay gives (a round started before the one before
 * it closed, say), the recorded one wins and the counts start again from that lot.
 */
export function inspectionSeverity(history: readonly InspectedLot[]): InspectionSeverity {
  let severity: InspectionSeverity = 'normal';
  /** Outcomes (true: accepted) of the lots since the current severity began. */
  let run: boolean[] = [];
  for (const lot of history) {
    if (lot.severity !== severity) {
      severity = lot.severity;
      run = [];
    }
    run.push(lot.passed);
    const next = nextSeverity(severity, run, lot);
    if (next !== severity) {
      severity = next;
      run = [];
    }
  }
  return severity;
}

function nextSeverity(severity: InspectionSeverity, run: readonly boolean[], lot: InspectedLot): InspectionSeverity {
  switch (severity) {
    case 'normal': {
      const lastFive = run.slice(-5);
      if (lastFive.filter((passed) => !passed).length >= 2) return 'tightened';
      return run.length >= 10 && run.slice(-10).every(Boolean) ? 'reduced' : 'normal';
    }
    case 'tightened':
      return run.length >= 5 && run.slice(-5).every(Boolean) ? 'normal' : 'tightened';
    case 'reduced':
      return !lot.passed || lot.acceptedButAboveAc ? 'normal' : 'reduced';
  }
}

/**
 * The switching history of a scene's rounds: its closed acceptance rounds, oldest first by closing time (then
 * start, then id, so that every machine orders them alike).
 */
export function switchingHistory(rounds: readonly ReviewRound[]): InspectedLot[] {
  const closed = rounds.flatMap((round) =>
    round.plan.kind === 'acceptance' && round.acceptance && round.outcome
      ? [{ round, acceptance: round.acceptance, outcome: round.outcome }]
      : [],
  );
  closed.sort(({ round: a }, { round: b }) => closedTime(a) - closedTime(b) || a.startedAt - b.startedAt || compare(a.id, b.id)); // prettier-ignore
  return closed.map(({ acceptance, outcome }) => ({
    severity: acceptance.severity,
    passed: outcome.passed,
    acceptedButAboveAc: outcome.passed && outcome.nonconforming > acceptance.accept,
  }));
}

function closedTime(round: ReviewRound): number {
  return round.closedAt ?? round.startedAt;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
