import { describe, expect, it } from 'vitest';
import type { InspectionSeverity, ReviewRound } from '../../../../../src/core/model/review';
import { inspectionSeverity, switchingHistory, type InspectedLot } from '../../../../../src/core/review/sampling/switching'; // prettier-ignore

/** Replays outcomes ('a' accepted, 'r' rejected, 'g' accepted within reduced inspection's gap), each lot inspected
 * under the severity the rules gave, and returns the severity after each lot. */
function replay(outcomes: string): InspectionSeverity[] {
  const history: InspectedLot[] = [];
  const after: InspectionSeverity[] = [];
  for (const o of outcomes) {
    history.push({ severity: inspectionSeverity(history), passed: o !== 'r', acceptedButAboveAc: o === 'g' });
    after.push(inspectionSeverity(history));
  }
  return after;
}

const short = (s: InspectionSeverity[]) => s.map((v) => v[0]).join('');

describe('the switching rules of MIL-STD-105E', () => {
  it('start on normal inspection', () => {
    expect(inspectionSeverity([])).toBe('normal');
  });

  it('tighten when 2 of 5 or fewer consecutive lots are rejected', () => {
    expect(short(replay('ar'))).toBe('nn');
    expect(short(replay('rr'))).toBe('nt');
    expect(short(replay('raaar'))).toBe('nnnnt'); // the 2nd rejection is the 5th lot: tighten
    expect(short(replay('raaaar'))).toBe('nnnnnn'); // 6 lots apart: stay on normal
  });

  it('return to normal after 5 consecutive lots accepted on tightened inspection', () => {
    expect(short(replay('rraaaa'))).toBe('nttttt');
    expect(short(replay('rraaaaa'))).toBe('ntttttn');
    expect(short(replay('rraaraaaaa'))).toBe('nttttttttn'); // the rejection restarts the count of 5
  });

  it('reduce after 10 consecutive lots accepted on normal inspection', () => {
    expect(short(replay('aaaaaaaaa'))).toBe('nnnnnnnnn');
    expect(short(replay('aaaaaaaaaa'))).toBe('nnnnnnnnnr');
    // A rejection on normal restarts the 10.
    expect(short(replay('araaaaaaaaa'))).toBe('nnnnnnnnnnn');
    expect(short(replay('araaaaaaaaaa'))).toBe('nnnnnnnnnnnr');
  });

  it('return from reduced to normal on a rejection or an acceptance between Ac and Re', () => {
    expect(short(replay('aaaaaaaaaaaa'))).toBe('nnnnnnnnnrrr');
    expect(short(replay('aaaaaaaaaaar'))).toBe('nnnnnnnnnrrn');
    expect(short(replay('aaaaaaaaaaag'))).toBe('nnnnnnnnnrrn');
    // Back on normal, 10 fresh acceptances are needed again.
    expect(replay('aaaaaaaaaar' + 'a'.repeat(9)).at(-1)).toBe('normal');
    expect(replay('aaaaaaaaaar' + 'a'.repeat(10)).at(-1)).toBe('reduced');
  });

  it('trusts the severity a lot was recorded under', () => {
    // A round inspected tightened by hand, then 5 accepted: back to normal.
    const lots: InspectedLot[] = Array.from({ length: 5 }, () => ({ severity: 'tightened', passed: true }));
    expect(inspectionSeverity(lots.slice(0, 4))).toBe('tightened');
    expect(inspectionSeverity(lots)).toBe('normal');
  });
});

describe('switchingHistory', () => {
  const round = (id: string, closedAt: number | undefined, nonconforming: number, severity: InspectionSeverity): ReviewRound => ({
    type: 'review-round', id, sceneId: 's', reviewer: 'r', startedAt: 0, closedAt, plan: { kind: 'acceptance', aql: 1, level: 'II' },
    unit: 'box', seed: 1, sample: [], lotSize: 100,
    acceptance: { severity, codeLetter: 'K', sampleSize: 50, accept: 1, reject: 4 },
    ...(closedAt === undefined ? {} : { outcome: { nonconforming, inspected: 50, passed: nonconforming < 4 } }),
  }); // prettier-ignore

  it('takes closed acceptance rounds, oldest first, and marks acceptances within the gap', () => {
    const rounds = [round('b', 20, 2, 'reduced'), round('a', 10, 0, 'normal'), round('c', undefined, 0, 'normal')];
    const other: ReviewRound = { ...round('d', 5, 1, 'normal'), plan: { kind: 'all' }, acceptance: undefined };
    expect(switchingHistory([...rounds, other])).toEqual([
      { severity: 'normal', passed: true, acceptedButAboveAc: false },
      { severity: 'reduced', passed: true, acceptedButAboveAc: true },
    ]);
  });
});
