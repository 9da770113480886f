import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ProblemValues } from '../problems/file-problem';
import { faultLine, type JsonFault } from './json-fault';
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
  describe: (error: ErrorObject) => string | JsonFault | undefined = schemaFault,
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
  return faultLine(schemaFault(error));
}

/**
 * One ajv error as a fault: ajv's English words (with the offending property or the allowed values where
 * useful), and for the common keywords a code (`schema.<keyword>`) with the values its sentence names.
 */
export function schemaFault(error: ErrorObject): JsonFault {
  const place = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (error.keyword === 'additionalProperties') detail = ` ("${String(params['additionalProperty'])}")`;
  if (error.keyword === 'enum') detail = `: ${(params['allowedValues'] as unknown[]).join(', ')}`;
  if (error.keyword === 'const') detail = `: ${JSON.stringify(params['allowedValue'])}`;
  const message = `${error.message ?? 'is invalid'}${detail}`;
  const coded = schemaCode(error.keyword, params);
  return coded ? { place, message, code: coded[0], values: coded[1] } : { place, message };
}

/** The code and values of an ajv keyword the catalogues word (`schema.required`), else undefined. */
function schemaCode(keyword: string, params: Record<string, unknown>): [`schema.${string}`, ProblemValues] | undefined {
  const text = (v: unknown) => String(v);
  switch (keyword) {
    case 'required':
      return ['schema.required', { property: text(params['missingProperty']) }];
    case 'additionalProperties':
      return ['schema.additional', { property: text(params['additionalProperty']) }];
    case 'type':
      return ['schema.type', { type: text(params['type']) }];
    case 'enum':
      return ['schema.enum', { allowed: (params['allowedValues'] as unknown[]).map(text).join(', ') }];
    case 'const':
      return ['schema.const', { allowed: JSON.stringify(params['allowedValue']) }];
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return ['schema.limit', { comparison: text(params['comparison']), limit: Number(params['limit']) }];
    case 'minItems':
      return ['schema.min-items', { limit: Number(params['limit']) }];
    case 'maxItems':
      return ['schema.max-items', { limit: Number(params['limit']) }];
    case 'minLength':
      return ['schema.min-length', { limit: Number(params['limit']) }];
    case 'pattern':
      return ['schema.pattern', { pattern: text(params['pattern']) }];
    default:
      return undefined;
  }
}
