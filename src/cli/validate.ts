import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { JsonFileError } from '../formats/json/json-file-error';
import { validateOpenLabel } from '../formats/labels/openlabel-validate';
import { loadOpenLabelCheck } from './openlabel-schema';

/** What `frustum validate <file.json> [--schema <schema.json>]` asks for. */
export interface ValidateArgs {
  file: string;
  schema?: string;
}

/** Parses the arguments after `validate`; undefined when they do not fit. */
export function parseValidateArgs(args: readonly string[]): ValidateArgs | undefined {
  const [file, flag, schema, ...rest] = args;
  if (!file || file.startsWith('-') || rest.length > 0) return undefined;
  if (flag === undefined) return { file };
  return flag === '--schema' && schema ? { file, schema } : undefined;
}

/**
 * Checks an OpenLABEL file against Frustum's own OpenLABEL 1.0 schema, or the schema file `args.schema`
 * (ASAM's, for one). Resolves to the violations, one line each as `<file>: <JSON path> <reason>` (empty when
 * the file is valid); rejects with an Error naming the path when the file or the schema cannot be read, or
 * the schema does not compile.
 */
export async function validateFile(args: ValidateArgs): Promise<string[]> {
  const check = await loadOpenLabelCheck(args.schema);
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch {
    throw new Error(`${args.file}: no such file`);
  }
  try {
    validateOpenLabel(text, path.basename(args.file), check);
    return [];
  } catch (error) {
    if (error instanceof JsonFileError) return error.errors;
    throw error;
  }
}
