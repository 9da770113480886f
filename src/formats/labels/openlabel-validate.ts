import Ajv, { type ValidateFunction } from 'ajv';
import { validateJson } from '../json/validate-json';
import type { OpenLabelFile } from './openlabel-types';

const compiled = new WeakMap<object, ValidateFunction<OpenLabelFile>>();

/**
 * Parses `text` and checks it against the ASAM OpenLABEL JSON Schema, which the caller loads and passes in
 * (the app does not ship it; the CLI reads it from beside the project, tests from their fixtures). Throws a
 * `JsonFileError` with one line per violation, `<file>: <JSON path> <problem>`. The schema is compiled once
 * per schema object. Not strict: the published schema carries keywords JSON Schema does not define.
 */
export function validateOpenLabel(text: string, fileName: string, schema: object): OpenLabelFile {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = new Ajv({ allErrors: true, strict: false }).compile<OpenLabelFile>(schema);
    compiled.set(schema, validate);
  }
  return validateJson(text, fileName, validate);
}
