import { describe, expect, it } from 'vitest';
import { AQLS, sampleSizeCodeLetter, singleSamplingPlan } from '../../../../../src/core/review/sampling/mil-std-105e';

/** [code letter asked, AQL, code letter used, n, Ac, Re], each a cell of the published MIL-STD-105E table. */
type Row = [string, number, string, number, number, number];

function check(rows: Row[], severity: 'normal' | 'tightened' | 'reduced') {
  for (const [asked, aql, codeLetter, sampleSize, accept, reject] of rows) {
    expect(singleSamplingPlan(asked, aql, severity), `${asked} @ ${aql}`).toEqual({ codeLetter, sampleSize, accept, reject }); // prettier-ignore
  }
}

describe('Table I, sample size code letters', () => {
  it('reads whole rows of the published table', () => {
    const levels = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'] as const;
    const row = (lot: number) => levels.map((level) => sampleSizeCodeLetter(lot, level)).join('');
    expect(row(5)).toBe('AAAAAAB'); // Table I, lot 2 to 8: A A A A A A B
    expect(row(300)).toBe('BCDEFHJ'); // Table I, lot 281 to 500: B C D E F H J
    expect(row(2000)).toBe('CDEGHKL'); // Table I, lot 1,201 to 3,200: C D E G H K L
    expect(row(100000)).toBe('DEGJLNP'); // Table I, lot 35,001 to 150,000: D E G J L N P
    expect(row(2_000_000)).toBe('DEHKNQR'); // Table I, lot 500,001 and over: D E H K N Q R
  });

  it('puts the row bounds where the table does', () => {
    expect(sampleSizeCodeLetter(8, 'II')).toBe('A'); // Table I, 2 to 8
    expect(sampleSizeCodeLetter(9, 'II')).toBe('B'); // Table I, 9 to 15
    expect(sampleSizeCodeLetter(1200, 'II')).toBe('J'); // Table I, 501 to 1,200
    expect(sampleSizeCodeLetter(1201, 'II')).toBe('K'); // Table I, 1,201 to 3,200
    expect(sampleSizeCodeLetter(500_000, 'I')).toBe('M'); // Table I, 150,001 to 500,000
    expect(sampleSizeCodeLetter(500_001, 'I')).toBe('N'); // Table I, 500,001 and over
  });

  it('reads a lot under 2 units in the first row and refuses nonsense', () => {
    expect(sampleSizeCodeLetter(0, 'II')).toBe('A');
    expect(sampleSizeCodeLetter(1, 'III')).toBe('B');
    expect(() => sampleSizeCodeLetter(-1, 'II')).toThrow(RangeError);
    expect(() => sampleSizeCodeLetter(Number.NaN, 'II')).toThrow(RangeError);
  });
});

describe('the AQLs', () => {
  it('are the 26 published values, 0.010 … 1000', () => {
    expect(AQLS).toHaveLength(26);
    expect([AQLS[0], AQLS[10], AQLS[15], AQLS[25]]).toEqual([0.01, 1, 10, 1000]);
    expect(() => singleSamplingPlan('K', 2, 'normal')).toThrow(RangeError);
    expect(() => singleSamplingPlan('I', 1, 'normal')).toThrow(RangeError);
    expect(() => singleSamplingPlan('S', 1, 'normal')).toThrow(RangeError); // S exists in Table II-B only
  });
});

