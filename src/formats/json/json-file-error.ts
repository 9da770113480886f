import { FormatError } from '../pointcloud/format-error';
import type { ProblemCode } from '../problems/file-problem';

/**
 * A JSON file that breaks its schema or its rules. `errors` holds one line per fault,
 * `<file>: <JSON path> <problem>` (`my-classes.json: /classes/2/color must match pattern …`), and the message
 * is those lines, so that every line a user reads names the file to fix.
 */
export class JsonFileError extends FormatError {
  override name = 'JsonFileError';
  readonly errors: string[];

  /** `faults`: `<JSON path> <problem>` each, without the file's name; `code` defaults to `json.schema`. */
  constructor(
    fileName: string,
    readonly faults: readonly string[],
    code: ProblemCode = 'json.schema',
  ) {
    // FormatError prefixes the first line with the file; the others get the same prefix here.
    super(fileName, faults.join(`\n${fileName}: `), { code });
    this.errors = faults.map((f) => `${fileName}: ${f}`);
  }
}
