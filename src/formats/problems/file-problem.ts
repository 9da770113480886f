/**
 * A stable name for a kind of problem, `<format or area>.<thing>.<fault>` in lowercase with dashes inside a
 * part (`openlabel.cuboid.nonpositive-size`, `kitti.row.columns`, `file.unreadable`). Messages may change
 * wording and language; codes do not, so that scripts, tests and the grouped summaries can rely on them.
 */
export type ProblemCode = `${string}.${string}`;

/**
 * The figures and names a code's sentence needs (`{ frame: 51, last: 50 }`), so that every language can say the
 * problem whole. Numbers are figures; strings are names from the data (ids, file and class names), which the app
 * shows as they are.
 */
export type ProblemValues = Readonly<Record<string, string | number>>;

/**
 * A problem with one file that did not stop the rest of the work: an importer or reader leaving something
 * out, or a writer that had to drop or guess something. `path` is the file (for writers, the file written);
 * `place` is where inside it, kept out of the message so that equal problems read alike and group by code.
 */
export interface FileProblem {
  path: string;
  code: ProblemCode;
  message: string;
  /** A JSON path (`/openlabel/frames/3/objects/1`), a line (`line 12`), or for writers the record (`box a@3`). */
  place?: string;
  /** What the code's sentence in the app's catalogues names (`src/i18n/problem-texts-en.ts`). */
  values?: ProblemValues;
}

/** `file` or `file place`: where a problem is, as one text. */
export function problemPlace(problem: FileProblem): string {
  return problem.place === undefined ? problem.path : `${problem.path} ${problem.place}`;
}

/** One problem as one line, `<file> [<place>]: <message> [<code>]`, for logs and `--verbose` listings. */
export function formatProblem(problem: FileProblem): string {
  return `${problemPlace(problem)}: ${problem.message} [${problem.code}]`;
}