describe('Table II-A, single sampling, normal inspection', () => {
  it('reads plans on the table', () => {
    check(
      [
        ['H', 1.0, 'H', 50, 1, 2], // Table II-A, code letter H (n=50), AQL 1.0: Ac 1 Re 2
        ['K', 0.65, 'K', 125, 2, 3], // Table II-A, K (n=125), AQL 0.65: Ac 2 Re 3
        ['J', 2.5, 'J', 80, 5, 6], // Table II-A, J (n=80), AQL 2.5: Ac 5 Re 6
        ['L', 0.65, 'L', 200, 3, 4], // Table II-A, L (n=200), AQL 0.65: Ac 3 Re 4
        ['N', 0.65, 'N', 500, 7, 8], // Table II-A, N (n=500), AQL 0.65: Ac 7 Re 8
        ['K', 10, 'K', 125, 21, 22], // Table II-A, K (n=125), AQL 10: Ac 21 Re 22
        ['Q', 0.01, 'Q', 1250, 0, 1], // Table II-A, Q (n=1250), AQL 0.010: Ac 0 Re 1
        ['R', 0.025, 'R', 2000, 1, 2], // Table II-A, R (n=2000), AQL 0.025: Ac 1 Re 2
        ['A', 1000, 'A', 2, 30, 31], // Table II-A, A (n=2), AQL 1000: Ac 30 Re 31
        ['B', 1000, 'B', 3, 44, 45], // Table II-A, B (n=3), AQL 1000: Ac 44 Re 45
        ['E', 250, 'E', 13, 44, 45], // Table II-A, E (n=13), AQL 250: Ac 44 Re 45
      ],
      'normal',
    );
  });

  it('follows the arrows to another code letter and sample size', () => {
    check(
      [
        ['G', 1.0, 'H', 50, 1, 2], // Table II-A, G (n=32), AQL 1.0: ↓ to H (n=50) Ac 1 Re 2
        ['D', 1.0, 'E', 13, 0, 1], // Table II-A, D (n=8), AQL 1.0: ↓ to E (n=13) Ac 0 Re 1
        ['F', 1.0, 'E', 13, 0, 1], // Table II-A, F (n=20), AQL 1.0: ↑ to E (n=13) Ac 0 Re 1
        ['C', 6.5, 'D', 8, 1, 2], // Table II-A, C (n=5), AQL 6.5: ↓ to D (n=8) Ac 1 Re 2
        ['L', 15, 'J', 80, 21, 22], // Table II-A, L (n=200), AQL 15: ↑ to J (n=80) Ac 21 Re 22
        ['F', 100, 'E', 13, 21, 22], // Table II-A, F (n=20), AQL 100: ↑ to E (n=13) Ac 21 Re 22
        ['C', 1000, 'B', 3, 44, 45], // Table II-A, C (n=5), AQL 1000: ↑ to B (n=3) Ac 44 Re 45
        ['R', 0.01, 'Q', 1250, 0, 1], // Table II-A, R (n=2000), AQL 0.010: ↑ to Q (n=1250) Ac 0 Re 1
        ['A', 0.1, 'K', 125, 0, 1], // Table II-A, A, AQL 0.10: ↓ down the column to K (n=125) Ac 0 Re 1
      ],
      'normal',
    );
  });

  it('turns an arrow round where it leaves the table', () => {
    check(
      [
        ['A', 10, 'C', 5, 1, 2], // Table II-A, A (n=2), AQL 10: nothing above A, so the plan below, C Ac 1 Re 2
        ['R', 0.015, 'P', 800, 0, 1], // Table II-A, R (n=2000), AQL 0.015: ↑ to P (n=800) Ac 0 Re 1
      ],
      'normal',
    );
  });
});

describe('Table II-B, single sampling, tightened inspection', () => {
  it('reads plans on the table and follows its arrows', () => {
    check(
      [
        ['K', 0.65, 'K', 125, 1, 2], // Table II-B, K (n=125), AQL 0.65: Ac 1 Re 2
        ['G', 0.65, 'G', 32, 0, 1], // Table II-B, G (n=32), AQL 0.65: Ac 0 Re 1
        ['H', 1.5, 'H', 50, 1, 2], // Table II-B, H (n=50), AQL 1.5: Ac 1 Re 2
        ['J', 6.5, 'J', 80, 8, 9], // Table II-B, J (n=80), AQL 6.5: Ac 8 Re 9
        ['J', 10, 'J', 80, 12, 13], // Table II-B, J (n=80), AQL 10: Ac 12 Re 13
        ['J', 15, 'J', 80, 18, 19], // Table II-B, J (n=80), AQL 15: Ac 18 Re 19
        ['A', 1000, 'A', 2, 27, 28], // Table II-B, A (n=2), AQL 1000: Ac 27 Re 28
        ['B', 1000, 'B', 3, 41, 42], // Table II-B, B (n=3), AQL 1000: Ac 41 Re 42
        ['E', 1.0, 'F', 20, 0, 1], // Table II-B, E (n=13), AQL 1.0: ↓ to F (n=20) Ac 0 Re 1
        ['D', 4.0, 'F', 20, 1, 2], // Table II-B, D (n=8), AQL 4.0: ↓ past E to F (n=20) Ac 1 Re 2
        ['K', 15, 'J', 80, 18, 19], // Table II-B, K (n=125), AQL 15: ↑ to J (n=80) Ac 18 Re 19
        ['A', 10, 'D', 8, 1, 2], // Table II-B, A (n=2), AQL 10: ↓ to D (n=8) Ac 1 Re 2 (A has no Ac 0 plan here)
      ],
      'tightened',
    );
  });

  it('reaches code letter S (n=3150) through the arrows of Q and R', () => {
    check(
      [
        ['R', 0.025, 'S', 3150, 1, 2], // Table II-B, R (n=2000), AQL 0.025: ↓ to S (n=3150) Ac 1 Re 2
        ['Q', 0.025, 'S', 3150, 1, 2], // Table II-B, Q (n=1250), AQL 0.025: ↓ to S (n=3150) Ac 1 Re 2
        ['R', 0.01, 'R', 2000, 0, 1], // Table II-B, R (n=2000), AQL 0.010: Ac 0 Re 1
        ['R', 0.015, 'Q', 1250, 0, 1], // Table II-B, R, AQL 0.015: nothing below, so ↑ to Q (n=1250) Ac 0 Re 1
        ['R', 0.04, 'R', 2000, 1, 2], // Table II-B, R (n=2000), AQL 0.040: Ac 1 Re 2
      ],
      'tightened',
    );
  });
});

