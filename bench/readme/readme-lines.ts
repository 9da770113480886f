import { formatPoints, formatRatio, formatValue } from '../lib/print-table';
import type { SavedRow } from '../lib/results-file';

/** One figure of a line: a frame size's row, printed as the value its goal is judged on. */
export interface LineCell {
  points: number;
  text: string;
  /** Undefined where the row has no goal. */
  met: boolean | undefined;
}

/**
 * A line of the README's table: the rows of one comparison (same section, case, figure and anchor) across frame
 * sizes. Any row a section writes with a goal gets a line; rows without a goal only where the notes name them.
 */
export interface ReadmeLine {
  /** `section · case: figure vs anchor`, what the notes file keys its explanations by. */
  id: string;
  section: string;
  what: string;
  /** The goals of its rows, one each (a goal may differ by size: ≤ 1.5× at 120k, ≤ 1.25× at 1M). */
  goal: string;
  cells: LineCell[];
  /** Cells whose goal is not met. */
  missed: LineCell[];
}

export function lineId(row: SavedRow): string {
  return `${row.section} · ${row.case}: ${row.figure} vs ${row.anchor}`;
}

/** `*` matches any run of characters; everything else is literal. */
export function matchesPattern(pattern: string, id: string): boolean {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`).test(id);
}

const finite = (value: number | null | undefined): number => (typeof value === 'number' ? value : Number.NaN);

/**
 * The figure a row's goal is judged on, as printed: our p95 in ms for a time budget ("p95 ≤ 16 ms"), the
 * largest count for "max = 0 B", else the ratio (p95's where the goal says p95). A row without a goal shows its
 * p50 ratio, or its p50 value where it has no ratio.
 */
export function judgedText(row: SavedRow): string {
  const goal = row.goal;
  if (goal === undefined) {
    const ratio = finite(row.ratio);
    return Number.isFinite(ratio) ? formatRatio(ratio) : `${formatValue(row.p50)} ${row.unit}`;
  }
  if (goal.endsWith(' ms')) return `${formatValue(finite(row.judged ?? row.p95))} ms`;
  if (goal.endsWith(' B')) return `${formatValue(finite(row.judged ?? row.p95))} B`;
  const judged = row.judged ?? (goal.startsWith('p95') ? row.ratioP95 : row.ratio);
  return formatRatio(finite(judged));
}

/** The rows grouped into lines, in the order the run wrote them; `shown` names goal-less lines to keep. */
export function readmeLines(rows: readonly SavedRow[], shown: readonly string[]): ReadmeLine[] {
  const groups = new Map<string, SavedRow[]>();
  for (const row of rows) groups.set(lineId(row), [...(groups.get(lineId(row)) ?? []), row]);
  const lines = [...groups].map(([id, group]): ReadmeLine => {
    const cells = group.map((row) => ({
      points: row.points,
      text: judgedText(row),
      met: row.goal === undefined ? undefined : row.met,
    }));
    const first = group[0]!;
    return {
      id,
      section: first.section,
      what: `${first.case}: ${first.figure} vs ${first.anchor}`,
      goal: goalText(group),
      cells,
      missed: cells.filter((cell) => cell.met === false),
    };
  });
  return lines.filter((line) => line.goal !== '' || shown.some((pattern) => matchesPattern(pattern, line.id)));
}

/** The line's goal: one text where every row has the same, else each with its frame size ("≤ 1.5× at 120k"). */
function goalText(group: readonly SavedRow[]): string {
  const goals = new Set(group.map((row) => row.goal));
  if (goals.size === 1) return group[0]!.goal ?? '';
  return group
    .filter((row) => row.goal !== undefined)
    .map((row) => `${row.goal} at ${formatPoints(row.points)}`)
    .join(', ');
}

/** A line's figures: "120k 8.1×, 340k 9.0×, 1M 9.5×", or the one value of a row with no frame size. */
export function cellsText(line: ReadmeLine): string {
  return line.cells
    .map((cell) => {
      const value = cell.met === false ? `**${cell.text}**` : cell.text;
      return cell.points > 0 ? `${formatPoints(cell.points)} ${value}` : value;
    })
    .join(', ');
}
