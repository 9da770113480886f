import type { InspectionLevel, InspectionSeverity } from '../../model/review';

/**
 * MIL-STD-105E (1989, public domain; the same numbers as ANSI/ASQ Z1.4): Table I (sample size code letters) and
 * Tables II-A, II-B and II-C (single sampling for normal, tightened and reduced inspection).
 *
 * The master tables are diagonal: one step down a code letter and one step left an AQL keep the same Ac/Re. So a
 * cell is read from `d = letter index + AQL index − 14` in a sequence of plans and arrows per table, instead of
 * storing 17 × 26 cells three times. The few published cells that break the diagonal are listed apart.
 */

/** The published AQLs, percent nonconforming (up to 10) or nonconformities per 100 units. */
export const AQLS: readonly number[] = [
  0.01, 0.015, 0.025, 0.04, 0.065, 0.1, 0.15, 0.25, 0.4, 0.65, 1, 1.5, 2.5, 4, 6.5, 10, 15, 25, 40, 65, 100, 150, 250,
  400, 650, 1000,
];

/** Code letters in table order; S (3150) appears only in Table II-B. I and O are skipped, as in the standard. */
const LETTERS = 'ABCDEFGHJKLMNPQRS';
const NORMAL_SIZES = [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000, 3150];
/** Table II-C's sample sizes: A, B and C all inspect 2. */
const REDUCED_SIZES = [2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800];

/** Table I: the upper bound of each lot size row; the last row is "500,001 and over". */
const LOT_BOUNDS = [8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000, Infinity];
const LEVEL_COLUMNS: Record<InspectionLevel, string> = {
  'S-1': 'AAAABBBBCCCCDDD',
  'S-2': 'AAABBBCCCDDDEEE',
  'S-3': 'AABBCCDDEEFFGGH',
  'S-4': 'AABCCDEEFGGHJJK',
  I: 'AABCCDEFGHJKLMN',
  II: 'ABCDEFGHJKLMNPQ',
  III: 'BCDEFGHJKLMNPQR',
};

type Cell = readonly [accept: number, reject: number] | 'up' | 'down';

/** Plans along the diagonals, d = 0 … 12; before d = 0 the arrows point down, after the end up. */
// prettier-ignore
const DIAGONALS: Record<InspectionSeverity, readonly Cell[]> = {
  normal: [[0, 1], 'up', 'down', [1, 2], [2, 3], [3, 4], [5, 6], [7, 8], [10, 11], [14, 15], [21, 22], [30, 31], [44, 45]],
  // Tightened is normal moved one code letter down, with its own acceptance numbers.
  tightened: ['down', [0, 1], 'down', 'down', [1, 2], [2, 3], [3, 4], [5, 6], [8, 9], [12, 13], [18, 19], [27, 28], [41, 42]],
  // Reduced leaves a gap between Ac and Re: a lot there is accepted but normal inspection returns.
  reduced: [[0, 1], 'up', 'down', [0, 2], [1, 3], [1, 4], [2, 5], [3, 6], [5, 8], [7, 10], [10, 13], [14, 17], [21, 24]],
};

/** From code letter F on, every table stops at d = 10 (Ac 21 normal, 18 tightened, 10 reduced): above, arrows up. */
const LAST_D_FROM_F = 10;

/** Published cells off the diagonal, by severity, code letter and AQL. */
const EXCEPTIONS: Record<InspectionSeverity, Readonly<Record<string, Cell>>> = {
  normal: {},
  // Table II-B gives A no plan of its own at AQL 10: the arrow leads down to D (1, 2).
  tightened: { 'A@10': 'down' },
  // Table II-C: A and B (n = 2 like C) keep normal-like plans at the high AQLs; C tops out with (30, 31).
  // prettier-ignore
  reduced: {
    'A@25': [1, 2], 'A@40': [2, 3], 'A@65': [3, 4], 'A@100': [5, 6], 'A@150': [7, 8], 'A@250': [10, 11],
    'A@400': [14, 15], 'A@650': [21, 22], 'A@1000': [30, 31],
    'B@40': [2, 4], 'B@65': [3, 5], 'B@100': [5, 6], 'B@150': [7, 8], 'B@250': [10, 11], 'B@400': [14, 15],
    'B@650': [21, 22], 'B@1000': [30, 31],
    'C@1000': [30, 31],
  },
};

/** Table I: the code letter for a lot of `lotSize` units. A lot under 2 units reads the first row. */
export function sampleSizeCodeLetter(lotSize: number, level: InspectionLevel): string {
  if (!(lotSize >= 0)) throw new RangeError(`lot size must be a number ≥ 0, got ${lotSize}`);
  const column = LEVEL_COLUMNS[level];
  if (!column) throw new RangeError(`unknown inspection level ${String(level)}`);
  const row = LOT_BOUNDS.findIndex((bound) => lotSize <= bound);
  return column[row]!;
}

export interface SingleSamplingPlan {
  /** The code letter whose plan applies, after following the arrows; it may differ from the one asked for. */
  codeLetter: string;
  sampleSize: number;
  /** Accept the lot with this many nonconforming units or fewer. */
  accept: number;
  /** Reject it with this many or more. */
  reject: number;
}

/**
 * Tables II-A/B/C: the single sampling plan for a code letter and AQL. Where the table shows an arrow, the first
 * plan below or above it in the same column is used, with that plan's code letter and sample size. An arrow that
 * runs off the table (up from A, down from the last letter) turns round, which is what the published cells do.
 */
export function singleSamplingPlan(codeLetter: string, aql: number, severity: InspectionSeverity): SingleSamplingPlan {
  const column = AQLS.findIndex((value) => Math.abs(value - aql) <= value * 1e-9);
  if (column < 0) throw new RangeError(`AQL ${aql} is not one of the published values`);
  const rows = severity === 'tightened' ? LETTERS.length : LETTERS.length - 1;
  const start = LETTERS.indexOf(codeLetter);
  if (codeLetter.length !== 1 || start < 0 || start >= rows) {
    throw new RangeError(`code letter ${codeLetter} has no row in the ${severity} table`);
  }
  const first = cellAt(start, column, severity);
  if (typeof first !== 'string') return planAt(start, first, severity);
  for (const step of first === 'down' ? [1, -1] : [-1, 1]) {
    for (let row = start + step; row >= 0 && row < rows; row += step) {
      const cell = cellAt(row, column, severity);
      if (typeof cell !== 'string') return planAt(row, cell, severity);
    }
  }
  throw new Error(`no ${severity} plan in the column of AQL ${aql}`);
}

function cellAt(row: number, column: number, severity: InspectionSeverity): Cell {
  const letter = LETTERS[row]!;
  const exception = EXCEPTIONS[severity][`${letter}@${AQLS[column]}`];
  if (exception) return exception;
  // Table II-B's S row holds one plan (1, 2) at AQL 0.025, reached through the arrows of Q and R.
  if (letter === 'S' && column !== 2) return 'up';
  const d = row + column - 14;
  const diagonal = DIAGONALS[severity];
  if (d < 0) return 'down';
  if (d >= diagonal.length || (row >= LETTERS.indexOf('F') && d > LAST_D_FROM_F)) return 'up';
  return diagonal[d]!;
}

function planAt(row: number, [accept, reject]: readonly [number, number], severity: InspectionSeverity) {
  const sampleSize = (severity === 'reduced' ? REDUCED_SIZES : NORMAL_SIZES)[row]!;
  return { codeLetter: LETTERS[row]!, sampleSize, accept, reject };
}
