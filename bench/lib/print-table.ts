import type { ResultRow } from './section';

/** Milliseconds or bytes with about three significant digits. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  // An empty call takes nanoseconds: keep two significant digits rather than print 0.000.
  if (value > 0 && value < 0.001) return value.toPrecision(2);
  return value.toFixed(3);
}

/** Three significant digits below 1, so that 0.013× of memcpy does not print as 0.01×. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;
  return `${ratio >= 1 ? ratio.toFixed(2) : ratio.toPrecision(3)}×`;
}

export function formatPoints(points: number): string {
  if (points === 0) return '—';
  return points >= 1e6 ? `${points / 1e6}M` : `${Math.round(points / 1e3)}k`;
}

const HEADINGS = [
  'section',
  'case',
  'points',
  'ours',
  'unit',
  'p50',
  'p95',
  'anchor',
  'p50',
  'p95',
  'ratio p50',
  'ratio p95',
  'ratio is',
  'goal',
  'met',
  'note',
];

/** The rows as cells, in HEADINGS' order. */
function toCells(row: ResultRow): string[] {
  return [
    row.section,
    row.case,
    formatPoints(row.points),
    row.figure,
    row.unit,
    formatValue(row.p50),
    formatValue(row.p95),
    row.anchor,
    formatValue(row.anchorP50),
    formatValue(row.anchorP95),
    formatRatio(row.ratio),
    formatRatio(row.ratioP95),
    row.ratioName,
    row.goal?.text ?? '—',
    row.met === undefined ? '—' : row.met ? 'yes' : 'NO',
    row.note ?? '',
  ];
}

/** A plain-text (and valid Markdown) table: one line a row, columns padded, numbers right-aligned. */
export function formatTable(rows: readonly ResultRow[]): string {
  const cells = [HEADINGS, ...rows.map(toCells)];
  const widths = HEADINGS.map((_, c) => Math.max(...cells.map((line) => line[c]!.length)));
  const numeric = new Set([2, 5, 6, 8, 9, 10, 11]);
  const render = (line: string[]): string =>
    `| ${line.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (numeric.has(c) ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ')} |`;
  return [render(HEADINGS), rule, ...cells.slice(1).map(render)].join('\n');
}
