import { FormatError } from '../pointcloud/format-error';
import type { ProblemCode } from '../problems/file-problem';
import { faultLine, faultOfLine, type JsonFault } from './json-fault';

/**
 * A JSON file that breaks its schema or its rules. `errors` holds one line per fault,
 * `<file>: <JSON path> <problem>` (`my-classes.json: /classes/2/color must match pattern …`), and the message
 * is those lines, so that every line a user reads names the file to fix.
 */
export class JsonFileError extends FormatError {
  override name = 'JsonFileError';
  readonly errors: string[];
  /** `<JSON path> <problem>` each, without the file's name. */
  readonly faults: readonly string[];
  /** The same faults apart, with the code and values of those the app can say in the user's language. */
  readonly details: readonly JsonFault[];

  /** `faults`: `<JSON path> <problem>` texts or `JsonFault`s, without the file's name; `code` defaults to `json.schema`. */
  constructor(fileName: string, faults: readonly (string | JsonFault)[], code: ProblemCode = 'json.schema') {
    const lines = faults.map((f) => (typeof f === 'string' ? f : faultLine(f)));
    // FormatError prefixes the first line with the file; the others get the same prefix here.
    super(fileName, lines.join(`\n${fileName}: `), { code });
    this.faults = lines;
    this.details = faults.map((f) => (typeof f === 'string' ? faultOfLine(f) : f));
    this.errors = lines.map((f) => `${fileName}: ${f}`);
  }
}
