/**
 * A file that cannot be read as the format it claims to be: bad header, truncated data, missing fields.
 * The message always starts with the file's name, so that a user of a batch import knows which file to fix.
 */
export class FormatError extends Error {
  override name = 'FormatError';
  readonly fileName: string;

  constructor(fileName: string, problem: string) {
    super(`${fileName}: ${problem}`);
    this.fileName = fileName;
  }
}
