import type { ProblemCode, ProblemValues } from '../problems/file-problem';

/**
 * A file that cannot be read as the format it claims to be: bad header, truncated data, missing fields.
 * The message always starts with the file's name, so that a user of a batch import knows which file to fix.
 */
export class FormatError extends Error {
  override name = 'FormatError';
  readonly fileName: string;
  /** What is wrong, without the file's name or the place. */
  readonly reason: string;
  /** The problem code an import reports this error under, where the thrower knows a precise one. */
  readonly code: ProblemCode | undefined;
  /** Where in the file (`line 3`, a JSON path); the message then reads `<file>: <place>: <reason>`. */
  readonly place: string | undefined;
  /** What the code's sentence names (`FileProblem.values`), so that the app can say it in the user's language. */
  readonly values: ProblemValues | undefined;

  constructor(
    fileName: string,
    problem: string,
    options: { code?: ProblemCode; place?: string; values?: ProblemValues } = {},
  ) {
    super(`${fileName}: ${options.place === undefined ? '' : `${options.place}: `}${problem}`);
    this.fileName = fileName;
    this.reason = problem;
    this.code = options.code;
    this.place = options.place;
    this.values = options.values;
  }
}
