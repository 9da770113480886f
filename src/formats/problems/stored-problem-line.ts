import type { ProblemCode, ProblemValues } from './file-problem';

/** A group of problems read back from its stored line (`formatProblemGroups`), with what its message names. */
export interface StoredProblemGroup {
  code: ProblemCode;
  count: number;
  message: string;
  /** `file` or `file place` of the first problems. */
  places: string[];
  /** True when the group had more problems than places. */
  more: boolean;
  /** The values of the code's sentence, read out of the message where the writer's words are known. */
  values?: ProblemValues;
}

/**
 * The English messages of the writers, whose groups an export stores as text lines: each names in a group the
 * value the code's sentence needs. Figures come back as numbers. Written by this and every earlier release in
 * these words; a message they do not match (a newer release's) is shown as it is.
 */
const WRITER_MESSAGES: Record<string, RegExp> = {
  'openlabel.attribute.not-finite': /^attribute (?<attribute>.+) is not a finite number; left out$/,
  'openlabel.box.no-track': /^track (?<track>.+) is not in the export; left out$/,
  'openlabel.box.no-frame': /^frame (?<frame>-?\d+) is not in the scene; left out$/,
  'openlabel.box.duplicate': /^track (?<track>.+) has another box on frame (?<frame>-?\d+); left out$/,
  'kitti.box.off-image': /^(?<boxes>\d+) boxes are in no camera image/,
  'kitti.segments.dropped': /^(?<segments>\d+) time segments left out/,
  'nuscenes.segments.dropped': /^(?<segments>\d+) time segments left out/,
  'csv.segments.dropped': /^(?<segments>\d+) time segments left out/,
  'nuscenes.pose.missing': /^not every frame has an ego pose/,
};

/** Values that are figures (the rest are names). */
const FIGURES = new Set(['frame', 'boxes', 'segments']);

/**
 * Reads back one line `formatProblemGroups` wrote, `<code> ×<count>: <message> (<places>[, …])`, or undefined
 * for a line of another shape. The message keeps its own parentheses; the places are the last pair's.
 */
export function parseProblemLine(line: string): StoredProblemGroup | undefined {
  const m = /^(\S+\.\S+) ×(\d+): (.*) \(([^()]*)\)$/s.exec(line);
  if (!m) return undefined;
  const [, code, count, message, list] = m as unknown as [string, ProblemCode, string, string, string];
  const more = list.endsWith(', …');
  const places = (more ? list.slice(0, -3) : list).split(', ').filter((p) => p !== '');
  const values = writerValues(code, message);
  return { code, count: Number(count), message, places, more, ...(values && { values }) };
}

/** The values a writer's message names, or undefined where the code or the words are not a known writer's. */
export function writerValues(code: string, message: string): ProblemValues | undefined {
  const match = WRITER_MESSAGES[code]?.exec(message);
  if (!match) return undefined;
  return Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, FIGURES.has(k) ? Number(v) : v!]));
}
