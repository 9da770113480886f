import { DEFAULT_DEFECT_TYPES, ROOT_CAUSES } from '../taxonomy';
import { countedIds, per100Boxes, type DashboardFigures, type PersonFigures, type SceneFigures } from './figures';

/**
 * The figures as CSV: a row for the scene, then one a person. Columns are fixed English ids (a spreadsheet's
 * formulas refer to them, whatever the UI's language), then a count and a rate per 100 boxes for each defect
 * type and root cause that occurs (shipped ids first, in the taxonomy's order, then a team's own). Rates are
 * 0..1, times ms or hours as named; a figure with no denominator is empty. Starts with a byte-order mark so
 * that spreadsheets read names in Chinese as UTF-8.
 */
export function dashboardCsv(figures: DashboardFigures): string {
  const all = [figures.scene, ...figures.people];
  const defects = countedIds(
    all.map((f) => f.issuesByDefect),
    DEFAULT_DEFECT_TYPES,
  );
  const causes = countedIds(
    all.map((f) => f.issuesByRootCause),
    ROOT_CAUSES,
  );
  const header = [
    ...COLUMNS,
    ...defects.flatMap((id) => [`defect:${id}`, `defect:${id}:per_100_boxes`]),
    ...causes.flatMap((id) => [`root_cause:${id}`, `root_cause:${id}:per_100_boxes`]),
  ];
  const row = (f: SceneFigures | PersonFigures, scope: 'scene' | 'person') => [
    scope,
    'person' in f ? f.person : f.sceneName,
    num(f.activeMs / 3_600_000),
    num(f.boxesCreated),
    num(f.boxesEdited),
    num(f.createdPerHour),
    num(f.editedPerHour),
    num(f.accepted),
    num(f.rejected),
    num(f.acceptanceRate),
    num(f.rejectionRate),
    num(f.boxes),
    num(f.issues),
    num(f.issuesPer100Boxes),
    num(f.reworkRounds),
    num(f.reworkPerIssue),
    num(f.openIssues),
    num(f.fixedIssues),
    num(f.medianTimeToFixMs),
    'person' in f ? num(f.verdictsGiven) : '',
    'person' in f ? num(f.issuesPinned) : '',
    'frameCount' in f ? num(f.frameCount) : '',
    'frameCount' in f ? num(f.reviewedFrames) : '',
    'frameCount' in f ? num(f.coverage) : '',
    'frameCount' in f ? num(f.unreviewedFrames) : '',
    ...defects.flatMap((id) => byId(f.issuesByDefect[id] ?? 0, f.boxes)),
    ...causes.flatMap((id) => byId(f.issuesByRootCause[id] ?? 0, f.boxes)),
  ];
  let text = `\ufeff${csvLine(header)}`;
  text += csvLine(row(figures.scene, 'scene'));
  for (const p of figures.people) text += csvLine(row(p, 'person'));
  return text;
}

const COLUMNS = [
  'scope',
  'name',
  'active_hours',
  'boxes_created',
  'boxes_edited',
  'created_per_hour',
  'edited_per_hour',
  'accepted',
  'rejected',
  'acceptance_rate',
  'rejection_rate',
  'boxes',
  'issues',
  'issues_per_100_boxes',
  'rework_rounds',
  'rework_per_issue',
  'open_issues',
  'fixed_issues',
  'median_time_to_fix_ms',
  'verdicts_given',
  'issues_pinned',
  'frames',
  'reviewed_frames',
  'coverage',
  'unreviewed_frames',
];

/** RFC 4180: a field with a comma, a quote, a line break or space at either end is quoted, quotes doubled. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((f) => (/[",\r\n]|^\s|\s$/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')}\r\n`;
}

/** At most 4 decimals (rates to 0.01 %, hours to the second), which is all a spreadsheet needs. */
function num(value: number | undefined): string {
  return value === undefined ? '' : String(Math.round(value * 10_000) / 10_000);
}

function byId(count: number, boxes: number): string[] {
  return [num(count), num(per100Boxes(count, boxes))];
}
