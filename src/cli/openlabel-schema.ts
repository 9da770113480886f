import { readFile } from 'node:fs/promises';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import {
  compileOpenLabelSchema,
  ownOpenLabelValidator,
  type OpenLabelValidator,
} from '../formats/labels/openlabel-validate';
import type { OpenLabelFile } from '../formats/labels/openlabel-types';

/**
 * The OpenLABEL check that `validate` and `convert --to openlabel` run: Frustum's own schema (bundled with the
 * CLI), or with `--schema <file>` the schema in that file instead (ASAM's published one, a team's stricter
 * profile), draft-07, 2019-09 or 2020-12 as its `$schema` says. A check is never skipped: a schema file that
 * cannot be read, is not JSON or does not compile rejects with an Error naming the file.
 */
export async function loadOpenLabelCheck(schemaPath?: string): Promise<OpenLabelValidator> {
  if (schemaPath === undefined) return ownOpenLabelValidator();
  let text: string;
  try {
    text = await readFile(schemaPath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`${schemaPath}: the schema cannot be read (${reason})`, { cause: error });
  }
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    throw new Error(`${schemaPath}: the schema is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new Error(`${schemaPath}: the schema is not a JSON Schema (not an object)`);
  }
  try {
    return compileByDraft(schema);
  } catch (error) {
    throw new Error(`${schemaPath}: the schema does not compile (${(error as Error).message})`, { cause: error });
  }
}

/** Compiles with the ajv class of the schema's draft; not strict, as published schemas carry extra keywords. */
function compileByDraft(schema: object): OpenLabelValidator {
  const declared = (schema as { $schema?: unknown }).$schema;
  const draft = typeof declared === 'string' ? declared : '';
  const options = { allErrors: true, strict: false };
  if (draft.includes('2020-12')) return new Ajv2020(options).compile<OpenLabelFile>(schema);
  if (draft.includes('2019-09')) return new Ajv2019(options).compile<OpenLabelFile>(schema);
  return compileOpenLabelSchema(schema);
}
