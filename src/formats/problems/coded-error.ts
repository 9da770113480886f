import type { ProblemCode, ProblemValues } from './file-problem';

/**
 * An error the app can say in the user's language: a stable `code` (as a problem's, `scene.missing`) and the
 * `values` its sentence names, beside an English `message` for logs and the command line. Thrown where the
 * fault is not a file's format (a `FormatError` carries a code too): a scene this browser lacks, a folder the
 * user has not let the app read, a bundle without its sensor files.
 */
export class CodedError extends Error {
  override name = 'CodedError';

  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly values: ProblemValues = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
