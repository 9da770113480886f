import type { ErrorObject, ValidateFunction } from 'ajv';
import { JsonFileError } from './json-file-error';

/**
 * Parses `text` and checks it with a compiled JSON Schema validator. Throws a `JsonFileError` naming `fileName`
 * and, per violation, the JSON path (`/frames/2/lidar/0/path`) and what is wrong there. `describe` words each
 * violation (undefined leaves one out, for errors that only repeat another).
 */
export function validateJson<T>(
  text: string,
  fileName: string,
  validate: ValidateFunction<T>,
  describe: (error: ErrorObject) => string | undefined = describeSchemaError,
): T {
  const json = parseJsonFile(text, fileName);
  if (validate(json)) return json;
  throw new JsonFileError(
    fileName,
    (validate.errors ?? []).flatMap((e) => describe(e) ?? []),
  );
}

/** Parses `text`, or throws a `JsonFileError` naming `fileName` and what the parser found wrong. */
export function parseJsonFile(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonFileError(fileName, [`not valid JSON (${(error as Error).message})`], 'json.syntax');
  }
}

/** One ajv error as `<JSON path> <message>`, with the offending property or the allowed values where useful. */
export function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (error.keyword === 'additionalProperties') detail = ` ("${String(params['additionalProperty'])}")`;
  if (error.keyword === 'enum') detail = `: ${(params['allowedValues'] as unknown[]).join(', ')}`;
  if (error.keyword === 'const') detail = `: ${JSON.stringify(params['allowedValue'])}`;
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}