describe('Table II-C, single sampling, reduced inspection', () => {
  it('reads plans with the gap between Ac and Re', () => {
    check(
      [
        ['K', 0.65, 'K', 50, 1, 3], // Table II-C, K (n=50), AQL 0.65: Ac 1 Re 3
        ['K', 1.0, 'K', 50, 1, 4], // Table II-C, K (n=50), AQL 1.0: Ac 1 Re 4
        ['J', 1.0, 'J', 32, 1, 3], // Table II-C, J (n=32), AQL 1.0: Ac 1 Re 3
        ['L', 1.0, 'L', 80, 2, 5], // Table II-C, L (n=80), AQL 1.0: Ac 2 Re 5
        ['M', 1.0, 'M', 125, 3, 6], // Table II-C, M (n=125), AQL 1.0: Ac 3 Re 6
        ['N', 1.0, 'N', 200, 5, 8], // Table II-C, N (n=200), AQL 1.0: Ac 5 Re 8
        ['P', 1.0, 'P', 315, 7, 10], // Table II-C, P (n=315), AQL 1.0: Ac 7 Re 10
        ['Q', 1.0, 'Q', 500, 10, 13], // Table II-C, Q (n=500), AQL 1.0: Ac 10 Re 13
        ['J', 0.65, 'J', 32, 0, 2], // Table II-C, J (n=32), AQL 0.65: Ac 0 Re 2
        ['E', 250, 'E', 5, 21, 24], // Table II-C, E (n=5), AQL 250: Ac 21 Re 24
        ['C', 400, 'C', 2, 14, 17], // Table II-C, C (n=2), AQL 400: Ac 14 Re 17
      ],
      'reduced',
    );
  });

  it('follows its arrows', () => {
    check(
      [
        ['R', 1.0, 'Q', 500, 10, 13], // Table II-C, R (n=800), AQL 1.0: ↑ to Q (n=500) Ac 10 Re 13
        ['G', 0.65, 'F', 8, 0, 1], // Table II-C, G (n=13), AQL 0.65: ↑ to F (n=8) Ac 0 Re 1
        ['H', 0.65, 'J', 32, 0, 2], // Table II-C, H (n=20), AQL 0.65: ↓ to J (n=32) Ac 0 Re 2
        ['R', 0.01, 'Q', 500, 0, 1], // Table II-C, R (n=800), AQL 0.010: ↑ to Q (n=500) Ac 0 Re 1
        ['F', 100, 'E', 5, 10, 13], // Table II-C, F (n=8), AQL 100: ↑ to E (n=5) Ac 10 Re 13
        ['D', 1000, 'C', 2, 30, 31], // Table II-C, D (n=3), AQL 1000: ↑ to C (n=2) Ac 30 Re 31
      ],
      'reduced',
    );
  });

  it('keeps the published cells of A and B (n=2) that leave the diagonal', () => {
    check(
      [
        ['A', 25, 'A', 2, 1, 2], // Table II-C, A (n=2), AQL 25: Ac 1 Re 2
        ['A', 150, 'A', 2, 7, 8], // Table II-C, A (n=2), AQL 150: Ac 7 Re 8
        ['B', 25, 'B', 2, 1, 3], // Table II-C, B (n=2), AQL 25: Ac 1 Re 3
        ['B', 40, 'B', 2, 2, 4], // Table II-C, B (n=2), AQL 40: Ac 2 Re 4
        ['B', 65, 'B', 2, 3, 5], // Table II-C, B (n=2), AQL 65: Ac 3 Re 5
        ['C', 65, 'C', 2, 3, 6], // Table II-C, C (n=2), AQL 65: Ac 3 Re 6
        ['C', 1000, 'C', 2, 30, 31], // Table II-C, C (n=2), AQL 1000: Ac 30 Re 31
      ],
      'reduced',
    );
  });
});

describe('the three tables side by side', () => {
  it('give the textbook example: lot 2000, level II, AQL 0.65 → K', () => {
    const letter = sampleSizeCodeLetter(2000, 'II');
    expect(letter).toBe('K');
    // Normal n=125 Ac 2 Re 3 (II-A); tightened n=125 Ac 1 Re 2 (II-B); reduced n=50 Ac 1 Re 3 (II-C).
    expect(singleSamplingPlan(letter, 0.65, 'normal')).toMatchObject({ sampleSize: 125, accept: 2, reject: 3 });
    expect(singleSamplingPlan(letter, 0.65, 'tightened')).toMatchObject({ sampleSize: 125, accept: 1, reject: 2 });
    expect(singleSamplingPlan(letter, 0.65, 'reduced')).toMatchObject({ sampleSize: 50, accept: 1, reject: 3 });
  });

  it('never gives a plan whose Re is not above Ac, in any cell', () => {
    for (const severity of ['normal', 'tightened', 'reduced'] as const) {
      for (const letter of 'ABCDEFGHJKLMNPQR') {
        for (const aql of AQLS) {
          const plan = singleSamplingPlan(letter, aql, severity);
          expect(plan.reject).toBeGreaterThan(plan.accept);
          if (severity !== 'reduced') expect(plan.reject).toBe(plan.accept + 1);
        }
      }
    }
  });
});
