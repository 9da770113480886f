import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { JsonFileError } from '../json/json-file-error';
import { describeSchemaError, parseJsonFile } from '../json/validate-json';
import schema from './openlabel.schema.json';
import type { OpenLabelFile } from './openlabel-types';

/** A compiled check of a parsed OpenLABEL file. */
export type OpenLabelValidator = ValidateFunction<OpenLabelFile>;

/** One violation: where (a JSON path) and what is wrong there, apart so that equal faults read alike. */
export interface OpenLabelFault {
  place: string;
  message: string;
  /** The JSON Schema keyword broken (`type`, `required`, `maxItems`, …). */
  keyword: string;
  /** For a `type` fault, the type the schema wants there (`object`, `number`, `string,number`, …). */
  expected?: string;
}

let own: OpenLabelValidator | undefined;
const others = new WeakMap<object, OpenLabelValidator>();

/**
 * Frustum's own OpenLABEL 1.0 schema (`openlabel.schema.json`), compiled on first use and kept: compiling
 * takes milliseconds, checking a 37,000-box file a few tens of them, and a batch reads many files.
 */
export function ownOpenLabelValidator(): OpenLabelValidator {
  own ??= new Ajv({ allErrors: true, allowUnionTypes: true }).compile<OpenLabelFile>(schema);
  return own;
}

/**
 * Another draft-07 OpenLABEL schema (ASAM's published one, a team's stricter profile), compiled once per
 * schema object. Not strict: published schemas carry keywords that JSON Schema does not define. Throws ajv's
 * Error when the schema does not compile; the caller names the file it came from.
 */
export function compileOpenLabelSchema(other: object): OpenLabelValidator {
  let validator = others.get(other);
  if (!validator) {
    validator = new Ajv({ allErrors: true, strict: false }).compile<OpenLabelFile>(other);
    others.set(other, validator);
  }
  return validator;
}

/**
 * The violations of a parsed file, in the order the validator meets them: one per fault, none for the
 * errors that only repeat another (an `if` whose `then` failed, a key name whose pattern failed).
 */
export function findOpenLabelFaults(json: unknown, validator = ownOpenLabelValidator()): OpenLabelFault[] {
  if (validator(json)) return [];
  return (validator.errors ?? []).flatMap((error) => describeOpenLabelFault(error) ?? []);
}

/**
 * Parses `text` and checks it against `check`: Frustum's own schema by default, or another schema (an object,
 * compiled by `compileOpenLabelSchema`) or validator. Throws a `JsonFileError` (code `openlabel.schema`) with
 * one line per violation, `<file>: <JSON path> <problem>`, or naming the file when it is not JSON.
 */
export function validateOpenLabel(
  text: string,
  fileName: string,
  check: object | OpenLabelValidator = ownOpenLabelValidator(),
): OpenLabelFile {
  const validator = typeof check === 'function' ? (check as OpenLabelValidator) : compileOpenLabelSchema(check);
  const json = parseJsonFile(text, fileName);
  const faults = findOpenLabelFaults(json, validator);
  if (faults.length === 0) return json as OpenLabelFile;
  throw new JsonFileError(fileName, faults.map((f) => `${f.place} ${f.message}`), 'openlabel.schema'); // prettier-ignore
}

/** What a key that breaks its pattern is not, by the definition in our schema that it breaks. */
const KEY_KINDS: [string, string][] = [
  ['/frameKey/', 'is not a frame number (frame keys are non-negative integers)'],
  ['/meshKey/', 'is not a mesh index (a non-negative integer)'],
  ['/uid/', 'is not an element key (an integer or a UUID)'],
];

/** One ajv error as a fault; a bad key or an unknown property is placed at the key itself. */
function describeOpenLabelFault(error: ErrorObject): OpenLabelFault | undefined {
  const where = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'if' || error.keyword === 'propertyNames') return undefined;
  if (error.keyword === 'pattern' && error.propertyName !== undefined) {
    const kind = KEY_KINDS.find(([definition]) => error.schemaPath.includes(definition));
    const message = kind?.[1] ?? `is not a valid key (${error.message ?? ''})`;
    return { place: childPath(error.instancePath, error.propertyName), message, keyword: 'propertyNames' };
  }
  if (error.keyword === 'additionalProperties') {
    const place = childPath(error.instancePath, String(params['additionalProperty']));
    return { place, message: 'is not allowed here', keyword: error.keyword };
  }
  const line = describeSchemaError(error);
  const expected = error.keyword === 'type' ? { expected: String(params['type']) } : {};
  return { place: where, message: line.slice(where.length + 1), keyword: error.keyword, ...expected };
}

/** The JSON pointer of `key` under `parent`, escaped as RFC 6901 says (`~` → `~0`, `/` → `~1`). */
function childPath(parent: string, key: string): string {
  return `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
